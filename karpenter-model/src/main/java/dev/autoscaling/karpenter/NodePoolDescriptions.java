package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A NodePool in a few readable lines — what {@code kubectl describe nodepool} is used for in the workshop: which
 * machines it admits, its weight, limits and disruption, and where its nodes' settings come from. Works on any
 * NodePool, from the facade, a file or a cluster (e.g. NAP's {@code default} and {@code system-surge}); one read
 * from a cluster also shows whether it is Ready and what it has provisioned.
 *
 * @see KarpenterDescriptions#describe(Object) for any Karpenter kind
 */
public final class NodePoolDescriptions {

  private NodePoolDescriptions() {
  }

  /**
   * @param nodePool a {@code NodePool}, or its tree ({@code JsonNode}) as parsed from YAML
   * @throws IllegalArgumentException when it is null or of another kind
   */
  public static String describe(Object nodePool) {
    JsonNode pool = DescriptionLines.tree(nodePool, "NodePool");
    JsonNode spec = pool.path("spec");
    JsonNode template = spec.path("template").path("spec");
    DescriptionLines lines = new DescriptionLines(pool, "NodePool",
        spec.has("weight") ? "(weight " + spec.get("weight").asText() + ")" : "(weight 0, the lowest)");

    List<String> admits = new ArrayList<>();
    for (JsonNode requirement : template.path("requirements")) {
      admits.add(DescriptionLines.requirement(requirement));
    }
    lines.field("admits", admits.isEmpty() ? "any node the node class can make" : String.join("; ", admits));

    JsonNode ref = template.path("nodeClassRef");
    lines.field("node class", ref.isMissingNode() ? "none (required)"
        : ref.path("kind").asText() + " " + ref.path("name").asText() + " (" + ref.path("group").asText() + ")");

    List<String> limits = new ArrayList<>();
    for (Map.Entry<String, JsonNode> limit : spec.path("limits").properties()) {
      limits.add(limit.getKey() + " " + limit.getValue().asText());
    }
    lines.field("limits", limits.isEmpty() ? "none" : String.join(", ", limits));

    JsonNode disruption = spec.path("disruption");
    String policy = disruption.path("consolidationPolicy").asText("WhenEmptyOrUnderutilized (default)");
    String after = disruption.path("consolidateAfter").asText(disruption.isMissingNode() ? "0s (default)" : "?");
    List<String> budgets = new ArrayList<>();
    for (JsonNode budget : disruption.path("budgets")) {
      budgets.add(budget.path("nodes").asText() + (budget.has("schedule")
          ? " during " + budget.path("duration").asText() + " from '" + budget.path("schedule").asText() + "'" : "")
          + (budget.has("reasons") ? " for " + DescriptionLines.join(budget.path("reasons")) : ""));
    }
    lines.field("disruption", "consolidate " + policy + " after " + ("Never".equals(after) ? "never" : after)
        + "; at most " + (budgets.isEmpty() ? "10% (default)" : String.join(", ", budgets)) + " of nodes at once");
    lines.field("expires", template.path("expireAfter").asText("720h (default)")
        + (template.has("terminationGracePeriod")
            ? "; drained for at most " + template.get("terminationGracePeriod").asText() : ""));

    JsonNode labels = spec.path("template").path("metadata").path("labels");
    lines.fieldIfPresent("labels", labels, DescriptionLines.pairs(labels));
    if (template.has("taints") || template.has("startupTaints")) {
      String taints = taints(template.path("taints"));
      String startup = taints(template.path("startupTaints"));
      lines.field("taints", (taints.isEmpty() ? "none" : taints)
          + (startup.isEmpty() ? "" : "; until started: " + startup));
    }

    lines.status(pool);
    JsonNode status = pool.path("status");
    if (status.has("nodes") || status.has("resources")) {
      List<String> resources = new ArrayList<>();
      for (Map.Entry<String, JsonNode> resource : status.path("resources").properties()) {
        if (!"nodes".equals(resource.getKey())) {
          resources.add(resource.getKey() + " " + resource.getValue().asText());
        }
      }
      long nodes = status.path("nodes").asLong(0);
      lines.field("provisioned", nodes + (nodes == 1 ? " node" : " nodes")
          + (resources.isEmpty() ? "" : " with " + String.join(", ", resources)));
    }
    return lines.text();
  }

  private static String taints(JsonNode taints) {
    List<String> text = new ArrayList<>();
    taints.forEach(t -> text.add(t.path("key").asText()
        + (t.has("value") ? "=" + t.path("value").asText() : "") + ":" + t.path("effect").asText()));
    return String.join(", ", text);
  }
}
