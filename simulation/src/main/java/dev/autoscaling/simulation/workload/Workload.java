package dev.autoscaling.simulation.workload;

import dev.autoscaling.simulation.cluster.Requirement;
import dev.autoscaling.simulation.cluster.Toleration;

import java.util.List;
import java.util.Map;

/** A Deployment or StatefulSet as the simulation sees it: replicas, one pod's requests, where its pods may run. */
public record Workload(String name, int replicas, long cpuMilli, long memoryMi, Map<String, String> nodeSelector,
    List<Requirement> affinity, List<Toleration> tolerations) {

  public Workload {
    nodeSelector = Map.copyOf(nodeSelector);
    affinity = List.copyOf(affinity);
    tolerations = List.copyOf(tolerations);
  }

  /** A Linux workload ({@code nodeSelector kubernetes.io/os: linux}, as every workload of the AKS Store). */
  public static Workload linux(String name, int replicas, long cpuMilli, long memoryMi) {
    return new Workload(name, replicas, cpuMilli, memoryMi, Map.of("kubernetes.io/os", "linux"), List.of(),
        List.of());
  }

  public Workload withReplicas(int count) {
    return new Workload(name, count, cpuMilli, memoryMi, nodeSelector, affinity, tolerations);
  }
}
