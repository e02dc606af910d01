package dev.autoscaling.keda.formula;

import org.jspecify.annotations.Nullable;

/**
 * A formula that does not compile or run, with where (the 1-based column in the formula's text) and what, in the
 * words of the expr language KEDA uses ({@code unknown name trig_thre}, {@code invalid operation: % (mismatched
 * types float64 and int)}).
 */
public final class FormulaException extends IllegalArgumentException {

  private final FormulaProblem problem;
  private final String reason;
  private final int column;
  private final String hint;

  FormulaException(FormulaProblem problem, String reason, int column, String hint) {
    super(reason + " at column " + column + (hint == null ? "" : "; " + hint));
    this.problem = problem;
    this.reason = reason;
    this.column = column;
    this.hint = hint;
  }

  FormulaException(FormulaProblem problem, String reason, int column) {
    this(problem, reason, column, null);
  }

  public FormulaProblem problem() {
    return problem;
  }

  /** The message without position or hint: {@code unknown name trig_thre}. */
  public String reason() {
    return reason;
  }

  /** 1-based column of the offending token in the formula. */
  public int column() {
    return column;
  }

  /** A suggestion ({@code did you mean trig_three?}), or null. */
  public @Nullable String hint() {
    return hint;
  }

  /** The same problem with a (further) suggestion from someone who knows more about the names. */
  public FormulaException withHint(@Nullable String more) {
    if (more == null || more.isEmpty()) {
      return this;
    }
    return new FormulaException(problem, reason, column, hint == null ? more : hint + "; " + more);
  }
}
