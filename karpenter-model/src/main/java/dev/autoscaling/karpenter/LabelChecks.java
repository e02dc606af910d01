package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements.Operator;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.schema.DidYouMean;

import java.util.ArrayList;
import java.util.List;

/**
 * What the CRD cannot see but Karpenter's controller checks later (a NodePool then never becomes Ready): values
 * of well-known labels outside their closed sets, numbers that are not numbers, and keys in a reserved domain that
 * the provider does not set (with the key that was probably meant).
 */
final class LabelChecks {

  private LabelChecks() {
  }

  static List<Violation> requirements(NodePool pool) {
    List<Violation> violations = new ArrayList<>();
    if (pool.getSpec() == null || pool.getSpec().getTemplate() == null
        || pool.getSpec().getTemplate().getSpec() == null
        || pool.getSpec().getTemplate().getSpec().getRequirements() == null) {
      return violations;
    }
    List<Requirements> requirements = pool.getSpec().getTemplate().getSpec().getRequirements();
    for (int i = 0; i < requirements.size(); i++) {
      Requirements requirement = requirements.get(i);
      String path = "spec.template.spec.requirements[" + i + "]";
      String key = requirement.getKey();
      if (key == null) {
        continue;
      }
      Label label = Labels.find(key).orElse(null);
      if (label == null) {
        String domain = Labels.restrictedDomainOf(key);
        if (domain != null) {
          List<String> candidates = Labels.all().stream().map(Label::key).filter(k -> k.startsWith(domain + "/"))
              .toList();
          String suggestion = DidYouMean.suggest(key, candidates);
          violations.add(Violation.error(path + ".key", "well-known labels",
              key + " is not a label Karpenter sets in " + domain
                  + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
        }
        continue;
      }
      Operator operator = requirement.getOperator();
      List<String> values = requirement.getValues();
      if (values == null || operator == null) {
        continue;
      }
      boolean comparison = operator == Operator.GT || operator == Operator.LT || operator == Operator.GTE
          || operator == Operator.LTE;
      if (comparison && label.type() != LabelType.INTEGER) {
        violations.add(Violation.error(path + ".operator", "well-known labels", "operator " + operator.getValue()
            + " compares numbers, and " + key + " is not numeric: use In or NotIn"));
        continue;
      }
      for (int j = 0; j < values.size(); j++) {
        String problem = label.problemWith(values.get(j));
        if (problem != null) {
          violations.add(Violation.error(path + ".values[" + j + "]", "well-known labels", problem));
        }
      }
    }
    return violations;
  }
}
