package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.formula.FormulaException;
import dev.autoscaling.keda.formula.ScalingFormula;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.testing.FuzzStatistics;
import dev.autoscaling.validation.testing.Mutations;
import dev.autoscaling.validation.testing.Mutations.Mutation;
import dev.autoscaling.validation.testing.Skeletons;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutations of good KEDA objects, with a canary password in them, and of every KEDA CRD's skeleton, given to the API
 * server's checks, KEDA's admission rules and the model parser: violations or a clean error, never another
 * exception, and never the password.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class KedaFuzzTest {

  static final String CANARY = "canary-Pa55w0rd-7e21";
  private static final Map<String, Class<?>> MODELS = Map.of("ScaledObject", ScaledObject.class,
      "ScaledJob", ScaledJob.class, "TriggerAuthentication", TriggerAuthentication.class,
      "ClusterTriggerAuthentication", ClusterTriggerAuthentication.class);
  private static final List<JsonNode> SEEDS = new ArrayList<>();
  private static final FuzzStatistics STATISTICS = new FuzzStatistics("KEDA validation, admission and parsing");

  static {
    SEEDS.addAll(Manifests.parseAll("""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker, namespace: pets}
        spec:
          scaleTargetRef: {name: worker}
          minReplicaCount: 1
          maxReplicaCount: 10
          pollingInterval: 15
          fallback: {failureThreshold: 3, replicas: 2, behavior: scalingModifiers}
          advanced:
            scalingModifiers: {formula: "queue * 2 + (backlog ?? 0)", target: '5', metricType: AverageValue}
            horizontalPodAutoscalerConfig: {name: worker-hpa, behavior: {scaleDown: {stabilizationWindowSeconds: 60}}}
          triggers:
          - type: rabbitmq
            name: queue
            metadata: {queueName: orders, mode: QueueLength, value: '10', protocol: http, password: %1$s}
            authenticationRef: {name: auth}
          - {type: cpu, metricType: Utilization, metadata: {value: '50'}}
          - {type: kafka, name: backlog, metadata: {bootstrapServers: 'k:9092', consumerGroup: g, topic: t, lagThreshold: '5'}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: auth, namespace: pets}
        spec:
          secretTargetRef: [{parameter: host, name: rabbitmq-scaler-secret, key: host}]
          hashiCorpVault: {address: 'https://vault:8200', authentication: token, credential: {token: %1$s}}
          oauth2: {type: clientCredentials, clientId: id, tokenUrl: 'https://user:%1$s@login/token'}
          podIdentity: {provider: azure-workload, identityId: client}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: job}
        spec:
          jobTargetRef:
            template:
              spec:
                containers: [{name: c, image: busybox, env: [{name: PASSWORD, value: %1$s}]}]
          triggers:
          - {type: rabbitmq, metadata: {queueName: orders, mode: QueueLength, value: '1', host: 'amqp://u:%1$s@h'}}
        """.formatted(CANARY)));
    Skeletons.of("keda").forEach(skeleton -> SEEDS.add(skeleton.object()));
  }

  @Provide
  Arbitrary<JsonNode> seeds() {
    return Arbitraries.of(SEEDS);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutations.mutations();
  }

  @Property(seed = "20260115")
  void shouldAnswerEveryMutationOfAKedaObject(@ForAll("seeds") JsonNode seed,
                                              @ForAll("mutations") List<Mutation> mutations) {
    JsonNode object = Mutations.apply(seed, mutations);

    STATISTICS.time(() -> {
      List<Violation> violations = new ArrayList<>(KedaValidation.validate(object));
      violations.addAll(KedaAdmission.check(object));
      FuzzStatistics.assertBounded(violations);
      assertThat(violations.toString()).doesNotContain(CANARY);
      Class<?> model = MODELS.get(object.path("kind").asText());
      if (model != null) {
        try {
          Manifests.convert(object, model);
        } catch (IllegalArgumentException e) {
          assertThat(e.getMessage()).doesNotContain(CANARY).hasSizeLessThan(FuzzStatistics.MAX_VIOLATION_CHARS);
        }
      }
    });
  }

  @Provide
  Arbitrary<String> formulas() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("()[]{}+-*/%^!?:.,;#<>=&|~ 0123456789eExq_\"'").ofMaxLength(40),
        Arbitraries.of("queue", "backlog", "min", "max", "count", "let", "if", "else", "float", "int", "??", "**",
            "(", ")", "[", "]", ",", "{", "}", "#", " + ", " / ", " ? ", " : ", "1e309", "99999999999999999999", "0x",
            "-", "not ", "'a'", "nil", "true").list().ofMaxSize(30).map(parts -> String.join("", parts)));
  }

  @Property(seed = "20260119")
  void shouldAnswerEveryFormula(@ForAll("formulas") String formula) {
    STATISTICS.time(() -> {
      try {
        ScalingFormula compiled = ScalingFormula.compile(formula, List.of("queue", "backlog"));
        assertThat(compiled.check().violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
        compiled.validate();
        compiled.evaluate(Map.of("queue", 3.0, "backlog", -1.0));
      } catch (FormulaException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  @AfterContainer
  static void report() {
    STATISTICS.print();
  }
}
