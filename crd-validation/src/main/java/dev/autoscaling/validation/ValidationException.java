package dev.autoscaling.validation;

import java.util.List;

/**
 * Thrown by a {@code build()} that validates: the object would be rejected by the API server. Carries every
 * violation, not the first; the message lists them one per line.
 */
public final class ValidationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  // Serialised with the exception (Violation is a serialisable record, List.copyOf's list is serialisable): a
  // deserialised exception still lists every violation, not null.
  @SuppressWarnings("serial") // the declared type is List, the value always List.copyOf's serialisable list
  private final List<Violation> violations;

  public ValidationException(String what, List<Violation> violations) {
    super(message(what, violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Throws when any of the violations is an error (warnings alone pass): the one place builders decide to refuse.
   *
   * @throws ValidationException listing every violation, under {@code what} ("NodePool arm-nodepool")
   */
  public static void throwOnErrors(String what, List<Violation> violations) {
    for (Violation violation : violations) {
      if (violation.isError()) {
        throw new ValidationException(what, violations);
      }
    }
  }

  private static String message(String what, List<Violation> violations) {
    StringBuilder text = new StringBuilder(what).append(" is invalid (").append(violations.size())
        .append(violations.size() == 1 ? " problem):" : " problems):");
    for (Violation violation : violations) {
      text.append("\n  ").append(violation);
    }
    return text.toString();
  }

  public List<Violation> violations() {
    return violations;
  }
}
