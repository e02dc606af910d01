package dev.autoscaling.manifest;

/**
 * Something that makes a document unacceptable before any schema is consulted: YAML or JSON that does not parse,
 * a duplicate field, aliasing or nesting beyond the limits. The message never quotes the input's text (a YAML
 * parser's own messages show the offending line, which may hold a password); only field names are named.
 *
 * @param path    the field it concerns ({@code spec.replicas}), or empty for the document as a whole
 * @param line    1-based line in the input, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong
 */
public record ManifestProblem(String path, int line, int column, String message) {

  /** {@code line 7, column 3} or {@code line 7}, as messages write it. */
  public String where() {
    return line <= 0 ? "" : "line " + line + (column > 0 ? ", column " + column : "");
  }
}
