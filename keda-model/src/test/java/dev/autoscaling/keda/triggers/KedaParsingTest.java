package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Trigger metadata as KEDA v2.20.2 parses it, one class of former false alarm or miss per test: what KEDA reads
 * passes, what it ignores is a warning, what makes it fail to build the scaler is an error, each with its message.
 */
class KedaParsingTest {

  private static final String AT = "spec.triggers[0].metadata";

  private static List<Violation> checkWith(String type, String metricType, String... keysAndValues) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      metadata.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return TriggerMetadata.check(type, metricType, metadata, AT);
  }

  private static List<Violation> check(String type, String... keysAndValues) {
    return checkWith(type, null, keysAndValues);
  }

  @Test
  void shouldReadTheSharedAuthenticationSettingsOfTheHttpScalers() {
    // the modes and where the API key goes are metadata; the credentials themselves come from the TriggerAuthentication
    assertThat(check("prometheus", "serverAddress", "http://prometheus:9090", "query", "sum(up)", "threshold", "5",
        "authModes", "bearer")).isEmpty();
    assertThat(check("metrics-api", "url", "http://api/stats", "valueLocation", "queue.depth", "targetValue", "5",
        "authMode", "apiKey", "method", "query", "keyParamName", "key")).isEmpty();
    assertThat(check("pulsar", "adminURL", "http://pulsar:8080", "topic", "t", "subscription", "s",
        "authModes", "tls,basic")).isEmpty();
    for (String type : List.of("loki", "arangodb", "predictkube")) {
      assertThat(TriggerMetadata.metadataKeys(type)).as(type).contains("authModes", "authMode", "method",
          "keyParamName");
    }
  }

  @Test
  void shouldCheckTheAuthenticationModesAsKedaDoes() {
    assertThat(check("prometheus", "serverAddress", "http://p:9090", "query", "q", "threshold", "5",
        "authModes", "bearer,basic")).extracting(Violation::path, Violation::message).containsExactly(
        tuple(AT + "[authModes]", "authModes may name only one of bearer, basic, oauth"));
    assertThat(check("prometheus", "serverAddress", "http://p:9090", "query", "q", "threshold", "5",
        "authModes", "token")).extracting(Violation::message).containsExactly(
        "not a value authModes takes: use any of apiKey, basic, tls, bearer, custom, oauth, separated by ','");
  }

  @Test
  void shouldReadTheNestedEventHubSettings() {
    assertThat(check("azure-eventhub", "consumerGroup", "$Default", "blobContainer", "checkpoints",
        "eventHubName", "orders", "eventHubNamespace", "shop", "connectionFromEnv", "EVENTHUB_CONNECTION",
        "storageConnectionFromEnv", "STORAGE_CONNECTION", "checkpointStrategy", "blobMetadata",
        "unprocessedEventThreshold", "64")).isEmpty();
  }

  @Test
  void shouldReadTheKeysKedaTakesFromTheRawMetadata() {
    assertThat(check("azure-servicebus", "queueName", "orders", "cloud", "AzureUSGovernmentCloud")).isEmpty();
    assertThat(check("azure-eventhub", "cloud", "Private", "endpointSuffix", "servicebus.example",
        "storageEndpointSuffix", "core.example")).isEmpty();
    assertThat(check("aws-sqs-queue", "queueURL", "https://sqs/q", "awsRegion", "eu-west-1",
        "identityOwner", "operator", "awsAccessKeyIDFromEnv", "AWS_KEY", "awsSecretAccessKeyFromEnv",
        "AWS_SECRET")).isEmpty();
    assertThat(check("gcp-storage", "bucketName", "b", "credentialsFromEnv", "GCP_KEY")).isEmpty();
    assertThat(check("pulsar", "adminURL", "http://pulsar:8080", "topic", "t", "subscription", "s",
        "authModes", "oauth", "oauthTokenURI", "https://login/token", "scope", "admin", "clientID", "c",
        "EndpointParams", "audience=pulsar")).isEmpty();
  }

  @Test
  void shouldWarnAboutDatadogsOldTypeAndRefuseItBesideMetricType() {
    assertThat(check("datadog", "query", "avg:nginx.hits{*}", "queryValue", "7", "type", "Global"))
        .extracting(Violation::isError, Violation::path, Violation::message).containsExactly(
            tuple(false, AT + "[type]", "KEDA reports a deprecation when type is set in the datadog scaler: set the"
                + " trigger's metricType instead (AverageValue for average, Value for global)"));
    assertThat(checkWith("datadog", "Value", "query", "avg:nginx.hits{*}", "queryValue", "7", "type", "average"))
        .filteredOn(Violation::isError).extracting(Violation::path, Violation::message).containsExactly(
            tuple("spec.triggers[0].metricType", "type and the trigger's metricType cannot be used together: KEDA"
                + " refuses the datadog trigger with both"));
    assertThat(check("datadog", "query", "avg:nginx.hits{*}", "type", "sum")).filteredOn(Violation::isError)
        .extracting(Violation::message).containsExactly("not a value type takes: use one of average, global");
  }

  @Test
  void shouldTakeEitherSpellingAsTheRequiredValueAndWarnWhenBothAreGiven() {
    List<Violation> either = check("ibmmq", "host", "https://mq/ibmmq/rest/v2", "queueNames", "a,b",
        "usernameFromEnv", "U", "passwordFromEnv", "P");
    List<Violation> neither = check("ibmmq", "host", "https://mq/ibmmq/rest/v2", "usernameFromEnv", "U",
        "passwordFromEnv", "P");
    List<Violation> both = check("ibmmq", "host", "https://mq/ibmmq/rest/v2", "queueName", "a", "queueNames", "b",
        "usernameFromEnv", "U", "passwordFromEnv", "P");

    assertThat(either).isEmpty();
    assertThat(neither).extracting(Violation::isError, Violation::path, Violation::message).containsExactly(
        tuple(true, AT + "[queueName]", "Required value: the ibmmq scaler needs queueName (or queueNames)"));
    assertThat(both).extracting(Violation::isError, Violation::path, Violation::message).containsExactly(
        tuple(false, AT + "[queueNames]", "queueName and queueNames are two spellings of one parameter: KEDA reads"
            + " queueName and ignores queueNames"));
  }

  @Test
  void shouldCheckTheValueOfEverySpelling() {
    assertThat(check("datadog", "query", "avg:nginx.hits{*}", "queryValue", "<queue-depth>"))
        .extracting(Violation::isError, Violation::path, Violation::message).containsExactly(
            tuple(true, AT + "[queryValue]", "not a number: queryValue takes a decimal number such as \"10\" or"
                + " \"0.5\""));
  }

  @Test
  void shouldNeedARequiredValueInMetadataOrFromTheEnvironment() {
    assertThat(check("kafka", "consumerGroup", "g", "bootstrapServersFromEnv", "KAFKA_BROKERS")).isEmpty();
    assertThat(check("kafka", "consumerGroup", "g", "bootstrapServers", " ")).extracting(Violation::message)
        .containsExactly("Required value: the kafka scaler needs bootstrapServers (or bootstrapServersFromEnv)");
  }

  @Test
  void shouldHandEveryKeyToTheExternalScalers() {
    for (String type : List.of("external", "external-push")) {
      assertThat(check(type, "scalerAddress", "scaler:8080", "listName", "jobs", "listLength", "5")).as(type)
          .isEmpty();
      assertThat(check(type, "scalerAddress", "scaler:8080", "password", "REDIS_PASSWORD")).as(type)
          .extracting(Violation::isError, Violation::message).containsExactly(tuple(false, "password is a secret:"
              + " put it in a Secret and reference it from a TriggerAuthentication (secretTargetRef), never in"
              + " trigger metadata"));
      assertThat(check(type, "listName", "jobs")).as(type).extracting(Violation::message)
          .containsExactly("Required value: the " + type + " scaler needs scalerAddress");
    }
  }

  /** Keys KEDA v2.20.2 refuses: it fails to build the scaler while they are set. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "huawei-cloudeye | minMetricValue | minMetricValue was removed from the huawei-cloudeye scaler: KEDA fails to build the scaler while it is set; use activationTargetMetricValue instead",
      "gcp-pubsub | subscriptionSize | subscriptionSize was removed from the gcp-pubsub scaler: KEDA fails to build the scaler while it is set; use mode and value instead",
      "influxdb | authToken | authToken was removed from the influxdb scaler: KEDA fails to build the scaler while it is set; give it through authTokenFromEnv or a TriggerAuthentication instead",
      "cpu | type | type was removed from the cpu scaler: KEDA fails to build the scaler while it is set; set the trigger's metricType (Utilization or AverageValue) instead",
      "memory | type | type was removed from the memory scaler: KEDA fails to build the scaler while it is set; set the trigger's metricType (Utilization or AverageValue) instead"})
  void shouldRefuseARemovedKeyNamingItsReplacement(String type, String key, String message) {
    assertThat(checkWith(type, "AverageValue", key, "5")).filteredOn(v -> v.path().equals(AT + "[" + key + "]"))
        .extracting(Violation::isError, Violation::message).containsExactly(tuple(true, message));
  }

  @Test
  void shouldReadTheEnvironmentFormOfAKeyRemovedFromMetadata() {
    assertThat(check("influxdb", "serverURL", "http://influx:8086", "query", "q", "authTokenFromEnv", "TOKEN",
        "organizationName", "o", "thresholdValue", "5")).isEmpty();
  }

  @Test
  void shouldWarnAboutADeprecatedKey() {
    assertThat(check("temporal", "endpoint", "temporal:7233", "taskQueue", "q", "buildId", "v1"))
        .extracting(Violation::isError, Violation::path, Violation::message).containsExactly(tuple(false,
            AT + "[buildId]", "KEDA reports a deprecation when buildId is set in the temporal scaler: KEDA drops it in"
                + " v2.21 with Temporal's rule-based versioning: use workerDeploymentName and workerDeploymentBuildId"));
  }

  @Test
  void shouldWarnAboutAnUnknownKeyAndRefuseARemovedOne() {
    List<Violation> unknown = check("huawei-cloudeye", "namespace", "SYS.ELB", "metricName", "m", "dimensionName",
        "lbaas_instance_id", "dimensionValue", "x", "targetMetricValue", "5", "minMetricVlaue", "1");
    List<Violation> removed = check("huawei-cloudeye", "namespace", "SYS.ELB", "metricName", "m", "dimensionName",
        "lbaas_instance_id", "dimensionValue", "x", "targetMetricValue", "5", "minMetricValue", "1");

    assertThat(unknown).extracting(Violation::isError, Violation::message).containsExactly(tuple(false,
        "minMetricVlaue is not a parameter of the huawei-cloudeye scaler (KEDA would ignore it); did you mean"
            + " minMetricValue?"));
    assertThat(removed).extracting(Violation::isError).containsExactly(true);
  }

  /** cpu and memory: metricType Utilization (a whole percentage) or AverageValue (a quantity), and nothing else. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "cpu | Utilization | 60 | \"\"",
      "cpu | AverageValue | 500m | \"\"",
      "memory | AverageValue | 1Gi | \"\"",
      "memory | Utilization | 75 | \"\"",
      "cpu | \"\" | 60 | spec.triggers[0].metricType: Required value: a cpu trigger needs metricType Utilization or AverageValue (KEDA reads no metadata.type any more)",
      "memory | Value | 1Gi | spec.triggers[0].metricType: metricType Value is not supported by the memory scaler: use Utilization or AverageValue",
      "cpu | Utilization | 60% | spec.triggers[0].metadata[value]: not a whole percentage: with metricType Utilization, value takes an integer such as \"60\"",
      "memory | AverageValue | 1 GB | spec.triggers[0].metadata[value]: not a quantity: with metricType AverageValue, value takes a Kubernetes quantity such as \"500m\" or \"1Gi\""})
  void shouldNeedAMetricTypeForCpuAndMemory(String type, String metricType, String value, String error) {
    List<String> errors = checkWith(type, metricType.isEmpty() ? null : metricType, "value", value).stream()
        .filter(Violation::isError).map(v -> v.path() + ": " + v.message()).toList();

    assertThat(errors).containsExactlyElementsOf(error.isEmpty() ? List.of() : List.of(error));
  }

  @Test
  void shouldRefuseUtilizationOutsideCpuAndMemoryAndWarnWhereMetricTypeIsIgnored() {
    assertThat(checkWith("rabbitmq", "Utilization", "queueName", "q", "mode", "QueueLength", "value", "5"))
        .extracting(Violation::isError, Violation::path, Violation::message).containsExactly(tuple(true,
            "spec.triggers[0].metricType", "metricType Utilization is only for cpu and memory triggers: the rabbitmq"
                + " scaler refuses it; use AverageValue or Value"));
    assertThat(checkWith("rabbitmq", "Values", "queueName", "q", "mode", "QueueLength", "value", "5"))
        .extracting(Violation::message).containsExactly("not a metric type the HPA takes: use AverageValue or Value;"
            + " did you mean Value?");
    assertThat(checkWith("pulsar", "Value", "adminURL", "http://pulsar:8080", "topic", "t", "subscription", "s"))
        .extracting(Violation::isError, Violation::message).containsExactly(tuple(false, "the pulsar scaler ignores"
            + " metricType: KEDA always uses AverageValue"));
  }

  @Test
  void shouldParseValuesAsKedaDoes() {
    // Go's ParseBool, Go durations or milliseconds, key=value pairs
    assertThat(check("rabbitmq", "queueName", "q", "mode", "QueueLength", "value", "5", "useRegex", "True",
        "excludeUnacknowledged", "1", "timeout", "1m30s", "protocol", "http")).isEmpty();
    assertThat(check("rabbitmq", "queueName", "q", "mode", "QueueLength", "value", "5", "timeout", "1500"))
        .isEmpty();
    assertThat(check("rabbitmq", "queueName", "q", "mode", "QueueLength", "value", "5", "timeout", "30 seconds",
        "useRegex", "yes")).extracting(Violation::message).containsExactlyInAnyOrder(
        "not a duration: timeout takes a duration such as \"30s\" or \"1m30s\", or whole milliseconds such as"
            + " \"1500\"",
        "not a boolean: useRegex takes \"true\" or \"false\"");
    assertThat(check("prometheus", "serverAddress", "http://p:9090", "query", "q", "threshold", "5",
        "customHeaders", "X-Org=1,X-Team=2")).isEmpty();
    assertThat(check("prometheus", "serverAddress", "http://p:9090", "query", "q", "threshold", "5",
        "customHeaders", "X-Org")).extracting(Violation::message).containsExactly(
        "not key=value pairs: customHeaders takes pairs separated by commas, such as \"a=1,b=2\"");
    assertThat(check("apache-kafka", "bootstrapServers", "k:9092", "consumerGroup", "g", "topic", "t",
        "partitionLimitation", "0,2-4")).isEmpty();
  }

  @Test
  void shouldPointAtTheSpellingKedaReadsWhenOnlyTheCaseDiffers() {
    assertThat(check("pulsar", "adminURL", "http://pulsar:8080", "topic", "t", "subscription", "s",
        "endpointParams", "audience=pulsar")).extracting(Violation::isError, Violation::message).containsExactly(
        tuple(false, "endpointParams is read only from a TriggerAuthentication, never from plain metadata: KEDA"
            + " ignores it here; did you mean EndpointParams?"));
  }

  @Test
  void shouldRefuseKeysKedaRefusesTogether() {
    assertThat(check("azure-servicebus", "queueName", "orders", "topicName", "events"))
        .extracting(Violation::isError, Violation::path, Violation::message).contains(tuple(true,
            AT + "[topicName]", "queueName and topicName cannot be used together: KEDA refuses the azure-servicebus"
                + " trigger with both"));
  }
}
