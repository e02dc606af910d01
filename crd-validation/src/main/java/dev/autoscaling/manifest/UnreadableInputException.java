package dev.autoscaling.manifest;

/**
 * An input that cannot be read as manifests at all, or not beyond some point: not UTF-8 text, binary, over a size
 * limit, or failing to read. The documents read before it stand. The message names the input and the place, never
 * the input's text.
 */
public final class UnreadableInputException extends RuntimeException {

  private final String source;
  private final String reason;

  public UnreadableInputException(String source, String reason) {
    this(source, reason, null);
  }

  public UnreadableInputException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause, false, false);
    this.source = source;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  /** What is wrong, without the source's name. */
  public String reason() {
    return reason;
  }
}
