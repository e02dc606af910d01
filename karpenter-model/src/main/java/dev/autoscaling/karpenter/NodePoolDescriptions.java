package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A NodePool in a few readable lines — what {@code kubectl describe nodepool} is used for in the workshop: which
 * machines it admits, its weight, limits and disruption, and where its nodes' settings come from. Works on any
 * NodePool, from the facade, a file or a cluster (e.g. NAP's {@code default} and {@code system-surge}).
 */
public final class NodePoolDescriptions {

  private NodePoolDescriptions() {
  }

  public static String describe(Object nodePool) {
    JsonNode pool = nodePool instanceof JsonNode node ? node : Manifests.toTree(nodePool);
    JsonNode spec = pool.path("spec");
    JsonNode template = spec.path("template").path("spec");
    List<String> lines = new ArrayList<>();
    lines.add("NodePool " + pool.at("/metadata/name").asText("<unnamed>")
        + (spec.has("weight") ? " (weight " + spec.get("weight").asText() + ")" : " (weight 0, the lowest)"));

    List<String> admits = new ArrayList<>();
    for (JsonNode requirement : template.path("requirements")) {
      admits.add(requirement(requirement));
    }
    lines.add("  admits:      " + (admits.isEmpty() ? "any node the node class can make" : String.join("; ", admits)));

    JsonNode ref = template.path("nodeClassRef");
    lines.add("  node class:  " + (ref.isMissingNode() ? "none (required)"
        : ref.path("kind").asText() + " " + ref.path("name").asText() + " (" + ref.path("group").asText() + ")"));

    List<String> limits = new ArrayList<>();
    for (Map.Entry<String, JsonNode> limit : spec.path("limits").properties()) {
      limits.add(limit.getKey() + " " + limit.getValue().asText());
    }
    lines.add("  limits:      " + (limits.isEmpty() ? "none" : String.join(", ", limits)));

    JsonNode disruption = spec.path("disruption");
    String policy = disruption.path("consolidationPolicy").asText("WhenEmptyOrUnderutilized (default)");
    String after = disruption.path("consolidateAfter").asText(disruption.isMissingNode() ? "0s (default)" : "?");
    List<String> budgets = new ArrayList<>();
    for (JsonNode budget : disruption.path("budgets")) {
      budgets.add(budget.path("nodes").asText() + (budget.has("schedule")
          ? " during " + budget.path("duration").asText() + " from '" + budget.path("schedule").asText() + "'" : "")
          + (budget.has("reasons") ? " for " + join(budget.path("reasons")) : ""));
    }
    lines.add("  disruption:  consolidate " + policy + " after " + ("Never".equals(after) ? "never" : after)
        + "; at most " + (budgets.isEmpty() ? "10% (default)" : String.join(", ", budgets)) + " of nodes at once");
    lines.add("  expires:     " + template.path("expireAfter").asText("720h (default)")
        + (template.has("terminationGracePeriod")
            ? "; drained for at most " + template.get("terminationGracePeriod").asText() : ""));
    if (template.has("taints")) {
      List<String> taints = new ArrayList<>();
      template.get("taints").forEach(t -> taints.add(t.path("key").asText()
          + (t.has("value") ? "=" + t.path("value").asText() : "") + ":" + t.path("effect").asText()));
      lines.add("  taints:      " + String.join(", ", taints));
    }
    return String.join("\n", lines);
  }

  private static String requirement(JsonNode requirement) {
    String key = requirement.path("key").asText();
    String operator = requirement.path("operator").asText();
    String values = join(requirement.path("values"));
    String text = switch (operator) {
      case "In" -> key + " in " + values;
      case "NotIn" -> key + " not in " + values;
      case "Exists" -> key + " set";
      case "DoesNotExist" -> key + " not set";
      case "Gt" -> key + " > " + values;
      case "Lt" -> key + " < " + values;
      case "Gte" -> key + " >= " + values;
      case "Lte" -> key + " <= " + values;
      default -> key + " " + operator + " " + values;
    };
    return requirement.has("minValues") ? text + " (at least " + requirement.get("minValues").asText()
        + " of them)" : text;
  }

  private static String join(JsonNode values) {
    List<String> text = new ArrayList<>();
    values.forEach(v -> text.add(v.asText()));
    return text.size() == 1 ? text.get(0) : "[" + String.join(", ", text) + "]";
  }
}
