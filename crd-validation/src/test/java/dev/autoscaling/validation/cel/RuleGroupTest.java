package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleGroupTest {

  private static final List<CelRule> LIST_RULES = List.of(
      rule("self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)", "In needs values"),
      rule("self.all(x, x.key != 'karpenter.sh/nodepool')", "restricted key"),
      rule("self.all(x, int(x.values[0]) >= 0)", "not a number"));

  private static JsonNode list(String yaml) {
    return Manifests.parseAll("self: " + yaml).get(0).get("self");
  }

  private static CelRule rule(String expression, String message) {
    return CelRule.compile(Manifests.parseAll("{rule: \"" + expression + "\", message: " + message + "}").get(0));
  }

  private static List<String> one(List<CelRule> rules, JsonNode self) {
    List<String> outcomes = new ArrayList<>();
    for (CelRule rule : rules) {
      outcomes.add(describe(rule.evaluate(CelRule.valueOf(self), null)));
    }
    return outcomes;
  }

  private static List<String> grouped(RuleGroup group, JsonNode self) {
    List<String> outcomes = new ArrayList<>();
    for (CelRule.Outcome outcome : group.forElements(self, new IdentityHashMap<>())) {
      outcomes.add(describe(outcome));
    }
    return outcomes;
  }

  private static String describe(CelRule.Outcome outcome) {
    return outcome instanceof CelRule.Passed ? "pass"
        : outcome instanceof CelRule.Failed f ? "fail: " + f.message()
        : "error: " + ((CelRule.Unevaluable) outcome).error();
  }

  /** Together, item by item and remembered, the rules say exactly what each says on its own about the list. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "[{key: a, operator: In, values: ['1']}, {key: b, operator: Exists, values: ['2']}]",
      "[{key: a, operator: In, values: []}, {key: b, operator: In, values: ['x']}]",
      "[{key: karpenter.sh/nodepool, operator: In, values: ['x']}, {key: a, operator: In, values: ['-1']}]",
      "[{key: a, operator: Exists}]",
      "[]"})
  void shouldGiveWhatEachRuleGivesAlone(String yaml) {
    JsonNode self = list(yaml);
    RuleGroup group = RuleGroup.of(LIST_RULES);

    List<String> expected = one(LIST_RULES, self);
    assertThat(grouped(group, self)).isEqualTo(expected);
    assertThat(grouped(group, self)).as("answered from memory").isEqualTo(expected);
  }

  @Test
  void shouldNotBeMisledWhenAValidatedTreeChangesAfterwards() {
    JsonNode self = list("[{key: a, operator: In, values: ['1']}]");
    RuleGroup group = RuleGroup.of(LIST_RULES);
    assertThat(grouped(group, self)).containsOnly("pass");

    ((ObjectNode) self.get(0)).put("key", "karpenter.sh/nodepool");

    assertThat(grouped(group, self)).containsExactly("pass", "fail: restricted key", "pass");
  }

  @Test
  void shouldLeaveNodesWithOtherRulesToOneByOneEvaluation() {
    RuleGroup mixed = RuleGroup.of(List.of(LIST_RULES.get(0), rule("size(self) < 3", "too many")));

    assertThat(mixed.forElements(list("[]"), new IdentityHashMap<>())).isNull();
    assertThat(RuleGroup.of(List.of(rule("self != ''", "empty"), rule("self.size() < 5", "long"))).forScalar("abcdef"))
        .extracting(RuleGroupTest::describe).containsExactly("pass", "fail: long");
  }
}
