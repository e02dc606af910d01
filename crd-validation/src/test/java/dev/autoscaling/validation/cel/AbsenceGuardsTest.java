package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.schema.SchemaWalker;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CelRule#holdsWhenAbsent}, which passes a rule over without evaluating it, against the CEL runtime: for every
 * rule of every pinned CRD that has such a guard, on generated objects, the runtime must say the rule holds whenever
 * the shortcut does, and the shortcut must not claim objects that set the guarded fields.
 */
class AbsenceGuardsTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static CelRule rule(String text) {
    return CelRule.compile(JSON.objectNode().put("rule", text));
  }

  @Test
  void shouldFindOnlyNegatedHasOfAFieldOfSelfInADisjunction() {
    assertThat(rule("!has(self.a) || self.a > 1").absenceGuards()).containsExactly("a");
    assertThat(rule("self.b == 1 || !has(self.a) || !has(self.c)").absenceGuards()).containsExactly("a", "c");
    assertThat(rule("has(self.a) || self.b == 1").absenceGuards()).isEmpty();
    assertThat(rule("!has(self.a) && self.b == 1").absenceGuards()).isEmpty();
    assertThat(rule("!has(self.a.b) || self.c == 1").absenceGuards()).isEmpty();
    assertThat(rule("(!has(self.a) ? 1 : 2) == 1 || self.c == 1").absenceGuards()).isEmpty();
    // a transition rule runs only on update, with oldSelf: never passed over
    assertThat(rule("!has(self.a) || self.a == oldSelf.a").absenceGuards()).isEmpty();
  }

  @Test
  void shouldHoldOnlyOnObjectsWithoutAGuardedField() {
    CelRule rule = rule("!has(self.a) || !has(self.b) || self.a == self.b");
    assertThat(rule.holdsWhenAbsent(json("{\"b\": 1}"))).isTrue();
    assertThat(rule.holdsWhenAbsent(json("{\"a\": 1}"))).isTrue();
    assertThat(rule.holdsWhenAbsent(json("{\"a\": 1, \"b\": 2}"))).isFalse();
    assertThat(rule.holdsWhenAbsent(json("{\"a\": null, \"b\": 2}"))).isFalse(); // present, if null
    assertThat(rule.holdsWhenAbsent(json("[1]"))).isFalse();
    assertThat(rule.holdsWhenAbsent(json("\"text\""))).isFalse();
    assertThat(rule("self.a == 1").holdsWhenAbsent(json("{}"))).isFalse();
  }

  @Test
  void shouldAgreeWithTheRuntimeOnEveryGuardedRuleOfThePinnedCrds() throws IOException {
    List<CelRule> guarded = new ArrayList<>();
    Set<String> texts = new TreeSet<>();
    try (Stream<Path> files = Files.walk(PinnedFiles.crdsDir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode crd : Manifests.parseAll(Files.readString(file))) {
          CrdVersions.schemas(crd).values().forEach(schema -> SchemaWalker.walk(schema, (path, node) ->
              node.path("x-kubernetes-validations").forEach(spec -> {
                CelRule rule = CelRule.compile(spec);
                if (!rule.absenceGuards().isEmpty()) {
                  guarded.add(rule);
                  texts.add(rule.rule());
                }
              })));
        }
      }
    }
    // the NodePool's spec rules are guarded: if the analysis found none, this test would check nothing
    assertThat(texts).contains("!has(self.replicas) || !has(self.weight)");

    Random random = new Random(17);
    int checked = 0;
    for (CelRule rule : guarded) {
      Set<String> read = rule.selfFields() == null ? rule.absenceGuards() : rule.selfFields();
      for (int round = 0; round < 200; round++) {
        ObjectNode self = JSON.objectNode();
        for (String field : read) {
          if (random.nextInt(4) > 0) {
            self.set(field, value(random, 3));
          }
        }
        if (random.nextInt(3) == 0) {
          self.set("unread", value(random, 2));
        }
        boolean anyGuardAbsent = rule.absenceGuards().stream().anyMatch(field -> !self.has(field));
        assertThat(rule.holdsWhenAbsent(self)).as("%s on %s", rule, self).isEqualTo(anyGuardAbsent);
        if (anyGuardAbsent) {
          assertThat(rule.evaluate(CelRule.valueOf(self), null, false)).as("%s on %s", rule, self)
              .isEqualTo(CelRule.passed());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** A JSON value of any type, of the shapes CRD fields take. */
  private static JsonNode value(Random random, int depth) {
    return switch (random.nextInt(depth > 0 ? 9 : 6)) {
      case 0 -> JSON.numberNode(random.nextInt(7) - 3);
      case 1 -> JSON.textNode(List.of("", "nodes", "10", "-1", "abc", "1h").get(random.nextInt(6)));
      case 2 -> JSON.booleanNode(random.nextBoolean());
      case 3 -> JSON.nullNode();
      case 4 -> JSON.numberNode(random.nextDouble() * 10);
      case 5 -> JSON.textNode("x" + random.nextInt(3));
      case 6 -> {
        var list = JSON.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          list.add(value(random, depth - 1));
        }
        yield list;
      }
      default -> {
        ObjectNode map = JSON.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          map.set(List.of("nodes", "cpu", "a", "name").get(random.nextInt(4)), value(random, depth - 1));
        }
        yield map;
      }
    };
  }

  private static JsonNode json(String text) {
    return Manifests.parseAll(text).get(0);
  }
}
