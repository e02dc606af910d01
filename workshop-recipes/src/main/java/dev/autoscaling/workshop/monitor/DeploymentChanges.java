package dev.autoscaling.workshop.monitor;

import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deployments as monitor lines: the replicas asked for (by the HPA, for a scaled one) and those ready. */
final class DeploymentChanges {

  private DeploymentChanges() {
  }

  static Object shown(Deployment deployment) {
    return Arrays.asList(desired(deployment), ready(deployment));
  }

  static MonitorEvent describe(MonitorEvent.Kind change, Deployment deployment, Clock clock) {
    String name = deployment.getMetadata().getName();
    String message = Lines.verb(change) + name + "  replicas " + desired(deployment) + ", ready " + ready(deployment);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("deployment", name);
    fields.put("namespace", deployment.getMetadata().getNamespace());
    fields.put("replicas", desired(deployment));
    fields.put("readyReplicas", ready(deployment));
    if (deployment.getStatus() != null) {
      fields.put("currentReplicas", deployment.getStatus().getReplicas());
      fields.put("availableReplicas", deployment.getStatus().getAvailableReplicas());
      fields.put("updatedReplicas", deployment.getStatus().getUpdatedReplicas());
    }
    return new MonitorEvent(clock.instant(), "deploy", change, "deployment/" + name, message, fields);
  }

  /** {@code spec.replicas}; Kubernetes defaults it to 1. */
  static int desired(Deployment deployment) {
    Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  static int ready(Deployment deployment) {
    Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
    return ready == null ? 0 : ready;
  }

  /**
   * What the HPA counts as current replicas (the scale subresource's {@code status.replicas}); {@code spec.replicas}
   * until the Deployment controller has written a status.
   */
  static int current(Deployment deployment) {
    if (deployment.getStatus() != null && deployment.getStatus().getReplicas() != null) {
      return deployment.getStatus().getReplicas();
    }
    return desired(deployment);
  }
}
