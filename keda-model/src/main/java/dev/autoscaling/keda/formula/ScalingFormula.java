package dev.autoscaling.keda.formula;

import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ScaledObject's {@code spec.advanced.scalingModifiers.formula} as KEDA v2.20.2 treats it: the variables are
 * the names of the non-cpu/memory triggers; the result is cast with {@code float(...)} (unless the formula itself
 * starts with {@code float(}); a formula with {@code ??} may give nil, which KEDA turns into
 * {@code fallback.replicas × target}. KEDA's admission webhook compiles it and runs it once with every trigger at
 * {@value #PLACEHOLDER}; {@link #compile} and {@link #check} do the same.
 */
public final class ScalingFormula {

  /** The value KEDA's webhook gives every named trigger for its trial run. */
  public static final double PLACEHOLDER = -1;
  /** Where in a ScaledObject the formula is, the path of what {@link #check()} reports. */
  public static final String PATH = "spec.advanced.scalingModifiers.formula";
  private static final String RULE = "KEDA admission";

  private enum Cast { FLOAT, FLOAT_OR_NIL, NONE }

  private final Formula formula;
  private final Cast cast;

  private ScalingFormula(Formula formula, Cast cast) {
    this.formula = formula;
    this.cast = cast;
  }

  /**
   * @param triggerNames the {@code name}s of the ScaledObject's triggers that are not cpu or memory
   * @throws FormulaException as {@code expr.Compile} would fail on the formula KEDA builds
   */
  public static ScalingFormula compile(String formula, Collection<String> triggerNames) {
    Cast cast;
    if (formula.contains("??")) {
      // KEDA: let _kedaCompositeResult = (formula); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)
      cast = formula.startsWith("let _kedaCompositeResult = ") ? Cast.NONE : Cast.FLOAT_OR_NIL;
    } else {
      cast = formula.startsWith("float(") ? Cast.NONE : Cast.FLOAT;
    }
    Formula compiled = Formula.compile(formula, new LinkedHashSet<>(triggerNames));
    ValueType type = compiled.type();
    if (cast != Cast.NONE && !(type.isNumber() || type.isUnknown() || type.is(ValueType.Kind.STRING))) {
      // the float(...) KEDA wraps around the formula sits before its first character
      throw new FormulaException(FormulaProblem.TYPE, "invalid argument for float (type "
          + Checker.argumentName(type) + ")", 1, "the formula must give a number (KEDA casts it with float(...))");
    }
    return new ScalingFormula(compiled, cast);
  }

  public String source() {
    return formula.source();
  }

  public Set<String> triggerNames() {
    return formula.variables();
  }

  /** Whether the formula may give nil (it uses {@code ??}), in which case KEDA falls back to fallback.replicas. */
  public boolean mayBeNil() {
    return cast == Cast.FLOAT_OR_NIL;
  }

  /**
   * KEDA's admission trial, every trigger at {@value #PLACEHOLDER}, as a report on
   * {@value #PATH}: an error when the trial run fails (KEDA's webhook rejects the ScaledObject), a warning for
   * what KEDA admits but cannot use (a formula that starts with {@code float(} is not cast again, and if it does not
   * end as a number every evaluation fails) or for a part of the expr language this check does not model.
   */
  public ValidationReport check() {
    List<Violation> violations = new ArrayList<>();
    try {
      for (String caveat : trial()) {
        violations.add(Violation.warning(PATH, RULE, caveat));
      }
    } catch (FormulaException e) {
      // the reason may quote the formula's names and tokens, which are as long as the user made them
      violations.add(e.problem() == FormulaProblem.NOT_COVERED
          ? Violation.warning(PATH, RULE, "not checked: " + Excerpt.of(e.getMessage()))
          : Violation.error(PATH, RULE, "error validating formula in ScalingModifiers: " + Excerpt.of(e.getMessage())));
    }
    return new ValidationReport(violations);
  }

  /**
   * KEDA's admission trial: every trigger at {@value #PLACEHOLDER}.
   *
   * @return what KEDA admits but cannot use (empty for a sound formula)
   * @throws FormulaException when the trial run fails, which KEDA's webhook rejects
   * @deprecated one result type for every validation door: use {@link #check()}, which reports a failing trial
   *     as an error instead of throwing
   */
  @Deprecated(forRemoval = false)
  public List<String> validate() {
    return trial();
  }

  private List<String> trial() {
    Map<String, Double> placeholders = new LinkedHashMap<>();
    formula.variables().forEach(name -> placeholders.put(name, PLACEHOLDER));
    Object trial = cast(formula.evaluate(placeholders));
    if (trial == null || trial instanceof Double) {
      return List.of();
    }
    return List.of("the formula starts with float( so KEDA does not cast it again, and it gives a "
        + Functions.goType(trial) + ": KEDA admits it, but every evaluation fails with 'formula returned non-float"
        + " result'; make the whole formula a number");
  }

  /**
   * The composite metric for these trigger metrics.
   *
   * @param metrics a value per trigger name; null for a trigger KEDA passes as nil (failing, with fallback behavior
   *                scalingModifiers)
   * @return the value, or null when the formula gives nil
   * @throws FormulaException when the run fails, or gives something other than a number
   */
  public Double evaluate(Map<String, Double> metrics) {
    Object value = cast(formula.evaluate(metrics));
    if (value == null || value instanceof Double) {
      return (Double) value;
    }
    throw new FormulaException(FormulaProblem.RUNTIME, "formula returned non-float result "
        + Functions.goType(value) + " (" + value + ")", 1);
  }

  private Object cast(Object value) {
    if (cast == Cast.NONE || (cast == Cast.FLOAT_OR_NIL && value == null)) {
      return value;
    }
    try {
      return Functions.toFloat(value);
    } catch (IllegalArgumentException e) {
      throw new FormulaException(FormulaProblem.RUNTIME, e.getMessage(), 1);
    }
  }

  @Override
  public String toString() {
    return formula.source();
  }
}
