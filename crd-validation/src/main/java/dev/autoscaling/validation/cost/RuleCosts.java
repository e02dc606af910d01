package dev.autoscaling.validation.cost;

import dev.autoscaling.validation.cel.CelRule;
import dev.autoscaling.validation.schema.SchemaNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The estimated cost of every CEL rule in a schema, as the API server checks it when a CRD is created: each rule's
 * cost times how many times it may run must stay within 10,000,000, and all rules of a schema together within
 * 100,000,000. (At run time the API server also stops any one evaluation past 1,000,000.)
 */
public final class RuleCosts {

  /** The API server's static limit per rule. */
  public static final long PER_RULE_LIMIT = 10_000_000L;
  /** The API server's static limit for all rules of one CRD version. */
  public static final long PER_SCHEMA_LIMIT = 100_000_000L;

  private RuleCosts() {
  }

  /** Every compiled rule of the schema with its estimate, in schema order. */
  public static List<RuleCost> of(SchemaNode root) {
    List<RuleCost> costs = new ArrayList<>();
    walk(root, 1, false, new DeclSizes(), costs);
    return costs;
  }

  private static void walk(SchemaNode node, long product, boolean unbounded, DeclSizes sizes, List<RuleCost> out) {
    for (CelRule rule : node.rules) {
      if (rule.ast() == null) {
        continue;
      }
      long cost = new CostEstimator(node, sizes).cost(rule.ast().getExpr()).max();
      long cardinality = unbounded ? DeclSizes.MAX_REQUEST_BYTES / (sizes.minSize(node) + 1) : product;
      out.add(new RuleCost(node.schemaPath, rule.rule(), cost, cardinality, Estimate.multiply(cost, cardinality)));
    }
    node.properties.values().forEach(child -> walk(child, product, unbounded, sizes, out));
    if (node.items != null) {
      walk(node.items, node.maxItems == null ? product : Estimate.multiply(product, node.maxItems),
          unbounded || node.maxItems == null, sizes, out);
    }
    if (node.additionalProperties != null) {
      walk(node.additionalProperties,
          node.maxProperties == null ? product : Estimate.multiply(product, node.maxProperties),
          unbounded || node.maxProperties == null, sizes, out);
    }
  }
}
