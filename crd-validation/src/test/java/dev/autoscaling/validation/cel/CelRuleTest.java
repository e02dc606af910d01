package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CelRuleTest {

  private static CelRule rule(String expression) {
    return CelRule.compile(Manifests.parseAll("{rule: \"" + expression + "\", message: broken}").get(0));
  }

  private static String outcome(CelRule rule, String selfYaml) {
    JsonNode self = Manifests.parseAll("self: " + selfYaml).get(0).get("self");
    return describe(rule.evaluate(CelRule.valueOf(self), null));
  }

  private static String describe(CelRule.Outcome outcome) {
    return outcome instanceof CelRule.Passed ? "pass"
        : outcome instanceof CelRule.Failed f ? "fail: " + f.message()
        : "error: " + ((CelRule.Unevaluable) outcome).error();
  }

  /**
   * The element-wise evaluation of self.all(x, ...) gives what CEL's all macro gives on the whole list: the same
   * rule written so that it cannot be split ("&& true") is the reference.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[{a: 1}, {a: 2}]          | pass",
      "[{a: 1}, {a: 0}]          | fail: broken",
      "[{b: 1}, {a: 0}]          | fail: broken",
      "[{a: 0}, {b: 1}]          | fail: broken",
      "[{a: 1}, {b: 1}]          | error: key 'a' is not present in map.",
      "[]                        | pass",
      "{k: v}                    | error: Error resolving field 'a'. Field selections must be performed on messages or maps."})
  void shouldEvaluateItemByItemExactlyAsTheWholeRule(String self, String expected) {
    CelRule split = rule("self.all(x, x.a > 0)");
    CelRule whole = rule("self.all(x, x.a > 0) && true");

    assertThat(outcome(split, self)).isEqualTo(expected);
    assertThat(outcome(whole, self)).isEqualTo(expected);
    // and again, now answered from what was remembered
    assertThat(outcome(split, self)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'abc'.find('[0-9]+')                | ''",
      "'ab12cd34'.find('[0-9]+')           | '12'",
      "'ab12cd34'.findAll('[0-9]+')        | ['12', '34']",
      "'ab12cd34'.findAll('[0-9]+', 1)     | ['12']",
      "'a b'.split(' ')                    | ['a', 'b']",
      "'karpenter.sh'.find('^([^/]+)')     | 'karpenter.sh'"})
  void shouldOfferTheKubernetesLibraryFunctions(String expression, String expected) {
    CelRule rule = rule(expression + " == " + expected);

    assertThat(rule.compileError()).isNull();
    assertThat(outcome(rule, "0")).isEqualTo("pass");
  }

  @org.junit.jupiter.api.Test
  void shouldReportIntOfANonNumberAsAnEvaluationError() {
    assertThat(outcome(rule("int(self) >= 0"), "two")).isEqualTo("error: int() cannot convert \"two\" to an integer");
    assertThat(outcome(rule("int(self) >= 0"), "'-1'")).isEqualTo("fail: broken");
  }

  @org.junit.jupiter.api.Test
  void shouldKeepARuleThatDoesNotCompileAsUnevaluable() {
    CelRule rule = rule("self.nosuchfunction(1)");

    assertThat(rule.compileError()).startsWith("does not compile");
    assertThat(outcome(rule, "x")).startsWith("error: does not compile");
  }

  private static String outcomeProjected(CelRule rule, String selfYaml) {
    JsonNode self = Manifests.parseAll("self: " + selfYaml).get(0).get("self");
    Object projected = rule.projectedSelf(self, new java.util.IdentityHashMap<>());
    assertThat(projected).as("projected self of " + rule).isNotNull();
    return describe(rule.evaluate(projected, null));
  }

  /** A rule that reads self only through fields sees only those fields, and says exactly what it says on all. */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = ';', value = {
      "!has(self.min) || self.min <= (has(self.max) ? self.max : 100) ; {min: 1, triggers: [{a: 1}]}  ; pass",
      "!has(self.min) || self.min <= (has(self.max) ? self.max : 100) ; {min: 5, max: 2, other: x}   ; fail: broken",
      "!has(self.min) || self.min <= (has(self.max) ? self.max : 100) ; {min: 500}                    ; fail: broken",
      "self.min <= self.max                                          ; {min: 1}                      ; error: key 'max' is not present in map.",
      "!has(self.replicas) || !has(self.weight)                      ; {replicas: 1, weight: 2, x: 3} ; fail: broken"})
  void shouldGiveTheSameOutcomeOnTheFieldsTheRuleReads(String expression, String self, String expected) {
    CelRule rule = rule(expression);

    assertThat(outcomeProjected(rule, self)).isEqualTo(expected);
    assertThat(outcome(rule, self)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "self.all(x, x > 0)",
      "size(self) > 0",
      "self == {'a': 1}",
      "self.exists(self, self > 0)",
      "has(self.a) && self.a.all(x, x in self)"})
  void shouldHandTheWholeObjectToRulesThatReadMoreThanFields(String expression) {
    CelRule rule = rule(expression);

    assertThat(rule.compileError()).isNull();
    assertThat(rule.projectedSelf(Manifests.parseAll("{a: [1], b: 2}").get(0), null)).isNull();
  }

  @org.junit.jupiter.api.Test
  void shouldGiveTheMessageExpressionTheFieldsItReads() {
    CelRule rule = CelRule.compile(Manifests.parseAll(
        "{rule: 'self.min <= self.max', messageExpression: \"'min ' + string(self.min) + ' above max of ' + self.name\"}")
        .get(0));

    assertThat(outcomeProjected(rule, "{min: 3, max: 2, name: pool, unrelated: [1, 2]}"))
        .isEqualTo("fail: min 3 above max of pool");
  }

  @org.junit.jupiter.api.Test
  void shouldProjectAsAMapWithExactlyThePresentFields() {
    CelRule rule = rule("!has(self.replicas) || !has(self.weight)");
    JsonNode object = Manifests.parseAll("{weight: 2, replicas: null, other: [1]}").get(0);

    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> projected = (java.util.Map<String, Object>) rule.projectedSelf(object, null);

    java.util.Map<String, Object> expected = new java.util.HashMap<>();
    expected.put("weight", 2L);
    expected.put("replicas", dev.cel.common.values.NullValue.NULL_VALUE);
    assertThat(projected).isEqualTo(expected).hasSize(2).containsKeys("weight", "replicas").doesNotContainKey("other");
    assertThat(expected).isEqualTo(projected);
    assertThat(projected.hashCode()).isEqualTo(expected.hashCode());
    assertThat(projected).isNotEqualTo(rule.projectedSelf(Manifests.parseAll("{weight: 3}").get(0), null));
  }

  @org.junit.jupiter.api.Test
  void shouldRememberOutcomesPerProjectedValue() {
    CelRule rule = rule("!has(self.replicas) || !has(self.weight)");

    assertThat(outcomeProjected(rule, "{weight: 2}")).isEqualTo("pass");
    assertThat(outcomeProjected(rule, "{weight: 2, replicas: 1}")).isEqualTo("fail: broken");
    assertThat(outcomeProjected(rule, "{weight: 2, other: 1}")).isEqualTo("pass");
    assertThat(outcomeProjected(rule, "{replicas: 1, weight: 2}")).isEqualTo("fail: broken");
  }
}
