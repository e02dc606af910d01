package dev.autoscaling.simulation.karpenter;

import java.util.Map;

/**
 * One Azure VM size as Karpenter's Azure provider offers it: capacity from the size's name, allocatable after the
 * provider's VM memory overhead, kube-reserved and eviction threshold ({@code pkg/providers/instancetype/
 * instancetype.go} of karpenter-provider-azure v1.14.2), the on-demand price per hour, and the labels a node of it
 * carries (and a NodePool's requirements select on).
 */
public record InstanceType(String name, String family, int vcpus, long memoryMi, String arch, int version,
    String features, double usdPerHour, long allocatableCpuMilli, long allocatableMemoryMi,
    Map<String, String> labels) {

  public InstanceType {
    labels = Map.copyOf(labels);
  }

  @Override
  public String toString() {
    return name + " (" + vcpus + " vCPU, " + memoryMi / 1024 + " GiB, " + arch + ", $" + usdPerHour + "/h)";
  }
}
