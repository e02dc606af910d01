package dev.autoscaling.validation;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One thing the API server would say about an object.
 *
 * @param path     where, as a field path into the object: {@code spec.template.spec.requirements[0].values}
 * @param message  what is wrong and, where it helps, how to fix it
 * @param rule     what fired: an OpenAPI keyword ({@code pattern}, {@code required}, ...) or a CEL rule's text
 * @param reason   the API server's reason for a CEL rule ({@code FieldValueInvalid} unless the rule says
 *                 otherwise); {@code null} for schema keywords
 * @param severity error (rejected) or warning (dropped or ignored without a word)
 */
public record Violation(String path, String message, String rule, @Nullable String reason, Severity severity)
    implements java.io.Serializable {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
  }

  public static Violation error(String path, String rule, String message) {
    return new Violation(path, message, rule, null, Severity.ERROR);
  }

  public static Violation warning(String path, String rule, String message) {
    return new Violation(path, message, rule, null, Severity.WARNING);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code spec.weight: must be at most 100 [maximum]}, warnings prefixed with {@code warning:}. */
  @Override
  public String toString() {
    return (severity == Severity.WARNING ? "warning: " : "") + (path.isEmpty() ? "<root>" : path) + ": " + message
        + " [" + rule + "]";
  }
}
