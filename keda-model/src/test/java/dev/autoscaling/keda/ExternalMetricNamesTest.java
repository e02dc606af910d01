package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.TriggersBuilder;
import dev.autoscaling.keda.triggers.ScalerCatalogue;
import dev.autoscaling.keda.triggers.ScalerParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalMetricNamesTest {

  /** Types whose names KEDA learns at run time: from the external scaler, or an Azure DevOps pool lookup. */
  private static final Set<String> RUN_TIME_PARTS = Set.of("external", "external-push", "azure-pipelines");

  @Test
  void shouldNameTheWorkshopsMetricAndHpaAsKedaDoes() {
    ScaledObject so = new ScaledObjectBuilder()
        .withNewMetadata().withName("virtual-worker-rabbitmq-scaledobject").withNamespace("pets").endMetadata()
        .withNewSpec().withNewScaleTargetRef().withName("virtual-worker").endScaleTargetRef()
        .addNewTrigger().withType("rabbitmq").addToMetadata("queueName", "orders").endTrigger()
        .addNewTrigger().withType("cpu").withMetricType("Utilization").addToMetadata("value", "60").endTrigger()
        .addNewTrigger().withType("kafka").addToMetadata("consumerGroup", "g").endTrigger()
        .addNewTrigger().withType("metrics-api").addToMetadata("valueLocation", "stats.queue.depth").endTrigger()
        .addNewTrigger().withType("kubernetes-workload").addToMetadata("podSelector", "app=x").endTrigger()
        .endSpec().build();

    assertThat(ExternalMetricNames.of(so)).containsExactly("s0-rabbitmq-orders", "s2-kafka-g-topics",
        "s3-metric-api-stats-queue-depth", "s4-workload-pets");
    assertThat(ExternalMetricNames.hpaName(so)).isEqualTo("keda-hpa-virtual-worker-rabbitmq-scaledobject");
  }

  /**
   * A value for every metadata parameter of a scaler, of the kind KEDA parses it as; REST API templates (which
   * replace the separate fields and must be URLs) are tested on their own.
   */
  private static Map<String, String> everyParameter(List<ScalerParameter> parameters) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (ScalerParameter p : parameters) {
      if (!p.metadata() || p.deprecated() != null || p.name().equalsIgnoreCase("restApiTemplate")) {
        continue;
      }
      // solace's targets are numbers the catalogue types as strings; at least one must be above 0
      boolean numericDefault = p.name().endsWith("Target")
          || (p.defaultValue() != null && p.defaultValue().matches("-?\\d+(\\.\\d+)?"));
      metadata.put(p.name(), !p.allowedValues().isEmpty() ? p.allowedValues().get(0)
          : numericDefault ? "5" : switch (p.kind()) {
            case "integer", "number" -> "5";
            case "boolean" -> "false";
            default -> "v-" + p.name();
          });
    }
    return metadata;
  }

  @Test
  void shouldNameTheMetricOfEveryScalerButCpuAndMemory() {
    Map<String, List<ScalerParameter>> scalers = ScalerCatalogue.scalers();
    assertThat(scalers).hasSize(76);

    scalers.forEach((type, parameters) -> {
      Triggers bare = new TriggersBuilder().withType(type).build();
      Triggers full = new TriggersBuilder().withType(type).withMetadata(everyParameter(parameters)).build();
      List<String> names = ExternalMetricNames.of(3, full, "pets");
      if (type.equals("cpu") || type.equals("memory")) {
        assertThat(names).as(type).isEmpty();
        assertThat(ExternalMetricNames.of(3, bare, "pets")).as(type).isEmpty();
        return;
      }
      assertThat(names).as(type).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("s3-"));
      assertThat(ExternalMetricNames.of(3, bare, "pets")).as(type + " without metadata").allSatisfy(n ->
          assertThat(n).startsWith("s3-"));
      if (!RUN_TIME_PARTS.contains(type)) {
        assertThat(names).as(type + ": every part comes from the metadata").noneMatch(n -> n.contains("<"));
      }
    });
  }

  /** Expected names from KEDA v2.20.2's own scaler tests (pkg/scalers/*_test.go). */
  @ParameterizedTest(name = "{0} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "rabbitmq | 1 | queueName=namespace/name | s1-rabbitmq-namespace-2Fname",
      "cron | 0 | timezone=Etc/UTC;start=0 0 * * Thu;end=59 23 * * Thu | s0-cron-Etc-UTC-00xxThu-5923xxThu",
      "cron | 1 | timezone=Etc/UTC;start=0 */2 * * *;end=0 1-23/2 * * * | s1-cron-Etc-UTC-0xSl2xxx-01-23Sl2xxx",
      "cron | 2 | timezone=Etc/UTC;start=0,30 * * * *;end=15,45 * * * * | s2-cron-Etc-UTC-0Cm30xxxx-15Cm45xxxx",
      "kubernetes-resource | 0 | resourceKind=ConfigMap;resourceName=my-config;key=threshold | s0-configmap-my-config-threshold",
      "kubernetes-resource | 1 | resourceKind=Secret;resourceName=my-secret;key=limit | s1-secret-my-secret-limit",
      "temporal | 0 | namespace=v2;taskQueue=default | s0-temporal-v2-default",
      "temporal | 0 | namespace=v2;taskQueue=default;workerDeploymentName=my-deploy;workerDeploymentBuildId=v1 | s0-temporal-v2-default-my-deploy-v1",
      "datadog | 0 | query=sum:trace.redis.command.hits{env:none,service:redis}.as_count();queryValue=7 | s0-datadog-sum-trace-redis-command-hits",
      "datadog | 0 | useClusterAgentProxy=true;datadogMetricName=nginx-hits;datadogMetricNamespace=default | datadogmetric@default:nginx-hits",
      "aws-sqs-queue | 1 | queueURL=https://sqs.eu-west-1.amazonaws.com/account_id/DeleteArtifactQ | s1-aws-sqs-DeleteArtifactQ",
      "openstack-swift | 2 | containerName=my-container;objectPrefix=my-prefix | s2-openstack-swift-my-container-my-prefix",
      "couchdb | 0 | dbName=animals | s0-coucdb-animals",
      "kafka | 1 | consumerGroup=my-group | s1-kafka-my-group-topics",
      "kafka | 0 | consumerGroup=my-group;topic=my-topic | s0-kafka-my-topic",
      "azure-log-analytics | 0 | workspaceId=074dd9f8-c368-4220-9400-acb6e80fc325 | s0-azure-log-analytics-074dd9f8-c368-4220-9400-acb6e80fc325",
      "azure-pipelines | 1 | poolID=1 | s1-azure-pipelines-1",
      "azure-servicebus | 1 | topicName=testtopic;subscriptionName=sub | s1-azure-servicebus-testtopic",
      "activemq | 0 | restAPITemplate=http://localhost:8161/api/jolokia/read/org.apache.activemq:type=Broker,brokerName=localhost,destinationType=Queue,destinationName=testQueue/QueueSize | s0-activemq-testQueue",
      "elasticsearch | 0 | searchTemplateName=myAwesomeSearch | s0-elasticsearch-myAwesomeSearch",
      "opensearch | 0 | query=q | s0-opensearch-query",
      "gcp-pubsub | 0 | subscriptionName=mysubscription | s0-gcp-ps-mysubscription",
      "nsq | 0 | topic=topic;channel=channel | s0-nsq-topic-channel",
      "splunk-observability | 1 | query=q | s1-signalfx",
      "sumologic | 0 | queryType=logs | s0-sumologic-logs",
      "new-relic | 1 | nrql=q | s1-new-relic",
      "huawei-cloudeye | 0 | metricName=mb_l7_qps | s0-huawei-cloudeye-mb_l7_qps",
      "openstack-metric | 0 | metricID=003bb589-166d-439d-8c31-cbf098d863de | s0-openstack-metric-003bb589-166d-439d-8c31-cbf098d863de",
      "influxdb | 0 | organizationName=influx_org | s0-influxdb-influx_org",
      "azure-eventhub | 0 | | s0-azure-eventhub-$Default"})
  void shouldNameAsKedasOwnTestsExpect(String type, int index, String metadata, String expected) {
    Map<String, String> values = new LinkedHashMap<>();
    if (metadata != null) {
      for (String pair : metadata.split(";")) {
        values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    Triggers trigger = new TriggersBuilder().withType(type).withMetadata(values).build();

    assertThat(ExternalMetricNames.of(index, trigger, "pets")).containsExactly(expected);
  }

  @Test
  void shouldNameOneSolaceMetricPerTargetInKedasOrder() {
    Triggers queue = new TriggersBuilder().withType("solace-event-queue").addToMetadata("queueName", "orders")
        .addToMetadata("messageReceiveRateTarget", "10").addToMetadata("messageCountTarget", "100").build();
    Triggers direct = new TriggersBuilder().withType("solace-direct-messaging")
        .addToMetadata("clientNamePattern", "direct-messaging-simple")
        .addToMetadata("aggregatedClientTxMsgRateTarget", "5").addToMetadata("aggregatedClientTxByteRateTarget", "1")
        .build();

    assertThat(ExternalMetricNames.of(0, queue, "pets")).containsExactly("s0-solace-orders-msgcount",
        "s0-solace-orders-msgrcvrate");
    assertThat(ExternalMetricNames.of(1, direct, "pets")).containsExactly(
        "s1-solace-dm-direct-messaging-simple-aggregatedClientTxByteRateTarget",
        "s1-solace-dm-direct-messaging-simple-aggregatedClientTxMsgRateTarget");
  }

  @Test
  void shouldShowWhatTheObjectAloneCannotTell() {
    Triggers fromEnv = new TriggersBuilder().withType("kafka").addToMetadata("consumerGroup", "g")
        .addToMetadata("topicFromEnv", "KAFKA_TOPIC").addToMetadata("topic", " ").build();
    Triggers external = new TriggersBuilder().withType("external").addToMetadata("scalerAddress", "x:9090").build();
    Triggers byPoolName = new TriggersBuilder().withType("azure-pipelines").addToMetadata("poolName", "linux")
        .addToMetadata("poolID", "7").build();

    assertThat(ExternalMetricNames.of(0, fromEnv, "pets")).containsExactly("s0-kafka-g-topics");
    assertThat(ExternalMetricNames.of(0, external, "pets")).containsExactly("s0-<metricName>");
    assertThat(ExternalMetricNames.of(0, byPoolName, "pets")).containsExactly("s0-azure-pipelines-<poolID>");
  }
}
