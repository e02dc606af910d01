package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.PinnedFiles;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KubernetesCel#compile} checks each expression in an environment that declares only the standard functions
 * it calls: the outcome must be the one of the full standard environment ({@code KubernetesCel.CEL.compile}), the
 * same checked tree or the same errors, for every rule of every pinned CRD and for expressions that do not compile.
 */
class KubernetesCelTest {

  @Test
  void shouldCheckEveryPinnedRuleExactlyAsTheFullStandardEnvironment() throws IOException {
    List<String> expressions = new ArrayList<>();
    try (Stream<Path> files = Files.walk(PinnedFiles.crdsDir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode crd : Manifests.parseAll(Files.readString(file))) {
          collect(crd, expressions);
        }
      }
    }
    assertThat(expressions).hasSizeGreaterThan(100);
    for (String expression : expressions) {
      assertSameOutcome(expression);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "1 + 'a'",
      "size(1, 2)",
      "self.unknownFunction()",
      "self.x.matches(1)",
      "self == ",
      "int('1') < 2u && timestamp(0) < timestamp('2020-01-01T00:00:00Z')",
      "self.all(x, x.startsWith('a')) && self.exists_one(y, y in ['a', 'b'])",
      "type(self) == string ? self.size() > 0 : self.map(k, k + 1).filter(v, v > 2).size() > 0",
      "self.find('[0-9]+') == '' || self.findAll('a', 2).size() < 3 || self.lowerAscii().split('/')[0] == 'x'",
      "oldSelf == self && dyn(self) != null && double(1) >= 1 && uint(1) <= 1u && bytes('a') > b''",
      "duration('1s') + duration('2s') > duration('2s') && has(self.x) && !(self.y % 2 == 1)",
      "string(1) == '1' && bool('true') && -1 < 0 && [1, 2][0] / 1 * 2 - 1 == 1 && {'a': 1}['a'] == 1"})
  void shouldCheckOtherExpressionsExactlyAsTheFullStandardEnvironment(String expression) {
    assertSameOutcome(expression);
  }

  private static void assertSameOutcome(String expression) {
    CelValidationResult full = KubernetesCel.CEL.compile(expression);
    CelValidationResult narrow = KubernetesCel.compile(expression);
    assertThat(narrow.hasError()).as(expression).isEqualTo(full.hasError());
    if (full.hasError()) {
      assertThat(narrow.getErrorString()).as(expression).isEqualTo(full.getErrorString());
      return;
    }
    CelAbstractSyntaxTree expected = ast(full);
    CelAbstractSyntaxTree actual = ast(narrow);
    assertThat(actual.getExpr()).as(expression).isEqualTo(expected.getExpr());
    assertThat(actual.getTypeMap()).as(expression).isEqualTo(expected.getTypeMap());
    assertThat(actual.getReferenceMap()).as(expression).isEqualTo(expected.getReferenceMap());
    assertThat(actual.getSource().getMacroCalls()).as(expression).isEqualTo(expected.getSource().getMacroCalls());
  }

  private static CelAbstractSyntaxTree ast(CelValidationResult result) {
    try {
      return result.getAst();
    } catch (CelValidationException e) {
      throw new AssertionError(e);
    }
  }

  private static void collect(JsonNode node, List<String> expressions) {
    if (node.isObject()) {
      JsonNode rules = node.get("x-kubernetes-validations");
      if (rules != null && rules.isArray()) {
        for (JsonNode rule : rules) {
          expressions.add(rule.path("rule").asText());
          if (rule.hasNonNull("messageExpression")) {
            expressions.add(rule.get("messageExpression").asText());
          }
        }
      }
    }
    node.elements().forEachRemaining(child -> collect(child, expressions));
  }
}
