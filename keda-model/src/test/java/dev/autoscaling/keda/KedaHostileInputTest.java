package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KEDA objects of any shape get violations, never an exception: wrong container types, huge values, deep nesting,
 * and secrets that stay out of every message.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class KedaHostileInputTest {

  private static final String CANARY = "canary-Pa55w0rd-9f1c";
  private static final String SO = """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: worker}
      spec:
        scaleTargetRef: {name: worker}
        minReplicaCount: 1
        maxReplicaCount: 10
        triggers:
        - {type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}
      """;

  private static ObjectNode scaledObject() {
    return (ObjectNode) Manifests.parseAll(SO).get(0);
  }

  private static ObjectNode spec(ObjectNode object) {
    return (ObjectNode) object.get("spec");
  }

  private static void assertBounded(List<Violation> violations) {
    assertThat(violations).allSatisfy(v -> assertThat(v.toString().length()).isLessThan(2_000));
  }

  @Test
  void shouldAnswerTriggersWrittenAsAMapWithAFormula() {
    // Given triggers as a map of name to trigger, and a scalingModifiers formula over them
    ObjectNode so = scaledObject();
    ObjectNode triggers = JsonNodeFactory.instance.objectNode();
    triggers.set("queue", spec(so).get("triggers").get(0));
    spec(so).set("triggers", triggers);
    spec(so).putObject("advanced").putObject("scalingModifiers").put("formula", "queue * 2").put("target", "5");

    // When
    List<Violation> violations = KedaValidation.validate(so);

    // Then the API server's type error, and the webhook's complaints, rather than a NullPointerException
    assertThat(violations).extracting(Violation::path)
        .contains("spec.triggers", "spec.advanced.scalingModifiers.formula");
    assertThat(violations).filteredOn(v -> v.rule().equals("type")).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("must be a list, not an object"));
  }

  @ParameterizedTest(name = "triggers: {0}")
  @ValueSource(strings = {"x", "42", "[x, y]", "[[]]", "[null]", "[{type: rabbitmq, metadata: [a, b]}]",
      "[{type: rabbitmq, metadata: 7}]", "[{type: [rabbitmq], metadata: {queueName: {a: b}}}]",
      "[{type: rabbitmq, name: {a: 1}, metadata: {queueName: q, mode: QueueLength, value: '1'}}]",
      "[{type: cron, useCachedMetrics: yes}]", "{}", "null"})
  void shouldAnswerAnyShapeOfTriggers(String triggers) {
    for (String formula : new String[] {null, "queue + 1"}) {
      ObjectNode so = scaledObject();
      spec(so).set("triggers", Manifests.parseAll("t: " + triggers).get(0).get("t"));
      if (formula != null) {
        spec(so).putObject("advanced").putObject("scalingModifiers").put("formula", formula).put("target", "2");
        spec(so).putObject("fallback").put("failureThreshold", 3).put("replicas", 1);
      }

      assertThat(KedaValidation.validate(so)).as(triggers).filteredOn(Violation::isError).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "spec: {0}")
  @ValueSource(strings = {"[]", "7", "{advanced: []}", "{advanced: {scalingModifiers: [1]}}",
      "{advanced: {scalingModifiers: {formula: {a: 1}, target: [2]}}}", "{fallback: x}",
      "{fallback: {failureThreshold: -1e400, replicas: 1e400}}", "{minReplicaCount: 99999999999999999999999}",
      "{idleReplicaCount: {a: 1}, minReplicaCount: x}"})
  void shouldAnswerAnyShapeOfSpec(String spec) {
    ObjectNode so = scaledObject();
    so.set("spec", Manifests.parseAll("s: " + spec).get(0).get("s"));

    assertThat(KedaValidation.validate(so)).as(spec).filteredOn(Violation::isError).isNotEmpty();
  }

  @Test
  void shouldCutAHugeTriggerTypeAndNotLookForTheNameMeant() {
    // Given a 2.5 MB trigger type: a did-you-mean against every scaler would compare it with each, quadratically
    ObjectNode so = scaledObject();
    ((ObjectNode) spec(so).get("triggers").get(0)).put("type", "rabbitmqx".repeat(280_000));

    List<Violation> violations = KedaAdmission.check(so);

    assertThat(violations).filteredOn(v -> v.path().equals("spec.triggers[0].type")).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("'rabbitmqxrabbitmqx")
            .endsWith("(2520000 characters)' is not a KEDA scaler"));
    assertBounded(violations);
  }

  @Test
  void shouldStillSuggestTheScalerMeantForOrdinaryTypes() {
    ObjectNode so = scaledObject();
    ((ObjectNode) spec(so).get("triggers").get(0)).put("type", "rabitmq");

    assertThat(KedaAdmission.check(so)).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("'rabitmq' is not a KEDA scaler; did you mean rabbitmq?"));
  }

  @Test
  void shouldCutHugeNamesKeysAndTargets() {
    ObjectNode so = scaledObject();
    ((ObjectNode) so.get("metadata")).put("name", "n".repeat(1_000_000));
    ObjectNode trigger = (ObjectNode) spec(so).get("triggers").get(0);
    ((ObjectNode) trigger.get("metadata")).put("k".repeat(1_000_000), "v");
    ArrayNode triggers = (ArrayNode) spec(so).get("triggers");
    triggers.add(trigger.deepCopy().put("name", "q".repeat(1_000_000)));
    triggers.add(trigger.deepCopy().put("name", "q".repeat(1_000_000)));
    spec(so).putObject("advanced").putObject("scalingModifiers").put("formula", "queue")
        .put("target", "t".repeat(1_000_000));

    List<Violation> violations = KedaValidation.validate(so);

    assertThat(violations).extracting(Violation::path).contains("metadata.name",
        "spec.triggers[0].metadata[" + "k".repeat(256) + "... (1000000 characters)]", "spec.triggers[2].name",
        "spec.advanced.scalingModifiers.target");
    assertBounded(violations);
  }

  @Test
  void shouldNotCheckFormulasNestedDeeperThanItFollows() {
    for (String formula : new String[] {"(".repeat(100_000) + "queue" + ")".repeat(100_000),
        "queue" + " + queue".repeat(200_000), "-".repeat(100_000) + "queue"}) {
      ObjectNode so = scaledObject();
      spec(so).putObject("advanced").putObject("scalingModifiers").put("formula", formula).put("target", "2");

      assertThat(KedaAdmission.check(so)).singleElement().satisfies(v -> {
        assertThat(v.isError()).isFalse();
        assertThat(v.message()).startsWith("not checked: the formula nests more than 500 levels deep");
      });
    }
  }

  @Test
  void shouldStillCheckAFormulaOfOrdinaryLength() {
    ObjectNode so = scaledObject();
    spec(so).putObject("advanced").putObject("scalingModifiers").put("formula", "queue" + " + queue".repeat(100))
        .put("target", "2");

    assertThat(KedaAdmission.check(so)).isEmpty();
  }

  @Test
  void shouldAnswerValuesNestedThousandsDeep() {
    JsonNode deep = JsonNodeFactory.instance.textNode("x");
    for (int i = 0; i < 20_000; i++) {
      deep = JsonNodeFactory.instance.objectNode().set("a", deep);
    }
    ObjectNode so = scaledObject();
    ((ObjectNode) spec(so).get("triggers").get(0)).set("metadata", deep);
    spec(so).set("advanced", deep);
    ((ObjectNode) so.get("metadata")).set("labels", deep);

    List<Violation> violations = KedaValidation.validate(so);

    assertThat(violations).filteredOn(Violation::isError).isNotEmpty();
    assertBounded(violations);
  }

  @Test
  void shouldNeverRepeatACanaryPasswordWhateverItsShape() {
    String ta = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: auth}
        spec:
          secretTargetRef: [{parameter: password, name: s, key: password}]
          hashiCorpVault: {address: 'https://vault', authentication: token, credential: {token: %s}}
          oauth2: {type: clientCredentials, clientId: id, tokenUrl: 'https://u:%s@host/token'}
          podIdentity: {provider: azure-workload, identityId: ''}
        """.formatted(CANARY, CANARY);
    ObjectNode so = scaledObject();
    ObjectNode metadata = (ObjectNode) spec(so).get("triggers").get(0).get("metadata");
    metadata.put("password", CANARY).put("host", "amqp://keda:" + CANARY + "@rabbitmq:5672")
        .put("passwordx", CANARY).put("value", CANARY);
    ObjectNode retyped = scaledObject();
    ((ObjectNode) spec(retyped).get("triggers").get(0)).putArray("metadata").add(CANARY);
    ObjectNode asMap = scaledObject();
    spec(asMap).putObject("triggers").putObject("queue").put("type", "rabbitmq").putObject("metadata")
        .put("password", CANARY);

    for (JsonNode object : new JsonNode[] {Manifests.parseAll(ta).get(0), so, retyped, asMap}) {
      List<Violation> violations = KedaValidation.validate(object);

      assertThat(violations).as(object.path("kind").asText()).filteredOn(Violation::isError).isNotEmpty();
      assertThat(violations.toString()).doesNotContain(CANARY).doesNotContain("Pa55w0rd");
    }
  }
}
