package dev.autoscaling.simulation.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-scheduler's basic fit, one pod at a time in creation order: the filters NodeUnschedulable (a node that is not
 * Ready carries {@code node.kubernetes.io/not-ready}), TaintToleration (NoSchedule and NoExecute), NodeAffinity
 * (nodeSelector and required node affinity) and NodeResourcesFit (CPU and memory requests against allocatable),
 * then the LeastAllocated score (the node with the largest free share wins; ties go to the first name). See
 * {@code kubernetes/pkg/scheduler/framework/plugins/{tainttoleration,nodeaffinity,noderesources}}. Not modelled:
 * pod (anti-)affinity, topology spread, ports, volumes, priorities and preemption.
 */
public final class Scheduler {

  private Scheduler() {
  }

  /** The CPU (milli) and memory (Mi) the bound pods request on each node. */
  public static Map<String, long[]> usage(List<SimPod> pods) {
    Map<String, long[]> used = new HashMap<>();
    for (SimPod pod : pods) {
      if (pod.node() != null) {
        long[] u = used.computeIfAbsent(pod.node(), n -> new long[2]);
        u[0] += pod.cpuMilli();
        u[1] += pod.memoryMi();
      }
    }
    return used;
  }

  /** Whether the pod tolerates every NoSchedule and NoExecute taint of these. */
  public static boolean toleratesAll(SimPod pod, List<Taint> taints) {
    for (Taint taint : taints) {
      if (!"PreferNoSchedule".equals(taint.effect()) && !pod.tolerates(taint)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the pod may run on the node, and fits in what the node has left ({@code used}: cpu, memory). */
  public static boolean fits(SimPod pod, SimNode node, long[] used) {
    return node.ready() && toleratesAll(pod, node.taints()) && pod.accepts(node.labels())
        && used[0] + pod.cpuMilli() <= node.allocatableCpuMilli()
        && used[1] + pod.memoryMi() <= node.allocatableMemoryMi();
  }

  /**
   * Binds every pending pod that fits somewhere, in creation order; returns the pods bound. Pods that fit nowhere
   * stay pending (the scheduler marks them Unschedulable, which is what Karpenter reacts to).
   */
  public static List<SimPod> schedule(List<SimPod> pods, List<SimNode> nodes, long now) {
    Map<String, long[]> used = usage(pods);
    List<SimPod> bound = new ArrayList<>();
    List<SimPod> pending = pods.stream().filter(SimPod::pending)
        .sorted(Comparator.comparingLong(SimPod::createdAt).thenComparing(SimPod::name)).toList();
    for (SimPod pod : pending) {
      SimNode best = null;
      double bestFree = -1;
      for (SimNode node : nodes) {
        long[] u = used.getOrDefault(node.name(), new long[2]);
        if (!fits(pod, node, u)) {
          continue;
        }
        double free = ((node.allocatableCpuMilli() - u[0] - pod.cpuMilli()) / (double) node.allocatableCpuMilli()
            + (node.allocatableMemoryMi() - u[1] - pod.memoryMi()) / (double) node.allocatableMemoryMi()) / 2;
        if (free > bestFree || (free == bestFree && node.name().compareTo(best.name()) < 0)) {
          best = node;
          bestFree = free;
        }
      }
      if (best != null) {
        pod.bind(best.name(), now);
        long[] u = used.computeIfAbsent(best.name(), n -> new long[2]);
        u[0] += pod.cpuMilli();
        u[1] += pod.memoryMi();
        bound.add(pod);
      }
    }
    return bound;
  }
}
