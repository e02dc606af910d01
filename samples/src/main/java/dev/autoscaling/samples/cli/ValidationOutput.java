package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.validation.CheckedDocument;

import java.io.PrintWriter;

/**
 * How {@code workshop validate -o json|junit|sarif} writes its verdicts for CI: each object as it is checked, each
 * input that could not be read, then the totals. (The text format is {@link ValidateCommand}'s own.)
 */
interface ValidationOutput {

  void checked(CheckedDocument document);

  void unreadable(String source, String reason);

  /** Writes what is left (a whole report, for formats that cannot stream) and the totals. */
  void finish(PrintWriter out, int objects, int errors, int warnings, int unreadable);

  /** The format {@code -o} names; null for text. */
  static ValidationOutput of(String format, PrintWriter out) {
    return switch (format) {
      case "text" -> null;
      case "json" -> new JsonValidationOutput(out);
      case "junit" -> new JunitValidationOutput();
      case "sarif" -> new SarifValidationOutput();
      default -> throw new IllegalArgumentException(format);
    };
  }
}
