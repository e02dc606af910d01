package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The external metric names KEDA gives a ScaledObject's triggers ({@code s0-rabbitmq-orders}), as they appear in
 * the HPA and in {@code status.externalMetricNames}: {@code s<index>-<scaler part>}, with {@code / . : % ( )}
 * replaced by {@code -}. cpu and memory triggers are resource metrics and have none. Scalers whose part this class
 * does not know are left out rather than guessed.
 */
public final class ExternalMetricNames {

  private ExternalMetricNames() {
  }

  public static List<String> of(ScaledObject scaledObject) {
    List<String> names = new ArrayList<>();
    List<Triggers> triggers = scaledObject.getSpec() == null || scaledObject.getSpec().getTriggers() == null
        ? List.of() : scaledObject.getSpec().getTriggers();
    for (int i = 0; i < triggers.size(); i++) {
      String part = part(triggers.get(i), scaledObject.getMetadata().getNamespace());
      if (part != null) {
        names.add(normalise("s" + i + "-" + part));
      }
    }
    return names;
  }

  /** The HPA KEDA creates for the ScaledObject. */
  public static String hpaName(ScaledObject scaledObject) {
    var advanced = scaledObject.getSpec() == null ? null : scaledObject.getSpec().getAdvanced();
    if (advanced != null && advanced.getHorizontalPodAutoscalerConfig() != null
        && advanced.getHorizontalPodAutoscalerConfig().getName() != null) {
      return advanced.getHorizontalPodAutoscalerConfig().getName();
    }
    return "keda-hpa-" + scaledObject.getMetadata().getName();
  }

  private static String part(Triggers trigger, String namespace) {
    Map<String, String> m = trigger.getMetadata() == null ? Map.of() : trigger.getMetadata();
    return switch (trigger.getType()) {
      case "rabbitmq" -> "rabbitmq-" + URLEncoder.encode(m.getOrDefault("queueName", ""), StandardCharsets.UTF_8);
      case "kafka" -> m.containsKey("topic") ? "kafka-" + m.get("topic")
          : "kafka-" + m.getOrDefault("consumerGroup", "") + "-topics";
      case "prometheus" -> "prometheus";
      case "azure-queue" -> "azure-queue-" + m.getOrDefault("queueName", "");
      case "azure-servicebus" -> "azure-servicebus-" + m.getOrDefault("queueName", m.getOrDefault("topicName", ""));
      case "azure-eventhub" -> "azure-eventhub-" + m.getOrDefault("consumerGroup", "$Default");
      case "azure-monitor" -> "azure-monitor-" + m.getOrDefault("metricName", "");
      case "aws-sqs-queue" -> "aws-sqs-" + m.getOrDefault("queueURL", m.getOrDefault("queueName", ""))
          .replaceAll(".*/", "");
      case "aws-cloudwatch" -> "aws-cloudwatch";
      case "redis" -> "redis-" + m.getOrDefault("listName", "");
      case "redis-streams" -> "redis-streams-" + m.getOrDefault("stream", "");
      case "postgresql" -> "postgresql";
      case "mysql" -> "mysql-" + m.getOrDefault("dbName", "");
      case "mongodb" -> "mongodb-" + m.getOrDefault("collection", "");
      case "mssql" -> "mssql";
      case "new-relic" -> "new-relic";
      case "kubernetes-workload" -> "workload-" + namespace;
      case "metrics-api" -> "metric-api-" + m.getOrDefault("valueLocation", "");
      default -> null;
    };
  }

  private static String normalise(String name) {
    return name.replaceAll("[/.:%()]", "-");
  }
}
