package dev.autoscaling.validation.cost;

/**
 * A rule's estimated worst-case cost, as the API server computes it when the CRD is created.
 *
 * @param schemaPath  where the rule sits ({@code spec.tags})
 * @param rule        the rule's text
 * @param cost        the estimated cost of one evaluation
 * @param cardinality how many times it may run per object (the product of its ancestors' list and map limits)
 * @param total       {@code cost × cardinality}, compared with {@link RuleCosts#PER_RULE_LIMIT}
 */
public record RuleCost(String schemaPath, String rule, long cost, long cardinality, long total) {

  /** Whether the API server would refuse the CRD because of this rule. */
  public boolean exceedsLimit() {
    return total > RuleCosts.PER_RULE_LIMIT;
  }

  /** The API server's message for a rule over the limit (empty when within it). */
  public String problem() {
    if (!exceedsLimit()) {
      return "";
    }
    double factor = (double) total / RuleCosts.PER_RULE_LIMIT;
    String by = factor > 100 ? "more than 100x" : factor < 1.5 ? String.format("%fx", factor)
        : String.format("%.1fx", factor);
    return "estimated rule cost exceeds budget by factor of " + by + " (try simplifying the rule, or adding "
        + "maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
  }
}
