package dev.autoscaling.aks;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;

/** Which running pods a taint on the system pool would evict, by Kubernetes' own toleration rule. */
final class Evictions {

  private Evictions() {
  }

  /** The running pods ({@code namespace/name}) on the pool's nodes that do not tolerate the taint. */
  static List<String> podsEvicted(KubernetesClient client, String pool, SystemPoolTaint taint) {
    List<String> evicted = new ArrayList<>();
    for (Node node : client.nodes().withLabel("kubernetes.azure.com/agentpool", pool).list().getItems()) {
      for (Pod pod : client.pods().inAnyNamespace().withField("spec.nodeName", node.getMetadata().getName())
          .list().getItems()) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (!"Succeeded".equals(phase) && !"Failed".equals(phase) && !tolerates(pod, taint)) {
          evicted.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        }
      }
    }
    return evicted;
  }

  /** Kubernetes' matching rule: same key (or an empty key with Exists), Exists or the same value, same or no effect. */
  static boolean tolerates(Pod pod, SystemPoolTaint taint) {
    if (pod.getSpec() == null || pod.getSpec().getTolerations() == null) {
      return false;
    }
    String effect = taint.effect();
    for (Toleration t : pod.getSpec().getTolerations()) {
      boolean exists = "Exists".equals(t.getOperator());
      boolean keyMatches = (t.getKey() == null || t.getKey().isEmpty()) ? exists
          : t.getKey().equals(SystemPoolTaint.KEY);
      boolean valueMatches = exists || SystemPoolTaint.VALUE.equals(t.getValue());
      boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(effect);
      if (keyMatches && valueMatches && effectMatches) {
        return true;
      }
    }
    return false;
  }
}
