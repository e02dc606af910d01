package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the standard {@code status.conditions} of any resource (KEDA's and Karpenter's use the same shape), so
 * that waiting for readiness needs no knowledge of each kind's generated status class.
 */
public final class StatusConditions {

  private StatusConditions() {
  }

  /** Whether the resource reports condition {@code type} with {@code status: "True"}. */
  public static boolean isTrue(Object resource, String type) {
    if (resource == null) {
      return false;
    }
    for (JsonNode condition : Manifests.toTree(resource).path("status").path("conditions")) {
      if (type.equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Condition {@code type} as {@code kubectl describe} users read it, {@code Ready=False (ScaledObjectCheckFailed:
   * ...)}, or why it cannot be said: {@code Ready not reported} when the resource reports other conditions only,
   * {@code no status conditions yet} when it reports none (no controller has written its status).
   */
  public static String describe(Object resource, String type) {
    JsonNode conditions = resource == null ? null : Manifests.toTree(resource).path("status").path("conditions");
    if (conditions == null || conditions.isEmpty()) {
      return "no status conditions yet";
    }
    for (JsonNode condition : conditions) {
      if (type.equals(condition.path("type").asText())) {
        String reason = condition.path("reason").asText("");
        String message = condition.path("message").asText("");
        String why = reason + (reason.isEmpty() || message.isEmpty() ? "" : ": ") + message;
        return type + "=" + condition.path("status").asText("Unknown") + (why.isEmpty() ? "" : " (" + why + ")");
      }
    }
    return type + " not reported";
  }
}
