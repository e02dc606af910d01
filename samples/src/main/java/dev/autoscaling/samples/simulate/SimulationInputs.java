package dev.autoscaling.samples.simulate;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.cluster.Requirement;
import dev.autoscaling.simulation.cluster.Toleration;
import dev.autoscaling.simulation.workload.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a simulation starts from, read from manifests: Deployments and StatefulSets (their pods' requests summed over
 * the containers, node selector, required node affinity, tolerations; init containers left out), ScaledObjects,
 * NodePools and AKSNodeClasses. Other kinds are listed as ignored.
 */
public record SimulationInputs(List<Workload> workloads, List<ScaledObject> scaledObjects, List<NodePool> nodePools,
    List<AKSNodeClass> nodeClasses, List<String> ignored) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Every .yaml, .yml and .json file under this folder, in name order. */
  public static SimulationInputs fromFolder(Path dir) {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
          .sorted().toList()) {
        for (var document : Manifests.parseAll(Files.readString(file))) {
          objects.add(SERIALIZATION.unmarshal(document.toString(), HasMetadata.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return of(objects);
  }

  /**
   * What a cluster holds now: the Deployments, StatefulSets and ScaledObjects of {@code namespace}, every NodePool and
   * AKSNodeClass. Only reads.
   */
  public static SimulationInputs fromCluster(KubernetesClient client, String namespace) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
    objects.addAll(client.apps().statefulSets().inNamespace(namespace).list().getItems());
    objects.addAll(listed(client, "keda.sh", "v1alpha1", "scaledobjects", "ScaledObject", namespace));
    objects.addAll(listed(client, "karpenter.azure.com", "v1beta1", "aksnodeclasses", "AKSNodeClass", null));
    objects.addAll(listed(client, "karpenter.sh", "v1", "nodepools", "NodePool", null));
    return of(objects);
  }

  private static List<GenericKubernetesResource> listed(KubernetesClient client, String group, String version,
      String plural, String kind, String namespace) {
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
        .withPlural(plural).withKind(kind).withNamespaced(namespace != null).build();
    var resources = client.genericKubernetesResources(context);
    List<GenericKubernetesResource> items = (namespace == null ? resources : resources.inNamespace(namespace)).list()
        .getItems();
    // a list's items may come without apiVersion and kind, which typing them by kind needs
    items.forEach(item -> {
      item.setApiVersion(group + "/" + version);
      item.setKind(kind);
    });
    return items;
  }

  /** The same inputs with one workload's pods requesting {@code cpuMilli} of CPU each. */
  public SimulationInputs withCpuRequest(String workload, long cpuMilli) {
    if (workloads.stream().noneMatch(w -> w.name().equals(workload))) {
      throw new IllegalArgumentException("no workload " + workload + " among " + workloads.stream()
          .map(Workload::name).toList());
    }
    List<Workload> changed = workloads.stream().map(w -> !w.name().equals(workload) ? w : new Workload(w.name(),
        w.replicas(), cpuMilli, w.memoryMi(), w.nodeSelector(), w.affinity(), w.tolerations())).toList();
    return new SimulationInputs(changed, scaledObjects, nodePools, nodeClasses, ignored);
  }

  /**
   * A simulation of these inputs in {@code region}, on a cluster with Node Auto Provisioning: NAP's own NodePools
   * and AKSNodeClass are there unless the inputs have one of the same name.
   */
  public ScalingSimulation simulation(String region) {
    Map<String, NodePool> pools = new LinkedHashMap<>();
    ScalingSimulation.napNodePools().forEach(p -> pools.put(p.getMetadata().getName(), p));
    nodePools.forEach(p -> pools.put(p.getMetadata().getName(), p));
    Map<String, AKSNodeClass> classes = new LinkedHashMap<>();
    classes.put(ScalingSimulation.napNodeClass().getMetadata().getName(), ScalingSimulation.napNodeClass());
    nodeClasses.forEach(c -> classes.put(c.getMetadata().getName(), c));
    return ScalingSimulation.of(workloads, scaledObjects, List.copyOf(pools.values()), List.copyOf(classes.values()),
        region);
  }

  public static SimulationInputs of(List<HasMetadata> objects) {
    List<Workload> workloads = new ArrayList<>();
    List<ScaledObject> scaledObjects = new ArrayList<>();
    List<NodePool> nodePools = new ArrayList<>();
    List<AKSNodeClass> nodeClasses = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (HasMetadata object : objects) {
      HasMetadata typed = typed(object);
      if (typed instanceof Deployment d) {
        workloads.add(workload(d.getMetadata().getName(), d.getSpec().getReplicas(),
            d.getSpec().getTemplate().getSpec()));
      } else if (typed instanceof StatefulSet s) {
        workloads.add(workload(s.getMetadata().getName(), s.getSpec().getReplicas(),
            s.getSpec().getTemplate().getSpec()));
      } else if (typed instanceof ScaledObject so) {
        scaledObjects.add(so);
      } else if (typed instanceof NodePool np) {
        nodePools.add(np);
      } else if (typed instanceof AKSNodeClass nc) {
        nodeClasses.add(nc);
      } else {
        ignored.add(object.getKind() + "/" + object.getMetadata().getName());
      }
    }
    return new SimulationInputs(workloads, scaledObjects, nodePools, nodeClasses, ignored);
  }

  /** Custom resources the serializer did not type (their classes unregistered) are converted by kind. */
  private static HasMetadata typed(HasMetadata object) {
    if (!(object instanceof GenericKubernetesResource generic)) {
      return object;
    }
    Class<? extends HasMetadata> type = switch (object.getKind()) {
      case "ScaledObject" -> ScaledObject.class;
      case "NodePool" -> NodePool.class;
      case "AKSNodeClass" -> AKSNodeClass.class;
      default -> null;
    };
    return type == null ? object : SERIALIZATION.convertValue(generic, type);
  }

  static Workload workload(String name, Integer replicas, PodSpec pod) {
    long cpu = 0;
    long memory = 0;
    for (Container c : pod.getContainers()) {
      Map<String, Quantity> requests = c.getResources() == null || c.getResources().getRequests() == null
          ? Map.of() : c.getResources().getRequests();
      if (requests.containsKey("cpu")) {
        cpu += Quantity.getAmountInBytes(requests.get("cpu")).multiply(BigDecimal.valueOf(1000)).longValue();
      }
      if (requests.containsKey("memory")) {
        memory += Quantity.getAmountInBytes(requests.get("memory")).longValue() / (1024 * 1024);
      }
    }
    List<Requirement> affinity = new ArrayList<>();
    var nodeAffinity = pod.getAffinity() == null ? null : pod.getAffinity().getNodeAffinity();
    if (nodeAffinity != null && nodeAffinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      var terms = nodeAffinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
      // the terms are ORed; the simulation takes the first (stated in the README)
      if (terms != null && !terms.isEmpty() && terms.get(0).getMatchExpressions() != null) {
        terms.get(0).getMatchExpressions().forEach(e -> affinity.add(new Requirement(e.getKey(), e.getOperator(),
            e.getValues())));
      }
    }
    List<Toleration> tolerations = pod.getTolerations() == null ? List.of() : pod.getTolerations().stream()
        .map(t -> new Toleration(t.getKey(), t.getOperator() == null ? "Equal" : t.getOperator(), t.getValue(),
            t.getEffect())).toList();
    return new Workload(name, replicas == null ? 1 : replicas, cpu, memory,
        pod.getNodeSelector() == null ? Map.of() : pod.getNodeSelector(), affinity, tolerations);
  }
}
