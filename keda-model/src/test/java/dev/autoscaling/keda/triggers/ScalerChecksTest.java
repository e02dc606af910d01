package dev.autoscaling.keda.triggers;

import dev.autoscaling.keda.KedaAuthentications;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks KEDA v2.20.2 makes in a scaler's own parse function, beyond its struct tags: each class of finding the
 * upstream sweep showed (a rabbitmq host without a scheme, a data explorer trigger whose client secret cannot come
 * from anywhere, a couchdb trigger missing its connection settings), and the other rules written beside them. A
 * check never reports missing what an authentication the validator has not seen may give.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class ScalerChecksTest {

  private static final String AT = "spec.triggers[0].metadata";

  private static List<String> errors(String type, Map<String, String> metadata, TriggerAuth auth) {
    return TriggerMetadata.check(type, null, metadata, auth, AT).stream().filter(Violation::isError)
        .map(v -> v.path() + ": " + v.message()).toList();
  }

  @Test
  void shouldNameTheKedaSourceOfEveryCheck() {
    assertThat(ScalerChecks.scalers()).contains("rabbitmq", "azure-data-explorer", "couchdb");
    for (String type : ScalerChecks.scalers()) {
      assertThat(ScalerCatalogue.scalers()).as("a scaler KEDA builds").containsKey(type);
      for (ScalerCheck check : ScalerChecks.of(type)) {
        assertThat(check.source()).as(type + " " + check.key()).matches("pkg/scalers/[a-z_]+\\.go:[0-9]+");
        assertThat(check.fix()).as(type + " " + check.key()).isNotBlank();
      }
    }
  }

  @Test
  void shouldRefuseARabbitmqHostWithoutSchemeWhenTheProtocolIsAuto() {
    Map<String, String> noScheme = Map.of("queueName", "jobs", "host", "RabbitMqHost", "queueLength", "5");

    assertThat(errors("rabbitmq", noScheme, TriggerAuth.NONE)).singleElement().asString()
        .startsWith(AT + "[host]: with protocol auto KEDA takes the protocol from the host URL's scheme")
        .contains("pkg/scalers/rabbitmq_scaler.go:160")
        .doesNotContain("RabbitMqHost");
    // the scheme or an explicit protocol settles it; an authentication not seen may set the protocol
    assertThat(errors("rabbitmq", Map.of("queueName", "jobs", "host", "AMQPS://broker:5671/vh", "queueLength", "5"),
        TriggerAuth.NONE)).isEmpty();
    assertThat(errors("rabbitmq", Map.of("queueName", "jobs", "host", "broker:5672", "protocol", "amqp"),
        TriggerAuth.NONE)).isEmpty();
    assertThat(errors("rabbitmq", noScheme, TriggerAuth.UNKNOWN)).isEmpty();
    assertThat(errors("rabbitmq", noScheme, new TriggerAuth(true, Set.of("protocol"), ""))).isEmpty();
    assertThat(errors("rabbitmq", noScheme, new TriggerAuth(true, Set.of("password"), ""))).hasSize(1);
    // a host from the environment is not read here: no finding
    assertThat(errors("rabbitmq", Map.of("queueName", "jobs", "hostFromEnv", "HOST"), TriggerAuth.NONE)).isEmpty();
  }

  @Test
  void shouldCheckRabbitmqModeValueAndProtocolAsKedaDoes() {
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "queueLength", "5", "mode",
        "QueueLength", "value", "5"), TriggerAuth.NONE)).singleElement().asString()
        .startsWith(AT + "[queueLength]: queueLength is the deprecated form of mode QueueLength");
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "value", "5"), TriggerAuth.NONE))
        .singleElement().asString().startsWith(AT + "[mode]: mode must be specified when value is");
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "mode", "QueueLength"),
        TriggerAuth.NONE)).singleElement().asString().startsWith(AT + "[value]: value must be specified");
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "pageSize", "0"), TriggerAuth.NONE))
        .singleElement().asString().startsWith(AT + "[pageSize]: pageSize should be 1 or greater");
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "mode", "MessageRate", "value", "5",
        "useRegex", "true", "timeout", "5s"), TriggerAuth.NONE))
        .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly(AT + "[useRegex]", AT + "[mode]",
            AT + "[timeout]");
    // the same over HTTP, and nothing set at all (KEDA's default of QueueLength 20), are fine
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "https://b", "mode", "MessageRate", "value", "5",
        "useRegex", "true", "timeout", "5s"), TriggerAuth.NONE)).isEmpty();
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b"), TriggerAuth.NONE)).isEmpty();
    // the timeout check comes after KEDA's early return for queueLength: accepted there
    assertThat(errors("rabbitmq", Map.of("queueName", "q", "host", "amqp://b", "queueLength", "5", "timeout", "5s"),
        TriggerAuth.NONE)).isEmpty();
  }

  @Test
  void shouldNeedTheDataExplorerSecretFromAnAuthenticationUnlessAPodIdentitySignsIn() {
    Map<String, String> fromEnv = Map.of("clientIdFromEnv", "ID", "clientSecretFromEnv", "SECRET", "tenantIdFromEnv",
        "TENANT", "databaseName", "d", "endpoint", "https://k.example", "query", "q", "threshold", "10");

    assertThat(errors("azure-data-explorer", fromEnv, TriggerAuth.NONE)).singleElement().asString()
        .startsWith(AT + "[clientSecret]: Required value: clientSecret, which KEDA reads only from a"
            + " TriggerAuthentication");
    assertThat(errors("azure-data-explorer", fromEnv, TriggerAuth.UNKNOWN)).isEmpty();
    assertThat(errors("azure-data-explorer", fromEnv, new TriggerAuth(true, Set.of("clientSecret"), ""))).isEmpty();
    assertThat(errors("azure-data-explorer", fromEnv, new TriggerAuth(true, Set.of(), "azure-workload"))).isEmpty();
    assertThat(errors("azure-data-explorer", Map.of("databaseName", "d", "endpoint", "https://k.example", "query",
        "q", "threshold", "10"), new TriggerAuth(true, Set.of("clientSecret"), "")))
        .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly(AT + "[tenantId]", AT + "[clientId]");
  }

  @Test
  void shouldKnowWhatATriggerAuthenticationSeenEarlierInTheInputGives() {
    KedaAuthentications seen = new KedaAuthentications();
    String auth = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: couch-auth}
        spec:
          secretTargetRef:
          - {parameter: username, name: couch, key: username}
          - {parameter: password, name: couch, key: password}
        """;
    String scaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: couch}
        spec:
          scaleTargetRef: {name: app}
          triggers:
          - type: couchdb
            metadata: {%s port: "5984", dbName: animals, query: '{}', queryValue: "1"}
            authenticationRef: {name: couch-auth}
        """;
    String misspelt = scaledObject.formatted("hostname: couch.example,");

    assertThat(KedaValidation.validate(Manifests.parseAll(auth).get(0), seen)).noneMatch(Violation::isError);
    List<Violation> found = KedaValidation.validate(Manifests.parseAll(misspelt).get(0), seen);

    // the misspelt key is ignored by KEDA (a warning); host then comes from nowhere (an error)
    assertThat(found).filteredOn(v -> !v.isError()).extracting(Violation::path).contains(AT + "[hostname]");
    assertThat(found).filteredOn(Violation::isError).extracting(Violation::path).containsExactly(AT + "[host]");
    assertThat(found).filteredOn(Violation::isError).extracting(Violation::message).singleElement().asString()
        .startsWith("Required value: without a connectionString the couchdb scaler needs host");
    assertThat(KedaValidation.validate(Manifests.parseAll(scaledObject.formatted("host: couch.example,")).get(0),
        seen)).noneMatch(Violation::isError);
    // without having seen the authentication, host may be one of its parameters: nothing is reported missing
    assertThat(KedaValidation.validate(Manifests.parseAll(misspelt).get(0))).noneMatch(Violation::isError);
    // a source of parameters this SDK does not list: the authentication may give anything
    KedaAuthentications other = new KedaAuthentications();
    other.record(Manifests.parseAll(auth.replace("secretTargetRef", "someFutureSource")).get(0));
    assertThat(KedaValidation.validate(Manifests.parseAll(misspelt).get(0), other)).noneMatch(Violation::isError);
  }

  @Test
  void shouldNeedCouchdbConnectionSettingsOnlyWithoutAConnectionString() {
    assertThat(errors("couchdb", Map.of("query", "{}", "queryValue", "1"), TriggerAuth.NONE))
        .extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly(AT + "[host]", AT + "[port]",
            AT + "[username]", AT + "[password]", AT + "[dbName]");
    assertThat(errors("couchdb", Map.of("query", "{}", "queryValue", "1", "connectionStringFromEnv", "COUCH"),
        TriggerAuth.NONE)).isEmpty();
    assertThat(errors("couchdb", Map.of("query", "{}", "queryValue", "1", "host", "h", "port", "5984", "username",
        "u", "passwordFromEnv", "P", "dbName", "d"), TriggerAuth.NONE)).isEmpty();
  }
  @Test
  void shouldNeedADatabaseConnectionOrItsPartsWhereNoAuthenticationCanGiveThem() {
    assertThat(errors("postgresql", Map.of("query", "select 1", "targetQueryValue", "1", "host", "db", "port",
        "5432", "userName", "u", "dbName", "d"), TriggerAuth.NONE)).singleElement().asString()
        .startsWith(AT + "[sslmode]: Required value: without connection the postgresql scaler needs sslmode");
    assertThat(errors("postgresql", Map.of("query", "select 1", "targetQueryValue", "1", "connectionFromEnv",
        "PG"), TriggerAuth.NONE)).isEmpty();
    assertThat(errors("postgresql", Map.of("query", "select 1", "targetQueryValue", "1"), TriggerAuth.UNKNOWN))
        .isEmpty();
    assertThat(errors("mssql", Map.of("query", "select 1", "targetValue", "1"), TriggerAuth.NONE))
        .singleElement().asString().startsWith(AT + "[host]: Required value: without connectionString the mssql"
            + " scaler needs host");
    assertThat(errors("mongodb", Map.of("dbName", "d", "collection", "c", "query", "{}", "queryValue", "1",
        "scheme", "mongodb+srv", "host", "h", "username", "u", "passwordFromEnv", "P"), TriggerAuth.NONE))
        .isEmpty();
    assertThat(errors("mongodb", Map.of("dbName", "d", "collection", "c", "query", "{}", "queryValue", "1",
        "host", "h", "username", "u", "passwordFromEnv", "P"), TriggerAuth.NONE))
        .singleElement().asString().startsWith(AT + "[port]: Required value: without connectionString");
  }

  @Test
  void shouldNeedTheBrokerKeysOnlyWithoutAUrlTemplate() {
    assertThat(errors("activemq", Map.of("destinationName", "q", "brokerName", "b"), TriggerAuth.UNKNOWN))
        .singleElement().asString().startsWith(AT + "[managementEndpoint]: Required value: without"
            + " restAPITemplate the activemq scaler needs managementEndpoint");
    assertThat(errors("activemq", Map.of("restAPITemplate", "http://b:8161/api/jolokia/read/org.apache.activemq:"
        + "type=Broker,brokerName=b,destinationType=Queue,destinationName=q/QueueSize"), TriggerAuth.UNKNOWN))
        .isEmpty();
    assertThat(errors("artemis-queue", Map.of("managementEndpoint", "m", "queueName", "q", "brokerName", "b"),
        TriggerAuth.UNKNOWN)).singleElement().asString().startsWith(AT + "[brokerAddress]: Required value");
  }

  @Test
  void shouldRefuseTheValuesKedaRefusesAfterParsingThem() {
    assertThat(errors("cron", Map.of("timezone", "UTC", "start", "0 6 * * *", "end", "0 6 * * *",
        "desiredReplicas", "0"), TriggerAuth.NONE)).extracting(e -> e.substring(0, e.indexOf(':')))
        .containsExactly(AT + "[end]", AT + "[desiredReplicas]");
    assertThat(errors("cron", Map.of("timezone", "UTC", "start", "0 6 * * *", "end", "0 18 * * *",
        "desiredReplicas", "3"), TriggerAuth.NONE)).isEmpty();
    assertThat(errors("etcd", Map.of("endpoints", "e:2379", "watchKey", "k", "value", "1",
        "watchProgressNotifyInterval", "0"), TriggerAuth.NONE)).singleElement().asString()
        .startsWith(AT + "[watchProgressNotifyInterval]: watchProgressNotifyInterval must be greater than 0");
    assertThat(errors("nsq", Map.of("nsqLookupdHTTPAddresses", "n:4161", "topic", "t", "channel", "c",
        "depthThreshold", "0", "activationDepthThreshold", "-1"), TriggerAuth.NONE))
        .extracting(e -> e.substring(0, e.indexOf(':')))
        .containsExactly(AT + "[depthThreshold]", AT + "[activationDepthThreshold]");
  }
}
