package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.DidYouMean;

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

  /** Checks the requirements of a NodePool given as a JSON tree (so wrongly typed values are seen too). */
  static List<Violation> requirements(JsonNode pool) {
    List<Violation> violations = new ArrayList<>();
    JsonNode requirements = pool.path("spec").path("template").path("spec").path("requirements");
    if (!requirements.isArray()) {
      return violations;
    }
    for (int i = 0; i < requirements.size(); i++) {
      JsonNode requirement = requirements.get(i);
      if (!requirement.path("key").isTextual()) {
        continue;
      }
      String key = requirement.path("key").textValue();
      Label label = Labels.find(key).orElse(null);
      if (label == null) {
        String domain = Labels.restrictedDomainOf(key);
        if (domain != null) {
          List<String> candidates = Labels.all().stream().map(Label::key).filter(k -> k.startsWith(domain + "/"))
              .toList();
          String suggestion = DidYouMean.suggest(key, candidates);
          violations.add(Violation.error(path(i) + ".key", "well-known labels",
              Excerpt.of(key) + " is not a label Karpenter sets in " + domain
                  + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
        }
        continue;
      }
      String operator = requirement.path("operator").asText("");
      JsonNode values = requirement.path("values");
      if (!values.isArray()) {
        continue;
      }
      boolean comparison = operator.equals("Gt") || operator.equals("Lt") || operator.equals("Gte")
          || operator.equals("Lte");
      if (comparison && label.type() != LabelType.INTEGER) {
        violations.add(Violation.error(path(i) + ".operator", "well-known labels", "operator " + operator
            + " compares numbers, and " + key + " is not numeric: use In or NotIn"));
        continue;
      }
      if (!comparison && !operator.equals("In") && !operator.equals("NotIn")) {
        continue;
      }
      for (int j = 0; j < values.size(); j++) {
        String problem = values.get(j).isTextual() ? label.problemWith(values.get(j).textValue()) : null;
        if (problem != null) {
          violations.add(Violation.error(path(i) + ".values[" + j + "]", "well-known labels", problem));
        }
      }
    }
    return violations;
  }

  /** Written only for a violation: nearly every requirement passes, and the text cost more than the checks. */
  private static String path(int requirement) {
    return "spec.template.spec.requirements[" + requirement + "]";
  }
}
