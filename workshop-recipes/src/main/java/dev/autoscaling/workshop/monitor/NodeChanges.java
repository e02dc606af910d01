package dev.autoscaling.workshop.monitor;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nodes as monitor lines: which pool made them, what they run on, whether they are Ready. */
final class NodeChanges {

  static final String NODEPOOL_LABEL = "karpenter.sh/nodepool";
  static final String AGENTPOOL_LABEL = "kubernetes.azure.com/agentpool";
  static final String ARCH_LABEL = "kubernetes.io/arch";
  static final String INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";

  private NodeChanges() {
  }

  static Object shown(Node node) {
    return List.of(pool(node), String.valueOf(label(node, ARCH_LABEL)), String.valueOf(osImage(node)), ready(node));
  }

  static MonitorEvent describe(MonitorEvent.Kind change, Node node, Clock clock) {
    String name = node.getMetadata().getName();
    String arch = label(node, ARCH_LABEL);
    String os = osImage(node);
    String ready = ready(node);
    StringBuilder message = new StringBuilder(Lines.verb(change)).append(name).append("  ").append(pool(node));
    if (arch != null) {
      message.append("  ").append(arch);
    }
    if (os != null) {
      message.append("  ").append(os);
    }
    if (change != MonitorEvent.Kind.DELETED) {
      message.append("  ").append(ready);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("node", name);
    String nodePool = label(node, NODEPOOL_LABEL);
    fields.put("provisioner", nodePool != null ? "karpenter" : label(node, AGENTPOOL_LABEL) != null ? "agentpool" : null);
    fields.put("nodePool", nodePool != null ? nodePool : label(node, AGENTPOOL_LABEL));
    fields.put("arch", arch);
    fields.put("osImage", os);
    fields.put("instanceType", label(node, INSTANCE_TYPE_LABEL));
    fields.put("ready", ready);
    return new MonitorEvent(clock.instant(), "nodes", change, "node/" + name, message.toString(), fields);
  }

  /** {@code nodepool <name>} for Karpenter's nodes, {@code agentpool <name>} for AKS's own (the system pool). */
  static String pool(Node node) {
    String nodePool = label(node, NODEPOOL_LABEL);
    if (nodePool != null) {
      return "nodepool " + nodePool;
    }
    String agentPool = label(node, AGENTPOOL_LABEL);
    return agentPool != null ? "agentpool " + agentPool : "no pool label";
  }

  /** {@code Ready}, {@code NotReady} or {@code Unknown}, as {@code kubectl get nodes} shows it. */
  static String ready(Node node) {
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition condition : node.getStatus().getConditions()) {
        if ("Ready".equals(condition.getType())) {
          return switch (String.valueOf(condition.getStatus())) {
            case "True" -> "Ready";
            case "False" -> "NotReady";
            default -> "Unknown";
          };
        }
      }
    }
    return "Unknown";
  }

  private static String osImage(Node node) {
    return node.getStatus() == null || node.getStatus().getNodeInfo() == null ? null
        : node.getStatus().getNodeInfo().getOsImage();
  }

  private static String label(Node node, String key) {
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }
}
