package dev.autoscaling.samples.simulate;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.cluster.SimNode;
import dev.autoscaling.simulation.cluster.SimPod;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.simulation.karpenter.Claim;
import dev.autoscaling.simulation.keda.KedaOperator;
import dev.autoscaling.simulation.workload.StoreWorkload;
import dev.autoscaling.simulation.workload.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The simulated controllers ({@link ScalingSimulation}) acting on a Kubernetes API server, for {@code workshop demo}:
 * on a thread of its own, every {@value #TICK_MILLIS} ms it reads what was applied (Deployments, StatefulSets,
 * ScaledObjects, NodePools, AKSNodeClasses, replicas someone set), advances the simulation by its speed in virtual
 * seconds, and writes what the real controllers would write: Deployment scale and status, Pods (nodeName, phase,
 * Ready), the {@code keda-hpa-*} HPA with its status, ScaledObject, NodePool and AKSNodeClass conditions, NodeClaims
 * with their conditions, Nodes (labels, taints, Ready, OS image), LoadBalancer IPs and Events. It starts as Node Auto
 * Provisioning would leave a new cluster: NAP's NodePools and AKSNodeClass, AKS's system pool. Whoever reads the API
 * (the workshop's checks, {@code workshop watch}) sees no difference from a cluster.
 */
public final class LiveCluster implements AutoCloseable {

  public static final long TICK_MILLIS = 100;

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final ResourceDefinitionContext PODS = ctx("", "v1", "pods", "Pod", true);
  private static final ResourceDefinitionContext NODES = ctx("", "v1", "nodes", "Node", false);
  private static final ResourceDefinitionContext EVENTS = ctx("", "v1", "events", "Event", true);
  private static final ResourceDefinitionContext SERVICES = ctx("", "v1", "services", "Service", true);
  private static final ResourceDefinitionContext DEPLOYMENTS = ctx("apps", "v1", "deployments", "Deployment", true);
  private static final ResourceDefinitionContext STATEFULSETS = ctx("apps", "v1", "statefulsets", "StatefulSet",
      true);
  private static final ResourceDefinitionContext HPAS = ctx("autoscaling", "v2", "horizontalpodautoscalers",
      "HorizontalPodAutoscaler", true);
  private static final ResourceDefinitionContext SCALED_OBJECTS = ctx("keda.sh", "v1alpha1", "scaledobjects",
      "ScaledObject", true);
  private static final ResourceDefinitionContext NODEPOOLS = ctx("karpenter.sh", "v1", "nodepools", "NodePool",
      false);
  private static final ResourceDefinitionContext NODECLAIMS = ctx("karpenter.sh", "v1", "nodeclaims", "NodeClaim",
      false);
  private static final ResourceDefinitionContext NODECLASSES = ctx("karpenter.azure.com", "v1beta1",
      "aksnodeclasses", "AKSNodeClass", false);

  private final KubernetesClient client;
  private final String namespace;
  private final ScalingSimulation sim;
  private final Consumer<String> log;
  private final Map<String, String> specs = new HashMap<>();
  private final Map<String, Integer> replicasSeen = new HashMap<>();
  private final Map<String, Map<String, String>> templateLabels = new HashMap<>();
  private final Map<String, ResourceDefinitionContext> kinds = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  private final Set<String> services = new HashSet<>();
  private volatile double speed;
  private volatile Taint taint;
  private volatile boolean running = true;
  private volatile RuntimeException failure;
  private int eventsWritten;
  private long eventCounter;
  private final Thread thread;

  private LiveCluster(KubernetesClient client, String namespace, double speed, Consumer<String> log) {
    this.client = client;
    this.namespace = namespace;
    this.speed = speed;
    this.log = log;
    this.sim = ScalingSimulation.of(List.of(), List.of(), List.of(), List.of()).load(null);
    this.thread = new Thread(this::loop, "simulated-controllers");
    this.thread.setDaemon(true);
  }

  /**
   * Creates NAP's NodePools and AKSNodeClass on the API server and starts the controllers at {@code speed} virtual
   * seconds per wall second; {@code log} gets one line per controller event.
   */
  public static LiveCluster start(KubernetesClient client, String namespace, double speed, Consumer<String> log) {
    LiveCluster live = new LiveCluster(client, namespace, speed, log);
    put(client, NODECLASSES, null, JSON.convertValue(ScalingSimulation.napNodeClass(), GenericKubernetesResource.class));
    for (NodePool pool : ScalingSimulation.napNodePools()) {
      put(client, NODEPOOLS, null, JSON.convertValue(pool, GenericKubernetesResource.class));
    }
    live.thread.start();
    return live;
  }

  /** What the simulation assumes, to say up front. */
  public List<String> assumptions() {
    synchronized (sim) {
      return sim.result().assumptions();
    }
  }

  public void speed(double virtualSecondsPerSecond) {
    this.speed = virtualSecondsPerSecond;
  }

  /** AKS's {@code az aks nodepool update --node-taints} on the system pool, from the next tick. */
  public void taintSystemPool(Taint value) {
    this.taint = value;
  }

  /** Waits (wall time) until the simulation satisfies the condition; false on timeout or failure. */
  public boolean await(Predicate<ScalingSimulation> condition, long wallMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + wallMillis;
    while (System.currentTimeMillis() < deadline && failure == null) {
      synchronized (sim) {
        if (condition.test(sim)) {
          return true;
        }
      }
      Thread.sleep(TICK_MILLIS);
    }
    return false;
  }

  /** Reads the simulation's state under its lock. */
  public <T> T read(java.util.function.Function<ScalingSimulation, T> query) {
    synchronized (sim) {
      return query.apply(sim);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    double owed = 0;
    while (running) {
      long start = System.currentTimeMillis();
      try {
        synchronized (sim) {
          readInputs();
          owed += speed * TICK_MILLIS / 1000.0;
          for (; owed >= 1; owed--) {
            sim.step();
          }
        }
        writeState();
      } catch (KubernetesClientException e) {
        // a write that raced with an apply: the next tick writes again
      } catch (RuntimeException e) {
        failure = e;
        log.accept("simulated controllers stopped: " + e);
        return;
      }
      long left = TICK_MILLIS - (System.currentTimeMillis() - start);
      if (left > 0) {
        try {
          Thread.sleep(left);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  // ---- what was applied

  private void readInputs() {
    if (taint != null) {
      sim.taintSystemPool(taint);
      taint = null;
    }
    for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
      workload("Deployment", d.getMetadata().getName(), d.getSpec().getReplicas(), d.getSpec().getTemplate()
          .getMetadata() == null ? null : d.getSpec().getTemplate().getMetadata().getLabels(),
          d.getSpec().getTemplate().getSpec(), DEPLOYMENTS);
    }
    for (StatefulSet s : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
      workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getReplicas(), s.getSpec().getTemplate()
          .getMetadata() == null ? null : s.getSpec().getTemplate().getMetadata().getLabels(),
          s.getSpec().getTemplate().getSpec(), STATEFULSETS);
    }
    for (GenericKubernetesResource g : list(NODECLASSES, null)) {
      if (changed("AKSNodeClass/" + g.getMetadata().getName(), g)) {
        sim.apply(JSON.convertValue(g, AKSNodeClass.class));
      }
    }
    for (GenericKubernetesResource g : list(NODEPOOLS, null)) {
      if (changed("NodePool/" + g.getMetadata().getName(), g)) {
        sim.apply(JSON.convertValue(g, NodePool.class));
      }
    }
    for (GenericKubernetesResource g : list(SCALED_OBJECTS, namespace)) {
      if (changed("ScaledObject/" + g.getMetadata().getName(), g)) {
        sim.apply(JSON.convertValue(g, ScaledObject.class));
      }
    }
    for (GenericKubernetesResource g : list(SERVICES, namespace)) {
      Object type = g.get("spec", "type");
      if ("LoadBalancer".equals(type)) {
        services.add(g.getMetadata().getName());
      }
    }
  }

  private void workload(String kind, String name, Integer replicas, Map<String, String> labels, PodSpec pod,
      ResourceDefinitionContext ctx) {
    int wanted = replicas == null ? 1 : replicas;
    if (!sim.workloads().containsKey(name)) {
      sim.addWorkload(SimulationInputs.workload(name, wanted, pod));
      templateLabels.put(name, labels == null ? Map.of("app", name) : labels);
      kinds.put(name, ctx);
      replicasSeen.put(name, wanted);
      return;
    }
    if (replicasSeen.getOrDefault(name, wanted) != wanted) {
      // someone scaled it (kubectl scale, an apply): the simulation follows
      sim.scale(name, wanted);
    }
    replicasSeen.put(name, wanted);
  }

  private boolean changed(String key, GenericKubernetesResource g) {
    String spec = String.valueOf(g.getAdditionalProperties().get("spec"));
    return !spec.equals(specs.put(key, spec));
  }

  // ---- what the controllers write

  private void writeState() {
    List<Runnable> writes = new ArrayList<>();
    synchronized (sim) {
      String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
      long t = sim.now();
      for (Workload w : sim.workloads().values()) {
        ResourceDefinitionContext ctx = kinds.get(w.name());
        if (ctx == null) {
          continue;
        }
        int replicas = w.replicas();
        if (replicasSeen.getOrDefault(w.name(), replicas) != replicas) {
          replicasSeen.put(w.name(), replicas);
          writes.add(() -> client.genericKubernetesResources(ctx).inNamespace(namespace).withName(w.name())
              .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}"));
        }
        long ready = sim.pods().stream().filter(p -> p.workload().equals(w.name()) && p.ready(t)).count();
        long existing = sim.pods().stream().filter(p -> p.workload().equals(w.name())).count();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("replicas", existing);
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        status.put("updatedReplicas", existing);
        status.put("observedGeneration", 1);
        status(writes, ctx, namespace, w.name(), status);
      }
      Map<String, GenericKubernetesResource> pods = new LinkedHashMap<>();
      for (SimPod p : sim.pods()) {
        pods.put(p.name(), pod(p, t, now));
      }
      sync(writes, PODS, namespace, pods);
      Map<String, GenericKubernetesResource> nodes = new LinkedHashMap<>();
      for (SimNode n : sim.nodes()) {
        nodes.put(n.name(), node(n, now));
      }
      sync(writes, NODES, null, nodes);
      Map<String, GenericKubernetesResource> claims = new LinkedHashMap<>();
      for (Claim c : sim.nodeClaims()) {
        claims.put(c.name(), claim(c, t, now));
      }
      sync(writes, NODECLAIMS, null, claims);
      for (KedaOperator o : sim.operators()) {
        writes.add(hpa(o, now));
        Map<String, Object> status = new LinkedHashMap<>();
        // KEDA's conditions carry type, status, reason and message only
        status.put("conditions", List.of(
            Map.of("type", "Ready", "status", "True", "reason", "ScaledObjectReady",
                "message", "ScaledObject is defined correctly and is ready for scaling"),
            Map.of("type", "Active", "status", o.active() ? "True" : "False", "reason",
                o.active() ? "ScalerActive" : "ScalerNotActive", "message", o.active()
                    ? "Scaling is performed because triggers are active" : "Scaling is not performed because"
                    + " triggers are not active"),
            Map.of("type", "Fallback", "status", "False", "reason", "NoFallbackFound",
                "message", "No fallbacks are active on this scaled object")));
        status.put("hpaName", "keda-hpa-" + o.name());
        status.put("originalReplicaCount", 1);
        status(writes, SCALED_OBJECTS, namespace, o.name(), status);
      }
      for (String pool : sim.karpenter().pools().keySet()) {
        status(writes, NODEPOOLS, null, pool, Map.of("conditions", readyConditions(now,
            "ValidationSucceeded", "NodeClassReady")));
      }
      for (String key : specs.keySet()) {
        if (key.startsWith("AKSNodeClass/")) {
          Map<String, Object> status = new LinkedHashMap<>();
          status.put("conditions", readyConditions(now, "ImagesReady", "KubernetesVersionReady", "SubnetsReady",
              "ValidationSucceeded"));
          status.put("images", List.of(Map.of("id", "/CommunityGalleries/simulated/images/node-image/versions/1")));
          status.put("kubernetesVersion", "1.33.3");
          status(writes, NODECLASSES, null, key.substring(key.indexOf('/') + 1), status);
        }
      }
      int ip = 10;
      for (String service : services) {
        status(writes, SERVICES, namespace, service, Map.of("loadBalancer", Map.of("ingress",
            List.of(Map.of("ip", "20.62.0." + ip++)))));
      }
      List<SimulationResult.Event> events = sim.events();
      for (; eventsWritten < events.size(); eventsWritten++) {
        SimulationResult.Event e = events.get(eventsWritten);
        if (!e.source().equals("kubectl")) {
          log.accept(String.format(java.util.Locale.ROOT, "~ %6d s  %-13s %-22s %s: %s", e.t(), e.source(),
              e.reason(), e.object(), e.message()));
        }
        writes.add(event(e, now));
      }
    }
    for (Runnable write : writes) {
      try {
        write.run();
      } catch (KubernetesClientException e) {
        // raced with another writer: the next tick writes again
      }
    }
  }

  private void status(List<Runnable> writes, ResourceDefinitionContext ctx, String ns, String name,
      Map<String, Object> status) {
    String key = ctx.getKind() + "/" + name + "/status";
    String text = String.valueOf(stripTimes(status));
    String spec = specs.get(ctx.getKind() + "/" + name);
    if ((text + spec).equals(written.get(key))) {
      return;
    }
    written.put(key, text + spec);
    writes.add(() -> {
      var resource = ns == null ? client.genericKubernetesResources(ctx).withName(name)
          : client.genericKubernetesResources(ctx).inNamespace(ns).withName(name);
      GenericKubernetesResource live = resource.get();
      if (live == null) {
        written.remove(key);
        return;
      }
      Map<String, Object> withGeneration = new LinkedHashMap<>(status);
      Long generation = live.getMetadata().getGeneration();
      if (generation != null && ctx.getGroup().startsWith("karpenter")
          && withGeneration.get("conditions") instanceof List<?> conditions) {
        List<Object> stamped = new ArrayList<>();
        for (Object c : conditions) {
          Map<String, Object> copy = new LinkedHashMap<>(castMap(c));
          copy.put("observedGeneration", generation);
          stamped.add(copy);
        }
        withGeneration.put("conditions", stamped);
      }
      live.getAdditionalProperties().put("status", withGeneration);
      try {
        (ns == null ? client.genericKubernetesResources(ctx).resource(live)
            : client.genericKubernetesResources(ctx).inNamespace(ns).resource(live)).update();
      } catch (KubernetesClientException e) {
        written.remove(key);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static Object stripTimes(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!"lastTransitionTime".equals(k) && !"lastScaleTime".equals(k)) {
          copy.put(k, stripTimes(v));
        }
      });
      return copy;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(LiveCluster::stripTimes).toList();
    }
    return o;
  }

  /** Creates, replaces and deletes the objects of one kind so that the API holds exactly {@code desired}. */
  private void sync(List<Runnable> writes, ResourceDefinitionContext ctx, String ns,
      Map<String, GenericKubernetesResource> desired) {
    String prefix = ctx.getKind() + "/";
    for (String key : new ArrayList<>(written.keySet())) {
      if (key.startsWith(prefix) && !key.endsWith("/status") && !desired.containsKey(key.substring(prefix.length()))) {
        written.remove(key);
        String name = key.substring(prefix.length());
        writes.add(() -> (ns == null ? client.genericKubernetesResources(ctx).withName(name)
            : client.genericKubernetesResources(ctx).inNamespace(ns).withName(name)).delete());
      }
    }
    desired.forEach((name, object) -> {
      String text = String.valueOf(stripTimes(object.getAdditionalProperties())) + object.getMetadata().getLabels();
      if (!text.equals(written.get(prefix + name))) {
        written.put(prefix + name, text);
        writes.add(() -> put(client, ctx, ns, object));
      }
    });
  }

  private static void put(KubernetesClient client, ResourceDefinitionContext ctx, String ns,
      GenericKubernetesResource object) {
    object.getMetadata().setResourceVersion(null);
    var resources = client.genericKubernetesResources(ctx);
    (ns == null ? resources.resource(object) : resources.inNamespace(ns).resource(object))
        .createOr(NonDeletingOperation::update);
  }

  private List<GenericKubernetesResource> list(ResourceDefinitionContext ctx, String ns) {
    return (ns == null ? client.genericKubernetesResources(ctx) : client.genericKubernetesResources(ctx)
        .inNamespace(ns)).list().getItems();
  }

  private static ResourceDefinitionContext ctx(String group, String version, String plural, String kind,
      boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(namespaced).build();
  }

  private static GenericKubernetesResource object(String apiVersion, String kind, String name, String ns,
      Map<String, String> labels, Map<String, Object> body) {
    GenericKubernetesResource g = new GenericKubernetesResource();
    g.setApiVersion(apiVersion);
    g.setKind(kind);
    g.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(ns)
        .withLabels(labels).build());
    body.forEach(g.getAdditionalProperties()::put);
    return g;
  }

  private static Map<String, Object> condition(String type, String status, String reason, String message,
      String now, Long generation) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", now);
    if (generation != null) {
      c.put("observedGeneration", generation);
    }
    return c;
  }

  private static List<Object> readyConditions(String now, String... types) {
    List<Object> conditions = new ArrayList<>();
    for (String type : types) {
      conditions.add(condition(type, "True", type, "", now, null));
    }
    conditions.add(condition("Ready", "True", "Ready", "", now, null));
    return conditions;
  }

  private GenericKubernetesResource pod(SimPod p, long t, String now) {
    boolean ready = p.ready(t);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("containers", List.of(Map.of("name", p.workload(), "image", "simulated",
        "resources", Map.of("requests", Map.of("cpu", p.cpuMilli() + "m", "memory", p.memoryMi() + "Mi")))));
    if (p.node() != null) {
      spec.put("nodeName", p.node());
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", p.node() == null ? "Pending" : "Running");
    status.put("conditions", p.node() == null
        ? List.of(condition("PodScheduled", "False", "Unschedulable", "0/" + sim.nodes().size()
            + " nodes are available", now, null))
        : List.of(condition("PodScheduled", "True", "", "", now, null),
            condition("Ready", ready ? "True" : "False", ready ? "" : "ContainersNotReady", "", now, null)));
    return object("v1", "Pod", p.name(), namespace, templateLabels.getOrDefault(p.workload(), Map.of()),
        Map.of("spec", spec, "status", status));
  }

  private static GenericKubernetesResource node(SimNode n, String now) {
    List<Object> taints = new ArrayList<>();
    for (Taint taint : n.taints()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", taint.key());
      if (!taint.value().isEmpty()) {
        m.put("value", taint.value());
      }
      m.put("effect", taint.effect());
      taints.add(m);
    }
    if (!n.ready()) {
      taints.add(Map.of("key", "node.kubernetes.io/not-ready", "effect", "NoSchedule"));
    }
    Map<String, Object> resources = Map.of("cpu", n.allocatableCpuMilli() + "m", "memory",
        n.allocatableMemoryMi() + "Mi", "pods", "250");
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("allocatable", resources);
    status.put("capacity", resources);
    status.put("conditions", List.of(condition("Ready", n.ready() ? "True" : "False",
        n.ready() ? "KubeletReady" : "KubeletNotReady", n.ready() ? "kubelet is posting ready status" : "",
        now, null)));
    status.put("nodeInfo", Map.of("osImage", n.osImage(), "architecture", n.labels()
        .getOrDefault("kubernetes.io/arch", "amd64"), "operatingSystem", "linux", "kubeletVersion", "v1.33.3"));
    return object("v1", "Node", n.name(), null, n.labels(), Map.of("spec", Map.of("taints", taints,
        "providerID", "azure:///subscriptions/simulated/virtualMachines/" + n.name()), "status", status));
  }

  private static GenericKubernetesResource claim(Claim c, long t, String now) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("karpenter.sh/nodepool", c.pool().name());
    labels.put("node.kubernetes.io/instance-type", c.type().name());
    labels.put("karpenter.sh/capacity-type", "on-demand");
    labels.put("kubernetes.io/arch", c.type().arch());
    labels.put("karpenter.azure.com/sku-name", c.type().name());
    labels.put("topology.kubernetes.io/zone", c.type().labels().get("topology.kubernetes.io/zone"));
    String launched = c.launched(t) ? "True" : "Unknown";
    String registered = c.registered(t) ? "True" : "Unknown";
    String initialized = c.initialized(t) ? "True" : "Unknown";
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("conditions", List.of(condition("Launched", launched, launched.equals("True") ? "Launched"
            : "AwaitingReconciliation", "", now, null),
        condition("Registered", registered, registered.equals("True") ? "Registered" : "AwaitingReconciliation",
            "", now, null),
        condition("Initialized", initialized, initialized.equals("True") ? "Initialized"
            : "AwaitingReconciliation", "", now, null),
        condition("Ready", initialized, initialized.equals("True") ? "Ready" : "AwaitingReconciliation", "",
            now, null)));
    if (c.registered(t)) {
      status.put("nodeName", c.nodeName());
    }
    if (c.launched(t)) {
      status.put("providerID", "azure:///subscriptions/simulated/virtualMachines/" + c.nodeName());
      status.put("capacity", Map.of("cpu", Integer.toString(c.type().vcpus()), "memory", c.type().memoryMi()
          + "Mi"));
    }
    Map<String, Object> spec = Map.of("nodeClassRef", Map.of("group", "karpenter.azure.com", "kind", "AKSNodeClass",
        "name", String.valueOf(c.pool().nodeClass())), "requirements", List.of(Map.of("key",
        "node.kubernetes.io/instance-type", "operator", "In", "values", List.of(c.type().name()))));
    return object("karpenter.sh/v1", "NodeClaim", c.name(), null, labels, Map.of("spec", spec, "status", status));
  }

  private Runnable hpa(KedaOperator o, String now) {
    String name = "keda-hpa-" + o.name();
    Workload target = sim.workloads().get(o.target());
    int current = target == null ? 0 : target.replicas();
    Map<String, Object> metric = Map.of("name", "s0-rabbitmq-" + StoreWorkload.CUSTOMER.replace("virtual-", ""),
        "selector", Map.of("matchLabels", Map.of("scaledobject.keda.sh/name", o.name())));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", o.target()));
    spec.put("minReplicas", o.hpa().minReplicas());
    spec.put("maxReplicas", o.hpa().maxReplicas());
    spec.put("metrics", List.of(Map.of("type", "External", "external", Map.of("metric", metric, "target",
        Map.of("type", "AverageValue", "averageValue", "10")))));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentReplicas", current);
    status.put("desiredReplicas", current);
    status.put("currentMetrics", List.of(Map.of("type", "External", "external", Map.of("metric", metric,
        "current", Map.of("averageValue", current == 0 ? "0" : (long) Math.floor(sim.queue()) * 1000 / current
            + "m")))));
    status.put("conditions", List.of(condition("AbleToScale", "True", "ReadyForNewScale", "", now, null),
        condition("ScalingActive", "True", "ValidMetricFound", "", now, null)));
    GenericKubernetesResource hpa = object("autoscaling/v2", "HorizontalPodAutoscaler", name, namespace,
        Map.of("scaledobject.keda.sh/name", o.name(), "app.kubernetes.io/managed-by", "keda-operator"),
        Map.of("spec", spec, "status", status));
    String key = "HorizontalPodAutoscaler/" + name;
    String text = String.valueOf(stripTimes(hpa.getAdditionalProperties()));
    if (text.equals(written.get(key))) {
      return () -> { };
    }
    written.put(key, text);
    return () -> put(client, HPAS, namespace, hpa);
  }

  private Runnable event(SimulationResult.Event e, String now) {
    String kind = e.object().substring(0, e.object().indexOf('/'));
    String name = e.object().substring(e.object().indexOf('/') + 1);
    boolean namespaced = Set.of("ScaledObject", "HorizontalPodAutoscaler", "Deployment", "Pod").contains(kind);
    String ns = namespaced ? namespace : "default";
    Map<String, Object> involved = new LinkedHashMap<>();
    involved.put("kind", kind);
    involved.put("name", name);
    if (namespaced) {
      involved.put("namespace", namespace);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("involvedObject", involved);
    body.put("reason", e.reason());
    body.put("message", e.message());
    body.put("type", e.reason().contains("Blocked") || e.reason().startsWith("Failed") ? "Warning" : "Normal");
    body.put("source", Map.of("component", e.source()));
    body.put("firstTimestamp", now);
    body.put("lastTimestamp", now);
    body.put("count", 1);
    GenericKubernetesResource event = object("v1", "Event", name + "." + Long.toHexString(0x18000000L
        + eventCounter++), ns, null, body);
    return () -> put(client, EVENTS, ns, event);
  }
}
