package dev.autoscaling.aks;

import java.util.List;

/**
 * What tainting the system pool would do to running pods. {@code pods} ({@code namespace/name}) lists the pods on the
 * pool's nodes that lack a toleration for the taint; it is only known when a Kubernetes client was given
 * ({@code podsListed}). A NoSchedule taint evicts nothing.
 */
public record EvictionPlan(String pool, String taint, boolean evictsRunningPods, boolean podsListed,
    List<String> pods) {

  public EvictionPlan {
    pods = List.copyOf(pods);
  }
}
