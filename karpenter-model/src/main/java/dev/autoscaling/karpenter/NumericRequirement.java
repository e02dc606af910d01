package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements.Operator;

/**
 * The comparison step for a numeric label: {@code skuCpu().atLeast(4)} reads
 * {@code {key: karpenter.azure.com/sku-cpu, operator: Gte, values: ["4"]}}.
 */
public final class NumericRequirement {

  private final NodePoolDefinition pool;
  private final Label label;

  NumericRequirement(NodePoolDefinition pool, Label label) {
    this.pool = pool;
    this.label = label;
  }

  public NodePoolDefinition atLeast(long value) {
    return pool.requirement(label.key(), Operator.GTE, Long.toString(value));
  }

  public NodePoolDefinition atMost(long value) {
    return pool.requirement(label.key(), Operator.LTE, Long.toString(value));
  }

  public NodePoolDefinition greaterThan(long value) {
    return pool.requirement(label.key(), Operator.GT, Long.toString(value));
  }

  public NodePoolDefinition lessThan(long value) {
    return pool.requirement(label.key(), Operator.LT, Long.toString(value));
  }

  /** Both bounds, inclusive: two requirements. */
  public NodePoolDefinition between(long min, long max) {
    return atLeast(min).requirement(label.key(), Operator.LTE, Long.toString(max));
  }

  public NodePoolDefinition in(long... values) {
    String[] text = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      text[i] = Long.toString(values[i]);
    }
    return pool.requirement(label.key(), Operator.IN, text);
  }
}
