package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Fallback;

/**
 * {@code spec.fallback} as KEDA v2.20.2's pkg/fallback applies it: once a metric has failed more than
 * {@code failureThreshold} times in a row, KEDA reports {@code target × R} instead of the error, where R depends on
 * the behavior; with behavior scalingModifiers the failing trigger enters the formula as nil instead.
 */
record FallbackRule(int failureThreshold, int replicas, String behavior) {

  static FallbackRule of(Fallback fallback) {
    if (fallback == null) {
      return null;
    }
    return new FallbackRule(fallback.getFailureThreshold() == null ? 0 : fallback.getFailureThreshold(),
        fallback.getReplicas() == null ? 0 : fallback.getReplicas(),
        fallback.getBehavior() == null ? "static" : fallback.getBehavior().getValue());
  }

  /** KEDA counts the failure first, then compares: the (threshold + 1)-th failure in a row falls back. */
  boolean exceeded(int consecutiveFailures) {
    return consecutiveFailures > failureThreshold;
  }

  /**
   * KEDA's HasValidFallback: non-negative numbers and, with scalingModifiers, a target that parses as an integer
   * above 0 (a target of "2.5" passes admission but silently disables fallback).
   *
   * @param modifiersTarget scalingModifiers.target, or null when the ScaledObject has no scalingModifiers
   */
  boolean valid(String modifiersTarget) {
    if (failureThreshold < 0 || replicas < 0) {
      return false;
    }
    if (modifiersTarget == null) {
      return true;
    }
    try {
      return Long.parseLong(modifiersTarget) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  boolean viaFormula() {
    return behavior.equals("scalingModifiers");
  }

  /** R, the replica count the synthetic metric stands for. */
  int replicasFor(int currentReplicas) {
    return switch (behavior) {
      case "currentReplicas" -> currentReplicas;
      case "currentReplicasIfHigher" -> Math.max(currentReplicas, replicas);
      case "currentReplicasIfLower" -> Math.min(currentReplicas, replicas);
      default -> replicas; // static, and anything KEDA does not know
    };
  }

  String explain(int currentReplicas) {
    int r = replicasFor(currentReplicas);
    return switch (behavior) {
      case "currentReplicas" -> "currentReplicas keeps the " + r + " running";
      case "currentReplicasIfHigher" -> "currentReplicasIfHigher takes max(current " + currentReplicas
          + ", fallback.replicas " + replicas + ") = " + r;
      case "currentReplicasIfLower" -> "currentReplicasIfLower takes min(current " + currentReplicas
          + ", fallback.replicas " + replicas + ") = " + r;
      default -> "static uses fallback.replicas " + r;
    };
  }
}
