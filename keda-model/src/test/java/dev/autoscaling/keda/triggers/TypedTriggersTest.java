package dev.autoscaling.keda.triggers;

import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class TypedTriggersTest {

  private static String className(String type) {
    StringBuilder name = new StringBuilder(ScalerTrigger.class.getPackageName()).append('.');
    for (String part : type.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.append("Trigger").toString();
  }

  @Test
  void shouldGenerateATypedTriggerForEveryScalerAndBuildEachWithItsRequiredParameters() throws Exception {
    Map<String, List<ScalerParameter>> scalers = ScalerCatalogue.scalers();
    assertThat(scalers).hasSize(76);

    for (Map.Entry<String, List<ScalerParameter>> scaler : scalers.entrySet()) {
      // Given the generated class, with every parameter KEDA requires in metadata
      ScalerTrigger<?> trigger = RequiredMetadata.fill((ScalerTrigger<?>) Class.forName(className(scaler.getKey()))
          .getDeclaredConstructor().newInstance(), scaler.getValue());

      // When
      Triggers built = trigger.toTrigger();
      ScaledObject scaledObject = new ScaledObjectBuilder().withNewMetadata().withName("s").endMetadata()
          .withNewSpec().withNewScaleTargetRef().withName("app").endScaleTargetRef().withTriggers(built).endSpec()
          .build();

      // Then
      assertThat(built.getType()).isEqualTo(scaler.getKey());
      ScalerTrigger<?> named = trigger.named("t").authenticationRef("auth");
      assertThat(named.toUncheckedTree()).as(scaler.getKey() + " as JSON")
          .isEqualTo(dev.autoscaling.manifest.Manifests.toTree(named.buildUnchecked()));
      assertThat(dev.autoscaling.manifest.Manifests.toJson(named.toUncheckedTree()))
          .isEqualTo(dev.autoscaling.manifest.Manifests.toJson(named.buildUnchecked()));
      assertThat(KedaCrds.validator().validate(scaledObject).errors()).as(scaler.getKey()).isEmpty();
    }
  }

  @Test
  void shouldBuildTheWorkshopsRabbitMqTrigger() {
    Triggers trigger = new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
        .authenticationRef("trigger-auth-rabbitmq-conn").toTrigger();

    assertThat(Manifests.toJson(trigger)).isEqualTo("{\"authenticationRef\":{\"name\":\"trigger-auth-rabbitmq-conn\"},"
        + "\"metadata\":{\"protocol\":\"http\",\"queueName\":\"orders\",\"mode\":\"QueueLength\",\"value\":\"10\"},"
        + "\"type\":\"rabbitmq\"}");
  }

  @Test
  void shouldLeaveATriggerAsItWasWhenASetterIsCalled() {
    // Given
    RabbitmqTrigger base = new RabbitmqTrigger().queueName("orders").authenticationRef("auth");
    String before = Manifests.toJson(base.buildUnchecked());

    // When: every kind of setter, on the typed trigger and on a ScaledObjects entry point with a chain word
    RabbitmqTrigger changed = base.named("q").metricType("Value").useCachedMetrics(true).metadata("mode", "QueueLength")
        .queueName("payments").clusterAuthenticationRef("cluster-auth");
    var started = dev.autoscaling.keda.ScaledObjects.rabbitmq().queue("orders");
    var longer = started.queueLength(10);

    // Then: each call gave a new trigger, and the ones before are unchanged
    assertThat(changed).isNotSameAs(base);
    assertThat(Manifests.toJson(base.buildUnchecked())).isEqualTo(before);
    assertThat(Manifests.toJson(changed.buildUnchecked())).isEqualTo("{\"authenticationRef\":{\"kind\":"
        + "\"ClusterTriggerAuthentication\",\"name\":\"cluster-auth\"},\"metadata\":{\"queueName\":\"payments\","
        + "\"mode\":\"QueueLength\"},\"metricType\":\"Value\",\"name\":\"q\",\"type\":\"rabbitmq\","
        + "\"useCachedMetrics\":true}");
    assertThat(started.metadata()).containsOnlyKeys("queueName");
    assertThat(longer.metadata()).containsEntry("mode", "QueueLength").containsEntry("value", "10");
  }

  @Test
  void shouldOfferClosedSetsAsEnums() {
    Triggers trigger = new KafkaTrigger().bootstrapServers("kafka:9092").consumerGroup("g").topic("t")
        .offsetResetPolicy(KafkaTrigger.OffsetResetPolicy.EARLIEST).toTrigger();

    assertThat(trigger.getMetadata()).containsEntry("offsetResetPolicy", "earliest");
  }

  @Test
  void shouldNameTyposWrongValuesAndSecretsWithoutRepeatingThem() {
    List<Violation> violations = TriggerMetadata.check("rabbitmq", Map.of(
        "queueName", "orders", "queueLenght", "5", "password", "canary-s3cret"), "spec.triggers[0].metadata");

    assertThat(violations).extracting(Violation::path, Violation::message).contains(
        org.assertj.core.groups.Tuple.tuple("spec.triggers[0].metadata[queueLenght]",
            "queueLenght is not a parameter of the rabbitmq scaler (KEDA would ignore it); did you mean queueLength?"),
        org.assertj.core.groups.Tuple.tuple("spec.triggers[0].metadata[password]",
            "password is read only from a TriggerAuthentication or the environment (passwordFromEnv), never from"
                + " plain metadata: KEDA ignores it here"),
        org.assertj.core.groups.Tuple.tuple("spec.triggers[0].metadata[password]",
            "password is a secret: put it in a Secret and reference it from a TriggerAuthentication"
                + " (secretTargetRef), never in trigger metadata"));
    // KEDA ignores the typo and the key it does not read from metadata: warnings; the secret is the SDK's error
    assertThat(violations).filteredOn(Violation::isError).extracting(Violation::rule)
        .containsExactly("secrets in metadata");
    assertThat(violations.toString()).doesNotContain("canary-s3cret");
    assertThat(TriggerMetadata.check("kafka", Map.of("bootstrapServers", "k", "consumerGroup", "g",
        "offsetResetPolicy", "oldest"), "m")).extracting(Violation::message)
        .containsExactly("not a value offsetResetPolicy takes: use one of latest, earliest");
    assertThat(TriggerMetadata.check("rabbitmqq", Map.of(), "spec.triggers[0].metadata"))
        .extracting(Violation::path, Violation::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
            "spec.triggers[0].type", "'rabbitmqq' is not a KEDA scaler; did you mean rabbitmq?"));
  }

  @Test
  void shouldRefuseToBuildATriggerKedaWouldMisread() {
    assertThatThrownBy(() -> new RabbitmqTrigger().named("orders").metadata("queueLenght", "5").toTrigger())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rabbitmq trigger orders is invalid")
        .hasMessageContaining("Required value: the rabbitmq scaler needs queueName")
        .hasMessageContaining("did you mean queueLength?");
  }

  @Test
  void shouldKeepMetadataValuesOutOfToString() {
    assertThat(new RabbitmqTrigger().host("amqp://u:canary-s3cret@rabbitmq:5672").toString())
        .doesNotContain("canary-s3cret").contains("host");
  }

  @Test
  void shouldTypeNumbersBooleansAndClosedSetsOfTheMostUsedScalers() {
    Triggers trigger = new RabbitmqTrigger().queueName("orders").mode(RabbitmqTrigger.Mode.MESSAGE_RATE).value(0.5)
        .useRegex(true).pageSize(200).toTrigger();

    assertThat(trigger.getMetadata()).containsEntry("mode", "MessageRate").containsEntry("value", "0.5")
        .containsEntry("useRegex", "true").containsEntry("pageSize", "200");
    assertThat(TriggerMetadata.check("rabbitmq", Map.of("queueName", "q", "value", "ten", "useRegex", "yes",
        "pageSize", "1.5", "mode", "Length"), "m")).extracting(Violation::message).containsExactlyInAnyOrder(
        "not a number: value takes a decimal number such as \"10\" or \"0.5\"",
        "not a boolean: useRegex takes \"true\" or \"false\"",
        "not a whole number: pageSize takes an integer such as \"10\"",
        "not a value mode takes: use one of QueueLength, MessageRate, DeliverGetRate, PublishedToDeliveredRatio,"
            + " ExpectedQueueConsumptionTime");
  }

  @Test
  void shouldOfferTheKeysKedaReadsFromEmbeddedNestedAndSharedSettings() {
    Triggers prometheus = new PrometheusTrigger().serverAddress("http://prometheus:9090").query("sum(up)").threshold(5)
        .authModes(PrometheusTrigger.AuthModes.BEARER, PrometheusTrigger.AuthModes.TLS)
        .timeout(java.time.Duration.ofMillis(1500)).customHeaders(Map.of("X-Org", "shop")).cloud("AzurePublicCloud")
        .authenticationRef("prometheus-auth").toTrigger();
    Triggers eventHub = new AzureEventhubTrigger().consumerGroup("$Default").eventHubName("orders")
        .eventHubNamespace("shop").blobContainer("checkpoints").connectionFromEnv("EVENTHUB_CONNECTION")
        .storageConnectionFromEnv("STORAGE_CONNECTION").toTrigger();
    Triggers metricsApi = new MetricsApiTrigger().url("http://api/stats").valueLocation("depth").targetValue(5)
        .authMode(MetricsApiTrigger.AuthMode.API_KEY).method(MetricsApiTrigger.Method.QUERY).keyParamName("key")
        .toTrigger();

    assertThat(prometheus.getMetadata()).containsEntry("authModes", "bearer,tls").containsEntry("timeout", "1500ms")
        .containsEntry("customHeaders", "X-Org=shop").containsEntry("cloud", "AzurePublicCloud");
    assertThat(eventHub.getMetadata()).containsEntry("consumerGroup", "$Default")
        .containsEntry("connectionFromEnv", "EVENTHUB_CONNECTION")
        .containsEntry("storageConnectionFromEnv", "STORAGE_CONNECTION");
    assertThat(metricsApi.getMetadata()).containsEntry("authMode", "apiKey").containsEntry("method", "query");
    assertThat(new RabbitmqTrigger().timeout(java.time.Duration.ofSeconds(30)).metadata()).containsEntry("timeout",
        "30s");
  }
}
