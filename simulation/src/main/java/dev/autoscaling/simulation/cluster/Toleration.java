package dev.autoscaling.simulation.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A pod's toleration, matched as {@code k8s.io/api/core/v1/toleration.go ToleratesTaint} does: an empty key with
 * operator Exists tolerates every taint; an empty effect matches every effect; Exists ignores the value.
 */
public record Toleration(@Nullable String key, String operator, @Nullable String value, @Nullable String effect) {

  public boolean tolerates(Taint taint) {
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.effect())) {
      return false;
    }
    if (key == null || key.isEmpty()) {
      return "Exists".equals(operator);
    }
    if (!key.equals(taint.key())) {
      return false;
    }
    return "Exists".equals(operator) || (value == null ? "" : value).equals(taint.value());
  }
}
