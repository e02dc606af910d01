package dev.autoscaling.workshop.validation;

/**
 * Receives what {@link ManifestValidator} finds, one object at a time, as it reads: nothing is held back until the
 * end, so that a stream of any length is checked in constant memory.
 */
public interface ValidationListener {

  /** One object checked (or one document that could not be read as YAML or JSON). */
  void checked(CheckedDocument document);

  /**
   * An input that cannot be read, or not beyond some point (missing, not a regular file, not UTF-8, binary, over a
   * size limit): the objects read from it before were handed out; the other inputs are still read.
   */
  void unreadable(String source, String reason);

  /** An input that holds no object (empty, only comments, only empty lists). */
  default void empty(String source) {
  }
}
