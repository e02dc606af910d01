package dev.autoscaling.simulation.cluster;

import java.util.List;
import java.util.Map;

/**
 * One node selector requirement (a pod's required node affinity term, or a NodePool requirement): In, NotIn,
 * Exists, DoesNotExist, Gt, Lt, Gte, Lte. A label the node does not have fails In, Exists, Gt, Lt, Gte and Lte
 * and passes NotIn and DoesNotExist, as in {@code k8s.io/apimachinery/pkg/labels/selector.go} and Karpenter's
 * {@code pkg/scheduling/requirement.go}.
 */
public record Requirement(String key, String operator, List<String> values) {

  public Requirement {
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static Requirement in(String key, String... values) {
    return new Requirement(key, "In", List.of(values));
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(key);
    return switch (operator) {
      case "In" -> actual != null && values.contains(actual);
      case "NotIn" -> actual == null || !values.contains(actual);
      case "Exists" -> actual != null;
      case "DoesNotExist" -> actual == null;
      case "Gt", "Lt", "Gte", "Lte" -> actual != null && compare(actual);
      default -> throw new IllegalArgumentException("requirement " + key + ": unknown operator " + operator);
    };
  }

  private boolean compare(String actual) {
    long have;
    long bound;
    try {
      have = Long.parseLong(actual);
      bound = Long.parseLong(values.get(0));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return false;
    }
    return switch (operator) {
      case "Gt" -> have > bound;
      case "Lt" -> have < bound;
      case "Gte" -> have >= bound;
      default -> have <= bound;
    };
  }

  @Override
  public String toString() {
    return key + " " + operator + (values.isEmpty() ? "" : " " + values);
  }
}
