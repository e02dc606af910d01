package dev.autoscaling.simulation.cluster;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A pod of the simulated cluster: what its workload requests and where it may run, and where it runs. Pending while
 * {@link #node()} is null; Running from binding, Ready {@link #startupSeconds} after it.
 */
public final class SimPod {

  private final String name;
  private final String workload;
  private final long cpuMilli;
  private final long memoryMi;
  private final Map<String, String> nodeSelector;
  private final List<Requirement> affinity;
  private final List<Toleration> tolerations;
  private final long createdAt;
  private final long startupSeconds;
  private String node;
  private long boundAt = -1;

  public SimPod(String name, String workload, long cpuMilli, long memoryMi, Map<String, String> nodeSelector,
      List<Requirement> affinity, List<Toleration> tolerations, long createdAt, long startupSeconds) {
    this.name = name;
    this.workload = workload;
    this.cpuMilli = cpuMilli;
    this.memoryMi = memoryMi;
    this.nodeSelector = Map.copyOf(nodeSelector);
    this.affinity = List.copyOf(affinity);
    this.tolerations = List.copyOf(tolerations);
    this.createdAt = createdAt;
    this.startupSeconds = startupSeconds;
  }

  public String name() {
    return name;
  }

  public String workload() {
    return workload;
  }

  public long cpuMilli() {
    return cpuMilli;
  }

  public long memoryMi() {
    return memoryMi;
  }

  public Map<String, String> nodeSelector() {
    return nodeSelector;
  }

  public List<Requirement> affinity() {
    return affinity;
  }

  public List<Toleration> tolerations() {
    return tolerations;
  }

  public long createdAt() {
    return createdAt;
  }

  public @Nullable String node() {
    return node;
  }

  public long boundAt() {
    return boundAt;
  }

  public boolean pending() {
    return node == null;
  }

  public boolean ready(long now) {
    return node != null && now - boundAt >= startupSeconds;
  }

  public void bind(String nodeName, long now) {
    this.node = nodeName;
    this.boundAt = now;
  }

  /** Whether this pod tolerates the taint. */
  public boolean tolerates(Taint taint) {
    return tolerations.stream().anyMatch(t -> t.tolerates(taint));
  }

  /** Whether the pod's node selector and required node affinity accept these labels. */
  public boolean accepts(Map<String, String> labels) {
    for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return affinity.stream().allMatch(r -> r.matches(labels));
  }
}
