package dev.autoscaling.validation;

import java.util.List;

/** All violations found in one object, in the order the object was walked. */
public record ValidationReport(List<Violation> violations) {

  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /** True when the API server would accept the object (warnings allowed). */
  public boolean isValid() {
    return errors().isEmpty();
  }

  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }

  public List<Violation> warnings() {
    return violations.stream().filter(v -> !v.isError()).toList();
  }

  @Override
  public String toString() {
    if (violations.isEmpty()) {
      return "valid";
    }
    StringBuilder out = new StringBuilder();
    for (Violation violation : violations) {
      out.append(violation).append('\n');
    }
    return out.toString();
  }
}
