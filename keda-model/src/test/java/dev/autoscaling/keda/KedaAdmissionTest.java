package dev.autoscaling.keda;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** KEDA's webhook rules, client-side: each row changes one line of a valid object. */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class KedaAdmissionTest {

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

  private static final String TA = """
      apiVersion: keda.sh/v1alpha1
      kind: TriggerAuthentication
      metadata: {name: auth}
      spec:
        secretTargetRef: [{parameter: host, name: s, key: host}]
      """;

  private static List<Violation> check(String yaml) {
    return KedaAdmission.check(Manifests.parseAll(yaml).get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "min > max | SO | maxReplicaCount: 10 | maxReplicaCount: 0 | spec.minReplicaCount | MinReplicaCount=1 must be less than MaxReplicaCount=0",
      "idle >= min | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  idleReplicaCount: 1\" | spec.idleReplicaCount | IdleReplicaCount=1 must be less than MinReplicaCount=1",
      "idle 0 with min unset | SO | minReplicaCount: 1 | idleReplicaCount: 0 | spec.idleReplicaCount | minReplicaCount is unset, which KEDA counts as 0",
      "no triggers | SO | \"triggers:\\n  - {type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"triggers: []\" | spec.triggers | no triggers defined",
      "duplicate trigger names | SO | \"value: '10'}}\" | \"value: '10'}}\\n  - {type: kafka, name: queue, metadata: {topic: t}}\" | spec.triggers[1].name | is defined multiple times in the ScaledObject/ScaledJob",
      "cached metrics on cpu | SO | \"{type: rabbitmq, name: queue,\" | \"{type: cpu, useCachedMetrics: true, metricType: Utilization, name: queue,\" | spec.triggers[0].useCachedMetrics | is not supported for",
      "fallback with only cpu | SO | \"- {type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"- {type: cpu, metricType: Utilization, metadata: {value: '60'}}\\n  fallback: {failureThreshold: 3, replicas: 2}\" | spec.fallback | at least one trigger (that is not cpu or memory)",
      "negative fallback | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  fallback: {failureThreshold: -1, replicas: 2}\" | spec.fallback | must both be >= 0",
      "formula without target | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: queue * 2}}\" | spec.advanced.scalingModifiers.target | formula is given but target is empty",
      "modifiers without formula | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {target: '5'}}\" | spec.advanced.scalingModifiers.formula | ScalingModifiers.Formula is mandatory",
      "target not a number | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: queue, target: five}}\" | spec.advanced.scalingModifiers.target | error converting target",
      "fallback behavior without formula | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  fallback: {failureThreshold: 3, replicas: 2, behavior: scalingModifiers}\" | spec.fallback.behavior | requires scalingModifiers.formula",
      "name too long | SO | \"name: worker}\" | \"name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}\" | metadata.name | must be no more than 63 characters",
      "HPA name too long | SO | \"name: worker}\" | \"name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}\" | metadata.name | derived from scaledobject is 64 characters long",
      "password in metadata | SO | \"value: '10'}}\" | \"value: '10', password: hunter2}}\" | spec.triggers[0].metadata[password] | password is a secret",
      "credentials in a URL | SO | \"value: '10'}}\" | \"value: '10', host: 'http://user:canary-s3cret@rabbitmq:15672'}}\" | spec.triggers[0].metadata[host] | the value carries credentials",
      "azure identity with empty id | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"podIdentity: {provider: azure-workload, identityId: ''}\" | spec.podIdentity.identityId | should not be empty",
      "authority host without tenant | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"podIdentity: {provider: azure-workload, identityAuthorityHost: https://login.example}\" | spec.podIdentity.identityTenantId | should not be empty when identityAuthorityHost is set",
      "aws role with workload owner | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"podIdentity: {provider: aws, roleArn: 'arn:aws:iam::1:role/r', identityOwner: workload}\" | spec.podIdentity.roleArn | can't be set if KEDA isn't identityOwner",
      "aws external id without role | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"podIdentity: {provider: aws, externalID: x}\" | spec.podIdentity.externalID | needs a roleArn",
      "oauth2 without client id | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"oauth2: {type: clientCredentials, tokenUrl: 'https://login.example/token'}\" | spec.oauth2.clientId | clientId is required",
      "oauth2 bad URL | TA | \"secretTargetRef: [{parameter: host, name: s, key: host}]\" | \"oauth2: {type: clientCredentials, clientId: c, tokenUrl: 'ftp://login.example'}\" | spec.oauth2.tokenUrl | must be an http or https URL with a host",
      "unknown scaler type | SO | \"{type: rabbitmq, name: queue,\" | \"{type: rabbitmqq, name: queue,\" | spec.triggers[0].type | did you mean rabbitmq?",
      "rabbitmq mode not in the set | SO | \"mode: QueueLength,\" | \"mode: Length,\" | spec.triggers[0].metadata[mode] | not a value mode takes",
      "rabbitmq value not a number | SO | \"value: '10'\" | \"value: ten\" | spec.triggers[0].metadata[value] | not a number: value takes a decimal number",
      "rabbitmq protocol not in the set | SO | \"mode: QueueLength,\" | \"mode: QueueLength, protocol: https,\" | spec.triggers[0].metadata[protocol] | not a value protocol takes",
      "rabbitmq useRegex not a boolean | SO | \"mode: QueueLength,\" | \"mode: QueueLength, useRegex: maybe,\" | spec.triggers[0].metadata[useRegex] | not a boolean",
      "rabbitmq pageSize not whole | SO | \"mode: QueueLength,\" | \"mode: QueueLength, pageSize: '1.5',\" | spec.triggers[0].metadata[pageSize] | not a whole number",
      "rabbitmq without queueName | SO | \"queueName: orders, \" | \"\" | spec.triggers[0].metadata[queueName] | the rabbitmq scaler needs queueName",
      "kafka lagThreshold not whole | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: kafka, name: queue, metadata: {bootstrapServers: k, consumerGroup: g, lagThreshold: '1.5'}}\" | spec.triggers[0].metadata[lagThreshold] | not a whole number",
      "kafka offset policy | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: kafka, name: queue, metadata: {bootstrapServers: k, consumerGroup: g, offsetResetPolicy: oldest}}\" | spec.triggers[0].metadata[offsetResetPolicy] | not a value offsetResetPolicy takes",
      "prometheus threshold not a number | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: prometheus, name: queue, metadata: {serverAddress: 'http://p:9090', query: q, threshold: high}}\" | spec.triggers[0].metadata[threshold] | not a number",
      "cron desiredReplicas not whole | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: cron, name: queue, metadata: {timezone: UTC, start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: many}}\" | spec.triggers[0].metadata[desiredReplicas] | not a whole number",
      "azure-queue length not whole | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: azure-queue, name: queue, metadata: {queueName: q, queueLength: five}}\" | spec.triggers[0].metadata[queueLength] | not a whole number",
      "aws-sqs scaleOnInFlight not a boolean | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: aws-sqs-queue, name: queue, metadata: {queueURL: 'https://sqs/q', awsRegion: eu-west-1, scaleOnInFlight: sometimes}}\" | spec.triggers[0].metadata[scaleOnInFlight] | not a boolean",
      "metrics-api format | SO | \"{type: rabbitmq, name: queue, metadata: {queueName: orders, mode: QueueLength, value: '10'}}\" | \"{type: metrics-api, name: queue, metadata: {url: 'http://m', valueLocation: v, format: csv}}\" | spec.triggers[0].metadata[format] | not a value format takes",
      "connection string in metadata | SO | \"mode: QueueLength,\" | \"mode: QueueLength, connectionString: 'Endpoint=sb://x',\" | spec.triggers[0].metadata[connectionString] | connectionString is a secret",
      "scalingModifiers Utilization | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: queue, target: '5', metricType: Utilization}}\" | spec.advanced.scalingModifiers.metricType | needs to be AverageValue or Value",
      "formula names a trigger that is not there | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: 'queue + lag', target: '5'}}\" | spec.advanced.scalingModifiers.formula | error validating formula in ScalingModifiers: unknown name lag at column 9",
      "formula misspells a trigger | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: 'queu * 2', target: '5'}}\" | spec.advanced.scalingModifiers.formula | unknown name queu at column 1; did you mean queue?",
      "formula syntax | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: '(queue * 2', target: '5'}}\" | spec.advanced.scalingModifiers.formula | error validating formula in ScalingModifiers: unexpected token EOF at column 10",
      "formula gives a boolean | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: 'queue > 5', target: '5'}}\" | spec.advanced.scalingModifiers.formula | invalid argument for float (type bool) at column 1",
      "formula mixes ?? and + | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: 'queue ?? 0 + 1', target: '5'}}\" | spec.advanced.scalingModifiers.formula | coalesce expressions (??) cannot be mixed",
      "formula takes a float modulo | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: 'queue % 2', target: '5'}}\" | spec.advanced.scalingModifiers.formula | invalid operation: % (mismatched types float64 and int) at column 7",
      "formula fails its trial run at -1 | SO | maxReplicaCount: 10 | \"maxReplicaCount: 10\\n  advanced: {scalingModifiers: {formula: '10 % int(queue + 1)', target: '5'}}\" | spec.advanced.scalingModifiers.formula | integer divide by zero at column 4"})
  void shouldRejectWithThePreciseMessage(String what, String base, String from, String to, String path,
      String message) {
    String original = base.equals("SO") ? SO : TA;
    String yaml = original.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("the row must change the object").isNotEqualTo(original);

    assertThat(check(yaml)).as(what).anySatisfy(v -> {
      assertThat(v.isError()).isTrue();
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(message);
    });
  }

  /** Formulas from KEDA's documentation and its webhook tests, over triggers named as there: no formula error. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "(trig_one + trig_two)/2",
      "trig_one > 2 ? trig_one + trig_two : 1",
      "count([trig_one,trig_two,trig_three],{#>1}) > 1 ? 5 : 0",
      "trig_one < 2 ? trig_one+trig_two >= 2 ? 5 : 10 : 0",
      "trig_one ?? trig_two ?? trig_three ?? 8",
      "trig_one ?? trig_two",
      "float(trig_one + 1)",
      "float(trig_two < 5 ? trig_one + trig_two : 5)",
      "float(float(trig_two < 5 ? trig_one + trig_two : 5))",
      "trig_one + 1",
      "max(trig_one, trig_two) * 2 + min(trig_three, 10)"})
  void shouldAcceptFormulasFromKedasDocumentation(String formula) {
    String yaml = SO.replace("maxReplicaCount: 10", "maxReplicaCount: 10\n  advanced: {scalingModifiers: {formula: '"
        + formula + "', target: '2'}}")
        .replace("- {type: rabbitmq, name: queue,", "- {type: kubernetes-workload, name: trig_one, metadata: {podSelector:"
            + " 'app=x', value: '1'}}\n  - {type: cron, name: trig_two, metadata: {timezone: UTC, start: '0 8 * * *',"
            + " end: '0 9 * * *', desiredReplicas: '2'}}\n  - {type: cpu, metricType: Utilization, name: cpu,"
            + " metadata: {value: '60'}}\n  - {type: rabbitmq, name: trig_three,");

    assertThat(check(yaml)).filteredOn(v -> v.path().startsWith("spec.advanced")).isEmpty();
  }

  @Test
  void shouldExplainWhyATriggerCannotBeUsedInAFormula() {
    String yaml = SO.replace("maxReplicaCount: 10", "maxReplicaCount: 10\n  advanced: {scalingModifiers: {formula:"
            + " 'queue + cpu + other', target: '2'}}")
        .replace("value: '10'}}", "value: '10'}}\n  - {type: cpu, name: cpu, metricType: Utilization, metadata:"
            + " {value: '60'}}\n  - {type: kafka, metadata: {bootstrapServers: k, consumerGroup: g, topic: t}}");

    assertThat(check(yaml)).filteredOn(v -> v.path().equals("spec.advanced.scalingModifiers.formula"))
        .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("error validating formula in"
            + " ScalingModifiers: unknown name cpu at column 9; cpu is a cpu/memory trigger: resource metrics never"
            + " reach the formula; only named triggers can be used; spec.triggers[2] (kafka) has no name"));
  }

  @Test
  void shouldWarnWhereTheFormulaCheckStops() {
    List<Violation> violations = check(SO.replace("maxReplicaCount: 10", "maxReplicaCount: 10\n  advanced:"
        + " {scalingModifiers: {formula: 'queue > 1 ? queue : len(upper(\"x\"))', target: '2'}}"));

    assertThat(violations).filteredOn(v -> v.path().equals("spec.advanced.scalingModifiers.formula"))
        .singleElement().satisfies(v -> {
          assertThat(v.isError()).isFalse();
          assertThat(v.message()).contains("the function upper()");
        });
  }

  @Test
  void shouldNeverRepeatASecretValue() {
    List<Violation> violations = check(SO.replace("value: '10'}}",
        "value: '10', host: 'amqp://keda:canary-s3cret@rabbitmq:5672', password: canary-s3cret}}"));

    assertThat(violations).hasSize(3);
    assertThat(violations.toString()).doesNotContain("canary-s3cret");
  }

  @Test
  void shouldAcceptValidObjectsAndReportAllProblemsAtOnce() {
    assertThat(check(SO)).isEmpty();
    assertThat(check(TA)).isEmpty();
    List<Violation> many = check(SO.replace("maxReplicaCount: 10", "maxReplicaCount: 0\n  idleReplicaCount: 5"));
    assertThat(many).extracting(Violation::path).containsExactly("spec.minReplicaCount", "spec.idleReplicaCount");
  }

  /**
   * What KEDA accepts but ignores, as a warning at the key (never an error): a typo, a key read only from a
   * TriggerAuthentication, a FromEnv key for a value KEDA does not read from the environment.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "metadata typo | queueLenght: '5' | spec.triggers[0].metadata[queueLenght] | queueLenght is not a parameter of the rabbitmq scaler (KEDA would ignore it); did you mean queueLength?",
      "username in plain metadata | username: keda | spec.triggers[0].metadata[username] | username is read only from a TriggerAuthentication or the environment (usernameFromEnv), never from plain metadata: KEDA ignores it here",
      "FromEnv on a metadata-only parameter | queueNameFromEnv: Q | spec.triggers[0].metadata[queueNameFromEnv] | the rabbitmq scaler does not read queueName from the environment, so KEDA ignores queueNameFromEnv: write queueName in metadata"})
  void shouldWarnWhereKedaIgnoresAKey(String what, String line, String path, String message) {
    List<Violation> violations = check(SO.replace("mode: QueueLength,", "mode: QueueLength, " + line + ","));

    assertThat(violations).as(what).singleElement().satisfies(v -> {
      assertThat(v.isError()).isFalse();
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).isEqualTo(message);
    });
  }

  /**
   * KEDA's webhook warns that pollingInterval and cooldownPeriod are not relevant only when minReplicaCount is above
   * 0 and idleReplicaCount is not 0 (and, for pollingInterval, no trigger caches its metrics).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "min 1 (the workshop's) | minReplicaCount: 1 | pollingInterval, cooldownPeriod",
      "min 3 | minReplicaCount: 3 | pollingInterval, cooldownPeriod",
      "min 0 | minReplicaCount: 0 | \"\"",
      "min unset | \"\" | \"\"",
      "min 1, idle 0 | \"minReplicaCount: 1\n  idleReplicaCount: 0\" | \"\"",
      "min 2, idle 1 | \"minReplicaCount: 2\n  idleReplicaCount: 1\" | pollingInterval, cooldownPeriod",
      "min 1, cached metrics | \"minReplicaCount: 1\n  triggers:\n  - {type: prometheus, useCachedMetrics: true, metadata: {serverAddress: 'http://p:9090', query: q, threshold: '5'}}\" | cooldownPeriod"})
  void shouldWarnAboutPollingAndCooldownExactlyWhereKedaDoes(String what, String replicas, String warned) {
    String yaml = SO.replace("  minReplicaCount: 1\n", replicas.isEmpty() ? "" : "  " + replicas.replace("\\n", "\n") + "\n")
        .replace("maxReplicaCount: 10", "maxReplicaCount: 10\n  pollingInterval: 60\n  cooldownPeriod: 120");
    if (replicas.contains("triggers:")) {
      yaml = yaml.substring(0, yaml.lastIndexOf("  triggers:\n  - {type: rabbitmq"));
    }

    List<Violation> violations = check(yaml);

    assertThat(violations).as(what).allSatisfy(v -> assertThat(v.isError()).isFalse());
    assertThat(violations).as(what).extracting(Violation::path).containsExactlyElementsOf(
        warned.isEmpty() ? List.of() : List.of(warned.split(", ")).stream().map(f -> "spec." + f).toList());
  }

  @Test
  void shouldSayWhyPollingAndCooldownAreNotRelevant() {
    List<Violation> warnings = check(SO.replace("maxReplicaCount: 10",
        "maxReplicaCount: 10\n  pollingInterval: 60\n  cooldownPeriod: 120"));

    assertThat(warnings).extracting(Violation::message).containsExactly(
        "pollingInterval is not relevant: minReplicaCount is 1, so the HPA asks for the metrics itself (every 15 s by"
            + " default); KEDA polls at this interval only when minReplicaCount or idleReplicaCount is 0, or a trigger"
            + " sets useCachedMetrics",
        "cooldownPeriod is not relevant: minReplicaCount is 1, so KEDA never scales to zero; the cooldown applies"
            + " only when minReplicaCount or idleReplicaCount is 0");
  }

  /** Real-world KEDA objects: the round-trip manifests and the workshop's, through every check, no false alarm. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"roundtrip/scaledobject.yaml", "roundtrip/scaledjob.yaml",
      "roundtrip/triggerauthentication.yaml", "roundtrip/clustertriggerauthentication.yaml"})
  void shouldAcceptRealWorldObjects(String resource) throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
      var document = Manifests.parseAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(0);

      assertThat(KedaValidation.validate(document)).filteredOn(Violation::isError).isEmpty();
    }
  }
}
