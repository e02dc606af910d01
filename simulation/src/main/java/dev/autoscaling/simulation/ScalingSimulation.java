package dev.autoscaling.simulation;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.simulation.cluster.Scheduler;
import dev.autoscaling.simulation.cluster.SimNode;
import dev.autoscaling.simulation.cluster.SimPod;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.simulation.karpenter.AzureCatalogue;
import dev.autoscaling.simulation.karpenter.Claim;
import dev.autoscaling.simulation.karpenter.ClusterOps;
import dev.autoscaling.simulation.karpenter.InstanceType;
import dev.autoscaling.simulation.karpenter.Karpenter;
import dev.autoscaling.simulation.karpenter.Pool;
import dev.autoscaling.simulation.keda.KedaOperator;
import dev.autoscaling.simulation.workload.StoreWorkload;
import dev.autoscaling.simulation.workload.Workload;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A deterministic, discrete-time (1 s steps) simulation of what KEDA, the HPA, the Deployment controller, the
 * scheduler, the taint manager and Karpenter (Node Auto Provisioning on AKS) do with a workload, its ScaledObjects
 * and NodePools under a load: the replicas, the pending pods, the NodeClaims by size, the nodes and what they cost.
 * The same inputs always give the same timeline.
 *
 * <pre>{@code
 * SimulationResult r = ScalingSimulation.of(StoreWorkload.aksStore(), List.of(scaledObject),
 *         ScalingSimulation.napNodePools(), List.of(ScalingSimulation.napNodeClass()))
 *     .load(LoadProfile.parse("0s=4,30m=1"))
 *     .run(Duration.ofHours(1));
 * r.summary().toText().forEach(System.out::println);
 * }</pre>
 *
 * <p>Each step, in this order: scheduled changes ({@link #at}), the load and the queue (producers and consumers
 * count only while Ready), KEDA's polls ({@link KedaOperator}), the HPA's syncs ({@code HpaController}, every
 * {@value dev.autoscaling.simulation.hpa.HpaController#SYNC_PERIOD_SECONDS} s), the Deployment controller (pods
 * created Pending; on scale-in pending, then unready, then newest pods go first, as {@code controller.ActivePods}
 * orders them), the taint manager (pods that do not tolerate a NoExecute taint of their node are evicted and
 * recreated), the scheduler ({@link Scheduler}), then Karpenter ({@link Karpenter}). Pods are Ready
 * {@value #POD_STARTUP_SECONDS} s after binding. AKS's system pool is {@value #SYSTEM_NODES} nodes of
 * {@value #SYSTEM_SIZE} (az aks create's default count; the size is an assumption), labelled
 * {@code kubernetes.azure.com/mode=system}.
 */
public final class ScalingSimulation {

  public static final long POD_STARTUP_SECONDS = 5;
  public static final int SYSTEM_NODES = 3;
  public static final String SYSTEM_SIZE = "Standard_D2s_v3";
  public static final String DEFAULT_REGION = "eastus2";

  private final Map<String, Workload> workloads = new LinkedHashMap<>();
  private final List<SimPod> pods = new ArrayList<>();
  private final List<SimNode> nodes = new ArrayList<>();
  private final List<KedaOperator> operators = new ArrayList<>();
  private final Map<String, Long> operatorSince = new HashMap<>();
  private final Map<String, AKSNodeClass> nodeClasses = new TreeMap<>();
  private final Map<String, NodePool> nodePools = new TreeMap<>();
  private final TreeMap<Long, List<Consumer<ScalingSimulation>>> actions = new TreeMap<>();
  private final List<SimulationResult.Event> events = new ArrayList<>();
  private final List<SimulationResult.Sample> timeline = new ArrayList<>();
  private final List<String> assumptions = new ArrayList<>();
  private final Map<String, Double> nodeSeconds = new TreeMap<>();
  private final Map<String, Double> usd = new TreeMap<>();
  private final Map<String, Integer> peakNodes = new TreeMap<>();
  private final Karpenter karpenter;
  private final ClusterOps ops = new Ops();
  private LoadProfile load = LoadProfile.parse("0s=1");
  private double customerRate = StoreWorkload.ORDERS_PER_HOUR / 3600;
  private double workerRate = StoreWorkload.ORDERS_PER_HOUR / 3600;
  private String producer = StoreWorkload.CUSTOMER;
  private String consumer = StoreWorkload.WORKER;
  private double queue;
  private long now;
  private long podCounter;
  private int peakReplicas;
  private Long drainedAt;
  private double systemUsd;

  private ScalingSimulation(List<Workload> workloads, String region) {
    workloads.forEach(w -> this.workloads.put(w.name(), w));
    this.karpenter = new Karpenter(AzureCatalogue.region(region));
    InstanceType system = karpenter.catalogue().stream().filter(t -> t.name().equals(SYSTEM_SIZE)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(SYSTEM_SIZE + " has no price in " + region));
    for (int i = 0; i < SYSTEM_NODES; i++) {
      Map<String, String> labels = new LinkedHashMap<>(system.labels());
      labels.put("kubernetes.azure.com/mode", "system");
      labels.put("kubernetes.azure.com/agentpool", "nodepool1");
      String name = "aks-nodepool1-12345678-vmss00000" + i;
      labels.put("kubernetes.io/hostname", name);
      labels.remove("karpenter.sh/capacity-type");
      SimNode node = new SimNode(name, labels, List.of(), system.allocatableCpuMilli(),
          system.allocatableMemoryMi(), null, system.name(), system.usdPerHour(), 0, "Ubuntu 22.04.5 LTS");
      node.ready(true);
      nodes.add(node);
    }
    assumptions.add("AKS system pool nodepool1: " + SYSTEM_NODES + " x " + SYSTEM_SIZE + " ($" + system.usdPerHour()
        + "/h each), labelled kubernetes.azure.com/mode=system");
    assumptions.add("NodeClaims: Launched after " + Claim.LAUNCHED_AFTER + " s, node Registered after "
        + Claim.REGISTERED_AFTER + " s, Initialized and Ready after " + Claim.INITIALIZED_AFTER + " s; pods Ready "
        + POD_STARTUP_SECONDS + " s after binding; drains are instant");
    assumptions.add("VM sizes and prices: " + region + " from shared/reference/azure-vm-on-demand-prices.csv; "
        + karpenter.catalogue().size() + " sizes whose capacity their name gives (families D v3+, E v3+, F),"
        + " one zone, on-demand only");
  }

  /**
   * A simulation of these workloads (Deployments/StatefulSets), ScaledObjects, NodePools and AKSNodeClasses in
   * eastus2.
   *
   * @throws IllegalArgumentException when a ScaledObject's answer cannot be computed (see {@link KedaOperator#of})
   */
  public static ScalingSimulation of(List<Workload> workloads, List<ScaledObject> scaledObjects,
      List<NodePool> nodePools, List<AKSNodeClass> nodeClasses) {
    return of(workloads, scaledObjects, nodePools, nodeClasses, DEFAULT_REGION);
  }

  public static ScalingSimulation of(List<Workload> workloads, List<ScaledObject> scaledObjects,
      List<NodePool> nodePools, List<AKSNodeClass> nodeClasses, String region) {
    ScalingSimulation sim = new ScalingSimulation(workloads, region);
    nodeClasses.forEach(sim::apply);
    nodePools.forEach(sim::apply);
    scaledObjects.forEach(sim::apply);
    sim.reconcile();
    sim.startPods();
    return sim;
  }

  /** Node Auto Provisioning's own NodePools, default and system-surge. */
  public static List<NodePool> napNodePools() {
    return NapDefaults.nodePools();
  }

  /** Node Auto Provisioning's AKSNodeClass default. */
  public static AKSNodeClass napNodeClass() {
    return NapDefaults.nodeClass();
  }

  /** The producer and consumer rates per Ready replica, in messages per second (default 100 an hour each). */
  public ScalingSimulation rates(String producerWorkload, double producerPerSecond, String consumerWorkload,
      double consumerPerSecond) {
    this.producer = producerWorkload;
    this.customerRate = producerPerSecond;
    this.consumer = consumerWorkload;
    this.workerRate = consumerPerSecond;
    return this;
  }

  /**
   * The load; null: none of the simulation's own, the producers are whatever replicas the producer workload is
   * given ({@link #scale}), as when something outside (a live API server) sets them.
   */
  public ScalingSimulation load(@Nullable LoadProfile profile) {
    this.load = profile;
    return this;
  }

  /** Adds a workload (a Deployment or StatefulSet created meanwhile); one of that name stays as it is. */
  public void addWorkload(Workload workload) {
    if (workloads.putIfAbsent(workload.name(), workload) == null) {
      reconcile();
    }
  }

  /** Runs {@code change} at second {@code at} (apply a NodePool, taint the system pool, ...). */
  public ScalingSimulation at(Duration at, Consumer<ScalingSimulation> change) {
    actions.computeIfAbsent(at.toSeconds(), t -> new ArrayList<>()).add(change);
    return this;
  }

  /** Adds or replaces a ScaledObject; KEDA starts polling it now. */
  public void apply(ScaledObject scaledObject) {
    KedaOperator operator = KedaOperator.of(scaledObject);
    operators.removeIf(o -> o.name().equals(operator.name()));
    operators.add(operator);
    operatorSince.put(operator.name(), now);
    event("keda", "ScaledObjectReady", "ScaledObject/" + operator.name(), "scaling " + operator.target()
        + ", polling every " + operator.pollingInterval() + " s, HPA keda-hpa-" + operator.name() + " min "
        + operator.hpa().minReplicas() + " max " + operator.hpa().maxReplicas());
  }

  /** Adds or replaces a NodePool; a changed template drifts its nodes. */
  public void apply(NodePool nodePool) {
    nodePools.put(nodePool.getMetadata().getName(), nodePool);
    refreshPools();
  }

  /** Adds or replaces an AKSNodeClass; a changed spec drifts the nodes of the NodePools on it. */
  public void apply(AKSNodeClass nodeClass) {
    nodeClasses.put(nodeClass.getMetadata().getName(), nodeClass);
    refreshPools();
  }

  private void refreshPools() {
    for (NodePool nodePool : nodePools.values()) {
      var ref = nodePool.getSpec().getTemplate().getSpec().getNodeClassRef();
      Pool pool = Pool.of(nodePool, ref == null ? null : nodeClasses.get(ref.getName()));
      pool.notes().stream().filter(n -> !assumptions.contains(n)).forEach(assumptions::add);
      karpenter.pool(pool);
    }
  }

  /** Taints the AKS system pool's nodes ({@code az aks nodepool update --node-taints}). */
  public void taintSystemPool(Taint taint) {
    for (SimNode node : nodes) {
      if (node.nodePool() == null && !node.taints().contains(taint)) {
        node.taints().add(taint);
      }
    }
    event("aks", "NodePoolUpdated", "AgentPool/nodepool1", "taint " + taint);
  }

  /** Sets a workload's replicas, as {@code kubectl scale} does. */
  public void scale(String workload, int replicas) {
    Workload w = workloads.get(workload);
    if (w == null) {
      throw new IllegalArgumentException("no workload " + workload + "; there are " + workloads.keySet());
    }
    workloads.put(workload, w.withReplicas(replicas));
  }

  /** Runs until second {@code duration} and returns the whole run so far. */
  public SimulationResult run(Duration duration) {
    long end = duration.toSeconds();
    while (now < end) {
      step();
    }
    return result();
  }

  /** One second. */
  public void step() {
    now++;
    List<Consumer<ScalingSimulation>> due = actions.remove(now);
    if (due != null) {
      due.forEach(a -> a.accept(this));
    }
    flow();
    for (KedaOperator operator : operators) {
      long since = now - operatorSince.get(operator.name());
      Workload target = workloads.get(operator.target());
      if (target == null) {
        continue;
      }
      int current = target.replicas();
      if (since % operator.pollingInterval() == 0) {
        int next = operator.poll(now, current, Math.floor(queue));
        if (next != current) {
          event("keda", next > current ? "KEDAScaleTargetActivated" : "KEDAScaleTargetDeactivated",
              "ScaledObject/" + operator.name(), "scaled " + operator.target() + " from " + current + " to " + next);
          scale(operator.target(), next);
          current = next;
        }
      }
      if (since % dev.autoscaling.simulation.hpa.HpaController.SYNC_PERIOD_SECONDS == 0 && current > 0) {
        int proposal = operator.hpaProposal(current, Math.floor(queue));
        int desired = operator.hpa().decide(now, current, proposal);
        if (desired != current) {
          event("hpa", "SuccessfulRescale", "HorizontalPodAutoscaler/keda-hpa-" + operator.name(), "New size: "
              + desired + "; reason: external metric " + (long) Math.floor(queue) + " messages ("
              + operator.hpa().lastReason() + ")");
          scale(operator.target(), desired);
        }
      }
      peakReplicas = Math.max(peakReplicas, workloads.get(operator.target()).replicas());
    }
    reconcile();
    evictNoExecute();
    Scheduler.schedule(pods, nodes, now);
    karpenter.step(now, pods, nodes, ops);
    Scheduler.schedule(pods, nodes, now);
    account();
    sample();
  }

  private void flow() {
    double in;
    if (load == null) {
      in = readyOf(producer) * customerRate;
    } else if (load.messagesPerSecond()) {
      in = load.at(now);
    } else {
      int wanted = (int) Math.round(load.at(now));
      Workload w = workloads.get(producer);
      if (w != null && w.replicas() != wanted) {
        event("kubectl", "Scaled", "Deployment/" + producer, "scaled from " + w.replicas() + " to " + wanted);
        scale(producer, wanted);
      }
      in = readyOf(producer) * customerRate;
    }
    double out = readyOf(consumer) * workerRate;
    queue = Math.max(0, queue + in - out);
    if (load != null && now >= load.lastChange() && drainedAt == null && queue == 0 && now > 0) {
      drainedAt = now;
    }
  }

  private int readyOf(String workload) {
    int n = 0;
    for (SimPod pod : pods) {
      if (pod.workload().equals(workload) && pod.ready(now)) {
        n++;
      }
    }
    return n;
  }

  /** The Deployment controller: as many pods as replicas. */
  private void reconcile() {
    for (Workload w : workloads.values()) {
      List<SimPod> mine = pods.stream().filter(p -> p.workload().equals(w.name())).toList();
      for (int i = mine.size(); i < w.replicas(); i++) {
        pods.add(new SimPod(w.name() + "-" + Long.toString(36 * 36 * 36 + podCounter++, 36), w.name(),
            w.cpuMilli(), w.memoryMi(), w.nodeSelector(), w.affinity(), w.tolerations(), now, POD_STARTUP_SECONDS));
      }
      if (mine.size() > w.replicas()) {
        List<SimPod> order = mine.stream().sorted(Comparator.comparing((SimPod p) -> !p.pending())
            .thenComparing(p -> p.ready(now)).thenComparing(Comparator.comparingLong(SimPod::createdAt).reversed())
            .thenComparing(SimPod::name)).toList();
        pods.removeAll(order.subList(0, mine.size() - w.replicas()));
      }
    }
  }

  private void startPods() {
    Scheduler.schedule(pods, nodes, now);
    // the store was running before the simulation starts
    for (SimPod pod : pods) {
      if (!pod.pending()) {
        pod.bind(pod.node(), now - POD_STARTUP_SECONDS);
      }
    }
    sample();
  }

  /** The taint manager: a pod on a node with a NoExecute taint it does not tolerate is evicted. */
  private void evictNoExecute() {
    for (SimNode node : nodes) {
      for (Taint taint : node.taints()) {
        if (!Taint.NO_EXECUTE.equals(taint.effect())) {
          continue;
        }
        List<SimPod> evicted = pods.stream().filter(p -> node.name().equals(p.node()) && !p.tolerates(taint))
            .toList();
        if (!evicted.isEmpty()) {
          event("taint-manager", "TaintManagerEviction", "Node/" + node.name(), "evicted " + evicted.size()
              + " pod(s) not tolerating " + taint);
          pods.removeAll(evicted);
        }
      }
    }
    reconcile();
  }

  private void account() {
    Map<String, Integer> count = new TreeMap<>();
    for (SimNode node : nodes) {
      if (node.nodePool() == null) {
        systemUsd += node.usdPerHour() / 3600;
        continue;
      }
      nodeSeconds.merge(node.instanceType(), 1.0, Double::sum);
      usd.merge(node.instanceType(), node.usdPerHour() / 3600, Double::sum);
    }
    for (Claim claim : karpenter.claims()) {
      count.merge(claim.type().name(), 1, Integer::sum);
    }
    count.forEach((sku, n) -> peakNodes.merge(sku, n, Math::max));
  }

  private void sample() {
    SortedMap<String, Integer> claims = new TreeMap<>();
    karpenter.claims().forEach(c -> claims.merge(c.type().name(), 1, Integer::sum));
    Workload target = operators.isEmpty() ? null : workloads.get(operators.get(0).target());
    double perHour = nodes.stream().filter(n -> n.nodePool() != null).mapToDouble(SimNode::usdPerHour).sum();
    SimulationResult.Sample s = new SimulationResult.Sample(now, (long) Math.floor(queue),
        target == null ? 0 : target.replicas(), target == null ? 0 : readyOf(target.name()),
        (int) pods.stream().filter(SimPod::pending).count(), claims,
        (int) nodes.stream().filter(n -> n.nodePool() != null && n.ready()).count(), Math.round(perHour * 1e6) / 1e6);
    if (!s.sameAs(timeline.isEmpty() ? null : timeline.get(timeline.size() - 1))) {
      timeline.add(s);
    }
  }

  private void event(String source, String reason, String object, String message) {
    events.add(new SimulationResult.Event(now, source, reason, object, message));
  }

  public SimulationResult result() {
    Map<String, Double> hours = new TreeMap<>();
    nodeSeconds.forEach((k, v) -> hours.put(k, v / 3600));
    Long drain = drainedAt == null || load == null ? null : drainedAt - load.lastChange();
    List<String> stated = new ArrayList<>(assumptions);
    stated.add("load: " + (load == null ? "as the producer's replicas are set" : load) + (load != null
        && load.messagesPerSecond() ? " messages/s" : " " + producer + " replicas, each "
        + String.format(java.util.Locale.ROOT, "%.4f", customerRate) + " orders/s while Ready") + "; each Ready "
        + consumer + " completes " + String.format(java.util.Locale.ROOT, "%.4f", workerRate) + " orders/s");
    return new SimulationResult(timeline, events, new SimulationResult.Summary(now, peakReplicas, peakNodes, drain,
        hours, usd, systemUsd), stated);
  }

  // ---- the state, for whoever mirrors it (workshop demo writes it to an API server)

  public long now() {
    return now;
  }

  public double queue() {
    return queue;
  }

  public List<SimPod> pods() {
    return pods;
  }

  public List<SimNode> nodes() {
    return nodes;
  }

  public List<Claim> nodeClaims() {
    return karpenter.claims();
  }

  public Karpenter karpenter() {
    return karpenter;
  }

  public List<KedaOperator> operators() {
    return operators;
  }

  public Map<String, Workload> workloads() {
    return workloads;
  }

  public List<SimulationResult.Event> events() {
    return events;
  }

  private final class Ops implements ClusterOps {
    @Override
    public void addNode(SimNode node) {
      nodes.add(node);
    }

    @Override
    public void removeNode(String name) {
      nodes.removeIf(n -> n.name().equals(name));
      pods.removeIf(p -> name.equals(p.node()));
      reconcile();
    }

    @Override
    public void event(String reason, String object, String message) {
      ScalingSimulation.this.event("karpenter", reason, object, message);
    }
  }
}
