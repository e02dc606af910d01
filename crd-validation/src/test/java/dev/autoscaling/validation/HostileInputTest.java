package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input shaped to hurt: values of any size, nesting of any depth. The answer is still violations, each of a bounded
 * size, with bounded work and memory.
 */
class HostileInputTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String POOL = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: pool}
      spec:
        template:
          spec:
            nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
            requirements:
            - {key: kubernetes.io/arch, operator: In, values: [arm64]}
            taints:
            - {key: example.com/team, value: a, effect: NoSchedule}
        disruption: {consolidateAfter: 30s}
        limits: {cpu: "100"}
      """;
  private static final String TEST_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: things.example.com}
      spec:
        group: example.com
        names: {kind: Thing, plural: things}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    mode: {type: string, enum: [fast, slow]}
                    count:
                      type: string
                      x-kubernetes-validations: [{rule: 'int(self) > 0', message: must be positive}]
                    loud:
                      type: string
                      x-kubernetes-validations:
                      - {rule: 'self.size() < 3', message: too long, messageExpression: "'too long: ' + self"}
                    tags:
                      type: array
                      x-kubernetes-list-type: set
                      items: {x-kubernetes-preserve-unknown-fields: true}
                    ports:
                      type: array
                      x-kubernetes-list-type: map
                      x-kubernetes-list-map-keys: [name]
                      items: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    free:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                      x-kubernetes-validations: [{rule: 'self == self', message: never}]
      """;

  static CrdValidator nodePools;
  static CrdValidator things;

  @BeforeAll
  static void load() throws Exception {
    nodePools = CrdValidator.fromYaml(Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")));
    things = CrdValidator.fromYaml(TEST_CRD);
  }

  private static ObjectNode pool() {
    return (ObjectNode) Manifests.parseAll(POOL).get(0);
  }

  private static ObjectNode thing(String spec) {
    return (ObjectNode) Manifests.parseAll("{apiVersion: example.com/v1, kind: Thing, metadata: {name: t}, spec: "
        + spec + "}").get(0);
  }

  private static JsonNode nested(int depth, boolean lists) {
    JsonNode node = JSON.textNode("bottom");
    for (int i = 0; i < depth; i++) {
      node = lists ? JSON.arrayNode().add(node) : JSON.objectNode().set("a", node);
    }
    return node;
  }

  private static void assertBounded(List<Violation> violations) {
    assertThat(violations).allSatisfy(v -> assertThat(v.toString().length()).isLessThan(2_000));
  }

  @Test
  void shouldKeepWhatItRemembersWithinTheValidatorsBudget() throws Exception {
    // Given a validator allowed 1 MiB of remembered outcomes
    MemoBudget budget = new MemoBudget(1024 * 1024, 4 * 1024);
    CrdValidator validator = CrdValidator.of(Manifests.parseAll(
        Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml"))), budget);

    // When it validates valid NodePools whose taints, requirements and weights are all new, some values 16 KiB long
    for (int i = 0; i < 2_000; i++) {
      ObjectNode pool = pool();
      ObjectNode taint = (ObjectNode) pool.at("/spec/template/spec/taints/0");
      taint.put("value", i % 50 == 0 ? "v" + "_".repeat(16 * 1024) + i : "v" + i);
      ((ArrayNode) pool.at("/spec/template/spec/requirements")).addObject()
          .put("key", "example.com/k" + i).put("operator", "In").putArray("values").add("v" + i);
      ((ObjectNode) pool.get("spec")).put("weight", 1 + i % 100);

      // Then every one is valid, and the budget holds
      assertThat(validator.validate(pool).violations()).isEmpty();
      assertThat(budget.usedBytes()).isLessThanOrEqualTo(budget.maxBytes());
    }
    assertThat(budget.usedBytes()).isGreaterThan(budget.maxBytes() / 2);
  }

  @Test
  void shouldNotRememberLargeValues() {
    MemoBudget budget = MemoBudget.standard();
    CrdValidator validator = CrdValidator.of(List.of(crd()), budget);
    validator.validate(pool());
    long before = budget.usedBytes();

    for (int i = 0; i < 10; i++) {
      ObjectNode pool = pool();
      ((ObjectNode) pool.at("/spec/template/spec/taints/0")).put("value", "A" + "_".repeat(256 * 1024) + i);
      assertThat(validator.validate(pool).violations()).isEmpty();
    }

    assertThat(budget.usedBytes() - before).isLessThan(16 * 1024);
  }

  private static JsonNode crd() {
    try {
      return Manifests.parseAll(Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")))
          .get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldWarnInsteadOfOverflowingTheStackOnDeeplyNestedValues() {
    for (boolean lists : new boolean[] {false, true}) {
      // Given values nested 10,000 deep where rules read them
      ObjectNode pool = pool();
      // (an unknown field: an error under strict field validation, but not one that stops the CEL rules)
      ((ObjectNode) pool.at("/spec/template/spec/requirements/0")).set("x", nested(10_000, lists));
      ObjectNode limits = pool();
      ((ObjectNode) limits.at("/spec/limits")).set("x", nested(10_000, lists));
      assertBounded(nodePools.validate(limits).violations());

      // When
      List<Violation> violations = nodePools.validate(pool).violations();

      // Then
      assertThat(violations).extracting(Violation::path)
          .contains("spec.template.spec.requirements", "spec.template.spec.requirements[0].x");
      assertThat(violations).filteredOn(v -> v.path().equals("spec.template.spec.requirements")).singleElement()
          .satisfies(v -> {
            assertThat(v.isError()).isFalse();
            assertThat(v.message()).startsWith("not checked: the value is nested more than 128 levels deep");
          });
      assertBounded(violations);
    }
  }

  @Test
  void shouldCompareDeeplyNestedSetItemsAndMapKeysWithoutRecursion() {
    ObjectNode thing = thing("{}");
    ObjectNode spec = (ObjectNode) thing.get("spec");
    spec.putArray("tags").add(nested(20_000, false)).add(nested(20_000, false));
    spec.putArray("ports").add(JSON.objectNode().set("name", nested(20_000, true)))
        .add(JSON.objectNode().set("name", nested(20_000, true)));
    spec.set("free", nested(20_000, false));

    List<Violation> violations = things.validate(thing).violations();

    assertThat(violations).extracting(Violation::path)
        .contains("spec.tags[1]", "spec.ports[1]", "spec.free");
    assertThat(violations).filteredOn(v -> v.path().equals("spec.tags[1]")).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("Duplicate value: {\"a\":{\"a\":"));
    assertBounded(violations);
  }

  @Test
  void shouldNotRepeatAHugeValueInAnEnumMessage() {
    ObjectNode thing = thing("{}");
    ((ObjectNode) thing.get("spec")).put("mode", "f".repeat(2_500_000));

    List<Violation> violations = things.validate(thing).violations();

    assertThat(violations).filteredOn(v -> v.rule().equals("enum")).singleElement().satisfies(v -> {
      assertThat(v.message()).startsWith("Unsupported value \"ffff").contains("(2500000 characters)")
          .endsWith("supported values are \"fast\", \"slow\"");
      assertThat(v.message().length()).isLessThan(400);
    });
  }

  @Test
  void shouldNotRepeatAHugeValueInARuleError() {
    ObjectNode thing = thing("{}");
    ((ObjectNode) thing.get("spec")).put("count", "z".repeat(1_000_000)).put("loud", "z".repeat(1_000_000));

    List<Violation> violations = things.validate(thing).violations();

    assertThat(violations).hasSize(2);
    assertThat(violations).filteredOn(v -> v.path().equals("spec.count")).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("rule could not be evaluated")
            .contains("int() cannot convert \"zzz").hasSizeLessThan(400));
    assertThat(violations).filteredOn(v -> v.path().equals("spec.loud")).singleElement()
        .satisfies(v -> assertThat(v.message()).as("a message expression over 5 KiB falls back to the message")
            .isEqualTo("too long"));
  }

  @Test
  void shouldKeepTheMessageExpressionWhenItIsShort() {
    assertThat(things.validate(thing("{loud: abcd}")).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("too long: abcd"));
  }

  @Test
  void shouldAnswerAHugeUnknownFieldNameQuickly() {
    // Given a 2.5 MB field name, which a did-you-mean would compare with every declared name
    ObjectNode pool = pool();
    ((ObjectNode) pool.get("spec")).put("w".repeat(2_500_000), 1);
    ((ObjectNode) pool.at("/spec/limits")).put("c".repeat(2_500_000), "1");

    List<Violation> violations = nodePools.validate(pool).violations();

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.isError()).as("strict field validation").isTrue();
      assertThat(v.path()).startsWith("spec.www").endsWith("(2500000 characters)");
      assertThat(v.message()).doesNotContain("did you mean");
    });
    assertBounded(violations);
  }

  @Test
  void shouldStillSuggestTheFieldMeantForOrdinaryNames() {
    ObjectNode pool = pool();
    ((ObjectNode) pool.get("spec")).put("wieght", 1);

    assertThat(nodePools.validate(pool).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).endsWith("did you mean spec.weight?"));
  }

  @Test
  void shouldAnswerWrongContainerTypesEverywhere() {
    for (String spec : new String[] {"[]", "42", "x", "{template: []}", "{template: {spec: {requirements: {a: b}}}}",
        "{template: {spec: {requirements: [x, 1, [], null]}}}", "{limits: [1]}", "{disruption: {budgets: {a: 1}}}",
        "{template: {spec: {taints: [[{key: a}]]}}}", "{weight: {a: 1}}", "{weight: 1e400}", "{weight: -1e400}"}) {
      ObjectNode pool = pool();
      pool.set("spec", Manifests.parseAll("spec: " + spec).get(0).get("spec"));

      assertThat(nodePools.validate(pool).errors()).as(spec).isNotEmpty();
    }
  }
}
