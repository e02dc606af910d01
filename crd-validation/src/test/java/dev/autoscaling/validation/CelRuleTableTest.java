package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.schema.SchemaWalker;
import dev.autoscaling.validation.testing.MergePatch;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every CEL rule of every pinned CRD, with at least one object it accepts and one it rejects with its own message
 * (cases in {@code src/test/resources/cel-cases/}, see the README there). A rule without cases, or cases for a rule
 * that no longer exists, fails the build: the table follows the CRDs.
 */
class CelRuleTableTest {

  private static final List<String> FILES = List.of(
      "karpenter-azure/karpenter.sh_nodepools.yaml",
      "karpenter-azure/karpenter.sh_nodeclaims.yaml",
      "karpenter-azure/karpenter.sh_nodeoverlays.yaml",
      "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml",
      "karpenter-aws/karpenter.sh_nodepools.yaml",
      "karpenter-aws/karpenter.sh_nodeclaims.yaml",
      "karpenter-aws/karpenter.sh_nodeoverlays.yaml",
      "karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml",
      "keda/keda.sh_scaledobjects.yaml",
      "keda/keda.sh_scaledjobs.yaml",
      "keda/keda.sh_triggerauthentications.yaml",
      "keda/keda.sh_clustertriggerauthentications.yaml",
      "keda/eventing.keda.sh_cloudeventsources.yaml",
      "keda/eventing.keda.sh_clustercloudeventsources.yaml");

  /** A rule as the CRD has it: version, schema path, rule text; and its message. */
  private record Rule(String version, String path, String rule) {
    @Override
    public String toString() {
      return version + " " + (path.isEmpty() ? "<root>" : path) + ": " + rule;
    }
  }

  private static Map<Rule, String> rulesOf(JsonNode crd) {
    Map<Rule, String> rules = new LinkedHashMap<>();
    CrdVersions.schemas(crd).forEach((version, schema) -> SchemaWalker.walk(schema, (path, node) ->
        node.path("x-kubernetes-validations").forEach(r -> rules.put(
            new Rule(version, path, r.path("rule").asText()), r.path("message").asText("failed rule: "
                + r.path("rule").asText())))));
    return rules;
  }

  private static JsonNode cases(String file) {
    try (InputStream in = CelRuleTableTest.class.getClassLoader().getResourceAsStream("cel-cases/" + file)) {
      return in == null ? null : Manifests.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> shouldHoldAPassingAndAFailingObjectForEveryRule() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      String text = Files.readString(PinnedFiles.crd(file));
      JsonNode crd = Manifests.parseAll(text).get(0);
      Map<Rule, String> rules = rulesOf(crd);
      JsonNode table = cases(file);
      tests.add(dynamicTest(file + ": a case entry for every rule, and none for a rule that does not exist", () -> {
        Set<String> expected = new TreeSet<>();
        rules.keySet().forEach(r -> expected.add(r.toString()));
        Set<String> covered = new TreeSet<>();
        if (table != null) {
          table.path("cases").forEach(c -> covered.add(new Rule(c.path("version").asText(),
              c.path("path").asText(), c.path("rule").asText()).toString()));
        }
        assertThat(covered).as("rules with cases in cel-cases/%s", file).isEqualTo(expected);
      }));
      if (table == null) {
        continue;
      }
      CrdValidator validator = CrdValidator.fromYaml(text);
      for (JsonNode entry : table.path("cases")) {
        Rule rule = new Rule(entry.path("version").asText(), entry.path("path").asText(),
            entry.path("rule").asText());
        String message = rules.get(rule);
        JsonNode base = table.path("base").path(rule.version());
        JsonNode old = entry.has("old") ? MergePatch.apply(base, entry.get("old")) : null;
        int index = 0;
        for (JsonNode patch : entry.path("pass")) {
          JsonNode object = MergePatch.apply(base, patch);
          tests.add(dynamicTest(file + " " + rule + " accepts pass[" + index++ + "]", () -> {
            ValidationReport report = old == null ? validator.validate(object) : validator.validateUpdate(object, old);
            assertThat(report.errors()).as("%s", object).isEmpty();
          }));
        }
        index = 0;
        for (JsonNode patch : entry.path("fail")) {
          JsonNode object = MergePatch.apply(base, patch);
          tests.add(dynamicTest(file + " " + rule + " rejects fail[" + index++ + "]", () -> {
            ValidationReport report = old == null ? validator.validate(object) : validator.validateUpdate(object, old);
            assertThat(report.errors()).as("%s", object)
                .anySatisfy(v -> {
                  assertThat(v.rule()).isEqualTo(rule.rule());
                  assertThat(v.message()).isEqualTo(message);
                });
          }));
        }
      }
    }
    return tests.stream();
  }
}
