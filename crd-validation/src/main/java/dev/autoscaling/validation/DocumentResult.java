package dev.autoscaling.validation;

/**
 * The verdict on one document of a YAML or JSON stream.
 *
 * @param index      0-based position of the document in the stream
 * @param apiVersion as written, or empty
 * @param kind       as written, or empty
 * @param name       {@code metadata.name}, or empty
 * @param checked    false when no CRD for the kind is loaded (the report then says so)
 * @param report     what was found
 */
public record DocumentResult(int index, String apiVersion, String kind, String name, boolean checked,
    ValidationReport report) {

  /** A stream that could not be read at all: one result carrying the reason. */
  public static DocumentResult unreadable(String reason) {
    return new DocumentResult(0, "", "", "", false,
        new ValidationReport(java.util.List.of(Violation.error("", "syntax", reason))));
  }

  /** {@code kind/name}, as kubectl writes it (each cut to {@value Excerpt#MAX_CHARS} characters). */
  public String describe() {
    return (kind.isEmpty() ? "<no kind>" : Excerpt.of(kind)) + "/" + (name.isEmpty() ? "<no name>" : Excerpt.of(name));
  }
}
