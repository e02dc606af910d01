package dev.autoscaling.validation;

/** How the API server would treat what a violation describes. */
public enum Severity {
  /** The API server rejects the object. */
  ERROR,
  /** The API server accepts the object but silently drops or ignores part of it. */
  WARNING
}
