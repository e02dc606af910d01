package dev.autoscaling.validation.cel;

/**
 * A value nested too deeply for a rule to be given it: the rule is not evaluated, and the validator says so in a
 * warning instead of running out of stack.
 */
public final class NestedTooDeeplyException extends RuntimeException {

  private final int limit;

  NestedTooDeeplyException(int limit) {
    super("nested more than " + limit + " levels deep", null, false, false); // thrown in bulk: no stack trace
    this.limit = limit;
  }

  /** The deepest nesting a rule is given. */
  public int limit() {
    return limit;
  }
}
