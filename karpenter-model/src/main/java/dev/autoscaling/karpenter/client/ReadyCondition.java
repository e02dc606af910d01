package dev.autoscaling.karpenter.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

/** Karpenter's resources report readiness as a status condition {@code type: Ready, status: "True"}. */
final class ReadyCondition {

  private ReadyCondition() {
  }

  static boolean isReady(Object resource) {
    if (resource == null) {
      return false;
    }
    for (JsonNode condition : Manifests.toTree(resource).path("status").path("conditions")) {
      if ("Ready".equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
