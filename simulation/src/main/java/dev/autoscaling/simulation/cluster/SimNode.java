package dev.autoscaling.simulation.cluster;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the simulated cluster with its labels, taints and allocatable resources. Nodes of AKS's system pool
 * have no NodePool; Karpenter's carry their NodeClaim's name and NodePool.
 */
public final class SimNode {

  private final String name;
  private final Map<String, String> labels;
  private final List<Taint> taints;
  private final long cpuMilli;
  private final long memoryMi;
  private final String nodePool;
  private final String instanceType;
  private final double usdPerHour;
  private final long createdAt;
  private final String osImage;
  private boolean ready;

  public SimNode(String name, Map<String, String> labels, List<Taint> taints, long cpuMilli, long memoryMi,
      @Nullable String nodePool, String instanceType, double usdPerHour, long createdAt, String osImage) {
    this.name = name;
    this.labels = new LinkedHashMap<>(labels);
    this.taints = new ArrayList<>(taints);
    this.cpuMilli = cpuMilli;
    this.memoryMi = memoryMi;
    this.nodePool = nodePool;
    this.instanceType = instanceType;
    this.usdPerHour = usdPerHour;
    this.createdAt = createdAt;
    this.osImage = osImage;
  }

  public String name() {
    return name;
  }

  public Map<String, String> labels() {
    return labels;
  }

  /** The live list: a taint added here (an AKS node pool update) applies from the next step. */
  public List<Taint> taints() {
    return taints;
  }

  public long allocatableCpuMilli() {
    return cpuMilli;
  }

  public long allocatableMemoryMi() {
    return memoryMi;
  }

  /** The NodePool that made it, or null for a node of an AKS agent pool. */
  public @Nullable String nodePool() {
    return nodePool;
  }

  public String instanceType() {
    return instanceType;
  }

  public double usdPerHour() {
    return usdPerHour;
  }

  public long createdAt() {
    return createdAt;
  }

  public String osImage() {
    return osImage;
  }

  public boolean ready() {
    return ready;
  }

  public void ready(boolean value) {
    this.ready = value;
  }
}
