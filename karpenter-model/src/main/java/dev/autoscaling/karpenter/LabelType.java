package dev.autoscaling.karpenter;

/** What a well-known label's values are. */
public enum LabelType {
  /** Free text, or one of a closed set when the label lists its values. */
  STRING,
  /** A whole number written as a string ("4"); the only kind Gt/Lt/Gte/Lte compare. */
  INTEGER,
  /** "true" or "false". */
  BOOLEAN
}
