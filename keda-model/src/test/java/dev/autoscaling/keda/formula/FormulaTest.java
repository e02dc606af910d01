package dev.autoscaling.keda.formula;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** expr's language, as far as formulas use it: values, precedence, and errors that say where and what. */
class FormulaTest {

  private static final Set<String> NAMES = Set.of("a", "b", "c", "trig_one", "trig_two", "trig_three");

  private static Object run(String source, Object... pairs) {
    Map<String, Double> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1] == null ? null : ((Number) pairs[i + 1]).doubleValue());
    }
    return Formula.compile(source, NAMES).evaluate(values);
  }

  @ParameterizedTest(name = "{0} = {4}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
      // the examples of KEDA's documentation and webhook tests
      "(trig_one + trig_two)/2 ¦ 4 ¦ 8 ¦ 0 ¦ 6.0",
      "trig_one > 2 ? trig_one + trig_two : 1 ¦ 3 ¦ 4 ¦ 0 ¦ 7.0",
      "trig_one > 2 ? trig_one + trig_two : 1 ¦ 2 ¦ 4 ¦ 0 ¦ 1",
      "trig_one < 2 ? trig_one+trig_two >= 2 ? 5 : 10 : 0 ¦ 1 ¦ 1 ¦ 0 ¦ 5",
      "trig_one < 2 ? trig_one+trig_two >= 2 ? 5 : 10 : 0 ¦ 1 ¦ 0 ¦ 0 ¦ 10",
      "trig_one < 2 ? trig_one+trig_two >= 2 ? 5 : 10 : 0 ¦ 3 ¦ 0 ¦ 0 ¦ 0",
      "count([trig_one,trig_two,trig_three],{#>1}) > 1 ? 5 : 0 ¦ 2 ¦ 2 ¦ 0 ¦ 5",
      "count([trig_one,trig_two,trig_three],{#>1}) > 1 ? 5 : 0 ¦ 2 ¦ 0 ¦ 0 ¦ 0",
      "float(trig_two < 5 ? trig_one + trig_two : 5) ¦ 1 ¦ 2 ¦ 0 ¦ 3.0",
      // precedence and associativity as expr's table has them
      "-2 ** 2 ¦ 0 ¦ 0 ¦ 0 ¦ -4.0",
      "2 ** 3 ** 2 ¦ 0 ¦ 0 ¦ 0 ¦ 512.0",
      "2 ^ 3 ¦ 0 ¦ 0 ¦ 0 ¦ 8.0",
      "1 + 2 * 3 - 4 ¦ 0 ¦ 0 ¦ 0 ¦ 3",
      "10 / 4 ¦ 0 ¦ 0 ¦ 0 ¦ 2.5",
      "7 % 3 ¦ 0 ¦ 0 ¦ 0 ¦ 1",
      "-7 % 3 ¦ 0 ¦ 0 ¦ 0 ¦ -1",
      "1 < trig_one < 3 ¦ 2 ¦ 0 ¦ 0 ¦ true",
      "1 < trig_one < 3 ¦ 3 ¦ 0 ¦ 0 ¦ false",
      "!true || true ¦ 0 ¦ 0 ¦ 0 ¦ true",
      "not false and false ¦ 0 ¦ 0 ¦ 0 ¦ false",
      "trig_one == 2 && trig_two != 2 ¦ 2 ¦ 3 ¦ 0 ¦ true",
      // built-ins
      "max(trig_one, trig_two, 3) ¦ 1 ¦ 2 ¦ 0 ¦ 3",
      "min(trig_one, trig_two) ¦ 1 ¦ 2 ¦ 0 ¦ 1.0",
      "max([trig_one, trig_two]) ¦ 1 ¦ 2 ¦ 0 ¦ 2.0",
      "abs(trig_one - trig_two) ¦ 1 ¦ 4 ¦ 0 ¦ 3.0",
      "ceil(trig_one / 4) ¦ 5 ¦ 0 ¦ 0 ¦ 2.0",
      "floor(trig_one / 4) ¦ 5 ¦ 0 ¦ 0 ¦ 1.0",
      "round(2.5) + round(-2.5) + round(0.49999999999999994) ¦ 0 ¦ 0 ¦ 0 ¦ 0.0",
      "round(trig_one) ¦ 2.5 ¦ 0 ¦ 0 ¦ 3.0",
      "int(trig_one) ¦ 2.9 ¦ 0 ¦ 0 ¦ 2",
      "int(-2.9) ¦ 0 ¦ 0 ¦ 0 ¦ -2",
      "float('1.5') + int('2') ¦ 0 ¦ 0 ¦ 0 ¦ 3.5",
      "mean(1, 2, 3, 4) ¦ 0 ¦ 0 ¦ 0 ¦ 2.5",
      "median([3, 1, 2]) ¦ 0 ¦ 0 ¦ 0 ¦ 2.0",
      "sum([1, 2, 3]) ¦ 0 ¦ 0 ¦ 0 ¦ 6",
      "sum([trig_one, trig_two], {# * 2}) ¦ 1 ¦ 2 ¦ 0 ¦ 6.0",
      "len([1, 2]) ¦ 0 ¦ 0 ¦ 0 ¦ 2",
      "all([trig_one, trig_two], {# > 0}) ¦ 1 ¦ 2 ¦ 0 ¦ true",
      "any([trig_one, trig_two], # > 1) ¦ 1 ¦ 1 ¦ 0 ¦ false",
      "one([trig_one, trig_two], # > 1) ¦ 1 ¦ 2 ¦ 0 ¦ true",
      "none([trig_one, trig_two], # > 5) ¦ 1 ¦ 2 ¦ 0 ¦ true",
      "len(filter([trig_one, trig_two, 7], # > 1)) ¦ 1 ¦ 2 ¦ 0 ¦ 2",
      "sum(map([trig_one, trig_two], # + 1)) ¦ 1 ¦ 2 ¦ 0 ¦ 5.0",
      // variables, if/else, comments
      "let avg = (trig_one + trig_two) / 2; avg > 10 ? avg : 0 ¦ 30 ¦ 10 ¦ 0 ¦ 20.0",
      "if trig_one > 1 { trig_one } else { 0 } ¦ 5 ¦ 0 ¦ 0 ¦ 5.0",
      "trig_one /* queue */ + trig_two // lag ¦ 1 ¦ 2 ¦ 0 ¦ 3.0",
      "0x10 + 0b11 + 0o7 + 1_000 + .5 + 1e1 ¦ 0 ¦ 0 ¦ 0 ¦ 1036.5"})
  void shouldComputeAsExprDoes(String formula, double one, double two, double three, String expected) {
    Object value = run(formula, "trig_one", one, "trig_two", two, "trig_three", three);

    assertThat(String.valueOf(value)).isEqualTo(expected);
  }

  @Test
  void shouldCoalesceNilsFromLeftToRight() {
    assertThat(run("trig_one ?? trig_two ?? 8", "trig_one", null, "trig_two", null)).isEqualTo(8L);
    assertThat(run("trig_one ?? trig_two ?? 8", "trig_one", null, "trig_two", 3)).isEqualTo(3.0);
    assertThat(run("trig_one ?? trig_two ?? 8", "trig_one", 1, "trig_two", 3)).isEqualTo(1.0);
    assertThat(run("b + (trig_one ?? 2)", "b", 1, "trig_one", null)).isEqualTo(3.0);
    assertThat(run("trig_one ?? trig_two", "trig_one", null, "trig_two", null)).isNull();
  }

  @ParameterizedTest(name = "{0}: {1} at {2}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
      "trig_one + trig_thre ¦ unknown name trig_thre ¦ 12 ¦ UNKNOWN_NAME",
      "trig_one + sqrt(trig_two) ¦ unknown name sqrt ¦ 12 ¦ UNKNOWN_NAME",
      "trig_one + ¦ unexpected token EOF ¦ 10 ¦ SYNTAX",
      "(trig_one + trig_two ¦ unexpected token EOF ¦ 20 ¦ SYNTAX",
      "trig_one trig_two ¦ unexpected token Identifier(\"trig_two\") ¦ 10 ¦ SYNTAX",
      "trig_one ?? 0 + trig_two ¦ Operator (+) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. ¦ 15 ¦ SYNTAX",
      "trig_one @ 2 ¦ unrecognized character: U+0040 '@' ¦ 10 ¦ SYNTAX",
      "2trig ¦ bad number syntax: \"2t\" ¦ 2 ¦ SYNTAX",
      "trig_one > 1 ? 2 ¦ unexpected token EOF ¦ 16 ¦ SYNTAX",
      "trig_one /* open ¦ unclosed comment ¦ 17 ¦ SYNTAX",
      "trig_one % 2 ¦ invalid operation: % (mismatched types float64 and int) ¦ 10 ¦ TYPE",
      "trig_one && trig_two ¦ invalid operation: && (mismatched types float64 and float64) ¦ 10 ¦ TYPE",
      "trig_one ? 1 : 2 ¦ non-bool expression (type float64) used as condition ¦ 1 ¦ TYPE",
      "!trig_one ¦ invalid operation: ! (mismatched type float64) ¦ 1 ¦ TYPE",
      "trig_one == true ¦ invalid operation: == (mismatched types float64 and bool) ¦ 10 ¦ TYPE",
      "max() ¦ not enough arguments to call max ¦ 1 ¦ TYPE",
      "abs(true) ¦ invalid argument for abs (type bool) ¦ 1 ¦ TYPE",
      "ceil(1, 2) ¦ invalid number of arguments (expected 1, got 2) ¦ 1 ¦ TYPE",
      "count(trig_one, # > 1) ¦ builtin count takes only array (got float64) ¦ 7 ¦ TYPE",
      "count([trig_one], # + 1) ¦ predicate should return boolean (got float64) ¦ 19 ¦ TYPE",
      "let trig_one = 1; trig_one ¦ cannot redeclare trig_one ¦ 5 ¦ TYPE",
      "int(trig_one) % int(trig_one + 1) ¦ integer divide by zero ¦ 15 ¦ RUNTIME",
      "int('x') ¦ invalid operation: int(x) ¦ 1 ¦ RUNTIME",
      "trig_one.value ¦ member access (.) ¦ 9 ¦ NOT_COVERED",
      "upper('x') ¦ the function upper() ¦ 1 ¦ NOT_COVERED",
      "trig_one in [1, 2] ¦ the operator in ¦ 10 ¦ NOT_COVERED",
      "trig_one | max(1) ¦ the operator | ¦ 10 ¦ NOT_COVERED"})
  void shouldSayWhereAndWhat(String formula, String message, int column, FormulaProblem problem) {
    assertThatThrownBy(() -> Formula.compile(formula, NAMES).evaluate(Map.of("trig_one", -1.0, "trig_two", -1.0)))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.reason()).contains(message);
          assertThat(e.column()).isEqualTo(column);
          assertThat(e.getMessage()).contains("at column " + column);
        });
  }

  @Test
  void shouldSuggestTheNameMeant() {
    assertThatThrownBy(() -> Formula.compile("trig_one + trig_thre", NAMES))
        .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.hint()).isEqualTo("did you mean trig_three?"));
  }

  /**
   * An unknown name equally close to several variables: the hint names the first declared, whatever the JVM's
   * hashing. Each pair is tried in both orders, so an order of the set's own making (as {@code Set.copyOf} had, which
   * changes between JVM runs) gets one of the two wrong.
   */
  @Test
  void shouldSuggestTheFirstDeclaredOfEquallyCloseNames() {
    List<String> pairs = List.of("ab", "ba", "ac", "xa", "b", "c", "trig_a", "trig_b", "trig_c", "trig_d");
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      List<String> declared = new ArrayList<>(List.of(pairs.get(i), pairs.get(i + 1)));
      for (int turn = 0; turn < 2; turn++) {
        String unknown = declared.get(0).startsWith("trig_") ? "trig_e" : "a";
        Set<String> variables = new LinkedHashSet<>(declared);
        String first = declared.get(0);
        assertThatThrownBy(() -> Formula.compile(unknown + " + 1", variables))
            .as("%s declared as %s", unknown, declared)
            .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.hint())
                .isEqualTo("did you mean " + first + "?"));
        assertThat(Formula.compile(first + " + 1", variables).variables()).containsExactlyElementsOf(declared);
        Collections.reverse(declared);
      }
    }
  }

  @Test
  void shouldFailAtRunTimeOnArithmeticWithNil() {
    Formula formula = Formula.compile("trig_one + 1", NAMES);
    Map<String, Double> failing = new HashMap<>();
    failing.put("trig_one", null);

    assertThatThrownBy(() -> formula.evaluate(failing))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          assertThat(e.problem()).isEqualTo(FormulaProblem.RUNTIME);
          assertThat(e.reason()).isEqualTo("invalid operation: <nil> + int");
          assertThat(e.column()).isEqualTo(10);
        });
  }
}
