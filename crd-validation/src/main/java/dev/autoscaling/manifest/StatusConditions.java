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
}
