package dev.autoscaling.keda;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scaler-specific part of each external metric name, as each of KEDA v2.20.2's 76 scalers builds it in
 * {@code pkg/scalers/*_scaler.go} (GetMetricSpecForScaling, or its metadata parser). A value the part needs but the
 * trigger metadata does not hold (it comes from {@code <param>FromEnv}, a TriggerAuthentication or a lookup KEDA
 * makes at run time) stands as {@code <param>}, which no real name contains.
 */
final class ScalerMetricParts {

  /** One metric of a trigger: its part, and whether KEDA normalises it and prefixes {@code s<index>-}. */
  record Part(String text, boolean normalised, boolean indexed) {
    static Part of(String text) {
      return new Part(text, true, true);
    }
  }

  private final Map<String, String> metadata;
  private final String namespace;

  private ScalerMetricParts(Map<String, String> metadata, String namespace) {
    this.metadata = metadata;
    this.namespace = namespace;
  }

  /** The parts of a trigger's metrics; empty for cpu and memory (resource metrics) and types KEDA does not know. */
  static List<Part> of(String type, Map<String, String> metadata, String namespace) {
    return new ScalerMetricParts(metadata == null ? Map.of() : metadata, namespace).parts(type);
  }

  private List<Part> parts(String type) {
    String part = switch (type) {
      case "cpu", "memory" -> null;
      case "activemq" -> "activemq-" + fromTemplate("restAPITemplate", "destinationName", "destinationName");
      case "apache-kafka" -> has("topic") ? "kafka-" + String.join(",", list("topic"))
          : "kafka-" + v("consumerGroup") + "-topics";
      case "arangodb" -> "arangodb";
      case "artemis-queue" -> "artemis-" + fromTemplate("restApiTemplate", "queue", "queueName");
      case "aws-cloudwatch" -> "aws-cloudwatch";
      case "aws-dynamodb" -> "aws-dynamodb-" + v("tableName");
      case "aws-dynamodb-streams" -> "aws-dynamodb-streams-" + v("tableName");
      case "aws-kinesis-stream" -> "aws-kinesis-" + v("streamName");
      case "aws-sqs-queue" -> "aws-sqs-" + sqsQueueName();
      case "azure-app-insights" -> "azure-app-insights-" + v("metricId");
      case "azure-blob" -> "azure-blob-" + v("blobContainerName");
      case "azure-data-explorer" -> "azure-data-explorer-" + v("databaseName");
      case "azure-eventhub" -> "azure-eventhub-" + v("consumerGroup", "$Default");
      case "azure-log-analytics" -> "azure-log-analytics-" + v("workspaceId");
      case "azure-monitor" -> "azure-monitor-" + v("metricName");
      // a poolName wins over poolID, and KEDA looks its ID up in Azure DevOps
      case "azure-pipelines" -> "azure-pipelines-" + (has("poolName") ? "<poolID>" : v("poolID", "0"));
      case "azure-queue" -> "azure-queue-" + v("queueName");
      case "azure-servicebus" -> "azure-servicebus-" + (isTrue("useRegex")
          ? (has("queueName") ? "queue" : "topic") + "-regex" : has("queueName") ? v("queueName") : v("topicName"));
      case "beanstalkd" -> "beanstalkd-" + queryEscape(v("tube"));
      case "cassandra" -> "cassandra-" + v("keyspace");
      case "couchdb" -> "coucdb-" + v("dbName"); // sic: KEDA spells it coucdb
      case "cron" -> "cron-" + v("timezone") + "-" + cronTime(v("start")) + "-" + cronTime(v("end"));
      case "datadog" -> null; // below: two modes
      case "dynatrace" -> "dynatrace";
      case "elastic-forecast" -> "elastic-forecast-" + v("jobID");
      case "elasticsearch" -> has("searchTemplateName") ? "elasticsearch-" + v("searchTemplateName")
          : "elasticsearch-query";
      case "etcd" -> "etcd-" + v("watchKey");
      case "external", "external-push" -> null; // below: named by the external scaler
      case "forgejo-runner" -> "forgejo";
      case "gcp-cloudtasks" -> "gcp-ct-" + v("queueName");
      case "gcp-pubsub" -> "gcp-ps-" + (has("subscriptionName") ? v("subscriptionName") : v("topicName"));
      case "gcp-stackdriver" -> "gcp-stackdriver-" + v("projectId");
      case "gcp-storage" -> "gcp-storage-" + v("bucketName");
      case "github-runner" -> "github-runner-" + v("owner");
      case "graphite" -> "graphite";
      case "huawei-cloudeye" -> "huawei-cloudeye-" + v("metricName");
      case "ibmmq" -> "ibmmq-" + (has("queueName") ? list("queueName").get(0)
          : has("queueNames") ? list("queueNames").get(0) : "<queueName>");
      case "influxdb" -> "influxdb-" + ("3".equals(v("influxVersion", "2")) ? v("database") : v("organizationName"));
      case "kafka" -> has("topic") ? "kafka-" + v("topic") : "kafka-" + v("consumerGroup") + "-topics";
      case "kubernetes-resource" -> v("resourceKind").toLowerCase(Locale.ROOT) + "-" + v("resourceName") + "-"
          + v("key");
      case "kubernetes-workload" -> "workload-" + (namespace == null ? "<namespace>" : namespace);
      case "liiklus" -> "liiklus-" + v("topic");
      case "loki" -> "loki";
      case "metrics-api" -> "metric-api-" + v("valueLocation");
      case "mongodb" -> "mongodb-" + v("collection");
      case "mssql" -> "mssql";
      case "mysql" -> "mysql-" + v("dbName");
      case "nats-jetstream" -> "nats-jetstream-" + v("stream");
      case "new-relic" -> "new-relic";
      case "nsq" -> "nsq-" + v("topic") + "-" + v("channel");
      case "opensearch" -> has("searchTemplateName") ? "opensearch-" + v("searchTemplateName") : "opensearch-query";
      case "openstack-metric" -> "openstack-metric-" + v("metricID");
      case "openstack-swift" -> "openstack-swift-" + v("containerName")
          + (has("objectPrefix") ? "-" + v("objectPrefix") : "");
      case "postgresql" -> "postgresql";
      case "predictkube" -> "predictkube-predictkube_metric";
      case "prometheus" -> "prometheus";
      case "pulsar" -> "pulsar-" + v("topic") + "-" + v("subscription");
      case "rabbitmq" -> "rabbitmq-" + queryEscape(v("queueName"));
      case "redis", "redis-cluster", "redis-sentinel" -> "redis-" + v("listName");
      case "redis-streams", "redis-cluster-streams", "redis-sentinel-streams" -> "redis-streams-" + v("stream");
      case "selenium-grid" -> "selenium-grid" + (has("browserName") ? "-" + v("browserName") : "")
          + (has("browserVersion") ? "-" + v("browserVersion") : "")
          + (has("platformName") ? "-" + v("platformName") : "");
      case "solace-direct-messaging", "solace-event-queue" -> null; // below: one metric per target
      case "solarwinds" -> "solarwinds";
      case "solr" -> "solr";
      case "splunk" -> "splunk-" + v("savedSearchName");
      case "splunk-observability" -> "signalfx";
      case "sumologic" -> "sumologic-" + v("queryType");
      case "temporal" -> "temporal-" + v("namespace", "default") + "-" + v("taskQueue")
          + (has("workerDeploymentName") ? "-" + v("workerDeploymentName") + "-" + v("workerDeploymentBuildId") : "");
      default -> null;
    };
    if (part != null) {
      return List.of(Part.of(part));
    }
    return switch (type) {
      // cluster-agent mode names the DatadogMetric object, without index or normalisation
      case "datadog" -> isTrue("useClusterAgentProxy")
          ? List.of(new Part("datadogmetric@" + v("datadogMetricNamespace") + ":" + v("datadogMetricName"), false,
          false))
          : List.of(Part.of("datadog-" + beforeBrace(v("query"))));
      // the external scaler answers GetMetricSpec with the names at run time, used as they come
      case "external", "external-push" -> List.of(new Part("<metricName>", false, true));
      case "solace-event-queue" -> targets("solace-" + v("queueName") + "-", "messageCountTarget", "msgcount",
          "messageSpoolUsageTarget", "msgspoolusage", "messageReceiveRateTarget", "msgrcvrate");
      case "solace-direct-messaging" -> targets("solace-dm-" + v("clientNamePattern") + "-",
          "aggregatedClientTxByteRateTarget", "aggregatedClientTxByteRateTarget",
          "aggregatedClientAverageTxByteRateTarget", "aggregatedClientAverageTxByteRateTarget",
          "aggregatedClientTxMsgRateTarget", "aggregatedClientTxMsgRateTarget",
          "aggregatedClientAverageTxMsgRateTarget", "aggregatedClientAverageTxMsgRateTarget");
      default -> List.of();
    };
  }

  /** Solace: one metric for each target above 0, in KEDA's order; pairs of (metadata key, suffix). */
  private List<Part> targets(String prefix, String... keysAndSuffixes) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < keysAndSuffixes.length; i += 2) {
      long target;
      try {
        target = Long.parseLong(v(keysAndSuffixes[i], "0"));
      } catch (NumberFormatException e) {
        target = 0;
      }
      if (target > 0) {
        parts.add(Part.of(prefix + keysAndSuffixes[i + 1]));
      }
    }
    return parts;
  }

  /** KEDA trims values, and an empty value counts as absent. */
  private boolean has(String key) {
    String value = metadata.get(key);
    return value != null && !value.trim().isEmpty();
  }

  private String v(String key) {
    return has(key) ? metadata.get(key).trim() : "<" + key + ">";
  }

  private String v(String key, String fallback) {
    return has(key) ? metadata.get(key).trim() : fallback;
  }

  /** Go's strconv.ParseBool, true side: 1, t, T, TRUE, true, True. */
  private boolean isTrue(String key) {
    return List.of("1", "t", "T", "TRUE", "true", "True").contains(v(key, "false"));
  }

  private List<String> list(String key) {
    return Arrays.stream(metadata.get(key).split(",")).map(String::trim).toList();
  }

  /** aws-sqs-queue: the last segment of a queue URL, or the value itself when it is not a URL. */
  private String sqsQueueName() {
    String url = v("queueURL");
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute() && (uri.getPath() == null || !uri.getPath().startsWith("/"))) {
        return url;
      }
      String[] parts = uri.getPath().split("/", -1);
      return parts.length == 3 && !parts[2].isEmpty() ? parts[2] : "<queueName>";
    } catch (URISyntaxException e) {
      return url;
    }
  }

  /**
   * activemq and artemis-queue may give a REST API template instead: KEDA reads the name from the
   * {@code key=value} list between the first ':' of its path and the next '/', URL-decoded; quotes around an
   * artemis value stay part of it, as in KEDA.
   */
  private String fromTemplate(String templateKey, String templateField, String metadataKey) {
    if (!has(templateKey)) {
      return v(metadataKey);
    }
    String template = v(templateKey);
    int schemeEnd = template.indexOf("://");
    int pathStart = template.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
    String path = pathStart < 0 ? "" : template.substring(pathStart).replaceFirst("[?#].*", "");
    int colon = path.indexOf(':');
    if (colon < 0) {
      return "<" + metadataKey + ">";
    }
    String rest = path.substring(colon + 1);
    int slash = rest.indexOf('/');
    for (String pair : (slash < 0 ? rest : rest.substring(0, slash)).split(",")) {
      if (pair.startsWith(templateField + "=")) {
        return URLDecoder.decode(pair.substring(templateField.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "<" + metadataKey + ">";
  }

  /** datadog: the query up to its first '{' (the metric, without its scope). */
  private static String beforeBrace(String query) {
    int brace = query.indexOf('{');
    return brace < 0 ? query : query.substring(0, brace);
  }

  /** cron: spaces dropped, {@code * / ? ,} spelt x, Sl, Qm, Cm. */
  private static String cronTime(String spec) {
    return spec.replace(" ", "").replace("*", "x").replace("/", "Sl").replace("?", "Qm").replace(",", "Cm");
  }

  /** Go's url.QueryEscape: only letters, digits and {@code - _ . ~} stay; space becomes '+'. */
  static String queryEscape(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
