package dev.autoscaling.aks;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which running pods a taint on the system pool would evict, by Kubernetes' own toleration rule. */
final class Evictions {

  private Evictions() {
  }

  /**
   * The running pods ({@code namespace/name}, sorted) on the pool's nodes that do not tolerate the taint. One list of the
   * pool's nodes by label, one list of all pods filtered here by node: a {@code spec.nodeName} field selector per
   * node would filter on the server, but fabric8's mock server (the embedded API server) ignores that selector and
   * answers nothing, and the system pool's pods are a one-off read.
   */
  static List<String> podsEvicted(KubernetesClient client, String pool, SystemPoolTaint taint) {
    Set<String> nodes = new HashSet<>();
    for (Node node : client.nodes().withLabel("kubernetes.azure.com/agentpool", pool).list().getItems()) {
      nodes.add(node.getMetadata().getName());
    }
    List<String> evicted = new ArrayList<>();
    if (nodes.isEmpty()) {
      return evicted;
    }
    for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (nodes.contains(node) && !"Succeeded".equals(phase) && !"Failed".equals(phase) && !tolerates(pod, taint)) {
        evicted.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
      }
    }
    evicted.sort(null); // the API server's own order, whatever order a list came in
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
