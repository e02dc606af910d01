package dev.autoscaling.keda.formula;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An expression in the part of the <a href="https://expr-lang.org/docs/language-definition">expr language</a>
 * (v1.17, the version KEDA 2.20 builds with) that arithmetic on metrics needs: numbers, variables, unary
 * {@code - + ! not}, {@code + - * / % ** ^}, comparisons, {@code && || and or}, {@code ?:}, {@code ??},
 * {@code let}, {@code if/else}, arrays, and the built-ins {@code min max abs ceil floor round int float mean median
 * len count all any none one filter map sum}. Compiling checks syntax, names and types as {@code expr.Compile}
 * does with a strict environment of float64 variables.
 *
 * <pre>{@code
 * Formula f = Formula.compile("(trig_one + trig_two) / 2", Set.of("trig_one", "trig_two"));
 * f.evaluate(Map.of("trig_one", 4, "trig_two", 8));   // 6.0
 * }</pre>
 */
public final class Formula {

  private final String source;
  private final Set<String> variables;
  private final Node root;
  private final ValueType type;

  private Formula(String source, Set<String> variables, Node root, ValueType type) {
    this.source = source;
    this.variables = variables;
    this.root = root;
    this.type = type;
  }

  /**
   * @param variables the names the formula may use; their values are numbers (or nil when evaluating). Their
   *                  iteration order is kept: when an unknown name is equally close to several of them, the "did you
   *                  mean" hint names the first (a {@code Set.of} has no fixed order: pass a {@code LinkedHashSet}
   *                  for a stable hint)
   * @throws FormulaException where (column) and what, for a syntax error, an unknown name or a type mismatch; with
   *                          {@link FormulaProblem#NOT_COVERED} for parts of expr this class does not model
   */
  public static Formula compile(String source, Set<String> variables) {
    Objects.requireNonNull(source, "source");
    // in the order given, not Set.copyOf's (which changes from one JVM run to the next): the hint for an unknown name
    // equally close to two variables must not change between runs
    Set<String> names = new LinkedHashSet<>();
    for (String variable : variables) {
      names.add(Objects.requireNonNull(variable, "variable"));
    }
    names = Collections.unmodifiableSet(names);
    Node root = Parser.parse(source);
    return new Formula(source, names, root, Checker.check(root, names));
  }

  public String source() {
    return source;
  }

  /** The names the formula may use, in the order given to {@link #compile}. */
  public Set<String> variables() {
    return variables;
  }

  /**
   * The formula's value: a {@link Long} (expr's int), {@link Double}, {@link Boolean}, {@link String},
   * {@link java.util.List} or null (nil).
   *
   * @param values every number is taken as a float64 (as KEDA passes metrics); a null value or a missing name is
   *               nil, as in expr's map environments
   * @throws FormulaException with {@link FormulaProblem#RUNTIME} where expr's run fails (arithmetic on nil,
   *                          integer divide by zero, ...)
   */
  public @Nullable Object evaluate(Map<String, ? extends @Nullable Number> values) {
    Map<String, Object> environment = new LinkedHashMap<>();
    values.forEach((name, value) -> environment.put(name, value == null ? null : value.doubleValue()));
    return Evaluator.run(root, environment);
  }

  ValueType type() {
    return type;
  }

  @Override
  public String toString() {
    return source;
  }
}
