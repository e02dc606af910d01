package dev.autoscaling.keda.formula;

/** What kind of mistake a formula has, so a caller can tell a rejection from a gap in this checker. */
public enum FormulaProblem {
  /** The text is not an expression (expr's parser would stop here too). */
  SYNTAX,
  /** A name that is neither a variable nor a built-in function. */
  UNKNOWN_NAME,
  /** An operator or function applied to a value of the wrong type, found before running. */
  TYPE,
  /** The expression fails while running (integer divide by zero, arithmetic on nil, ...). */
  RUNTIME,
  /**
   * The expression uses a part of the expr language this checker does not model (member access, strings
   * functions, dates, ...): not an error in the formula, only a limit of the check.
   */
  NOT_COVERED
}
