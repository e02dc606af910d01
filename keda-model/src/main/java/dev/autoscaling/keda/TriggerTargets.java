package dev.autoscaling.keda;

import java.util.Map;

/**
 * For the scalers whose metric the preview understands: which metadata key holds the target, its default, and
 * which key holds the activation threshold (KEDA v2.20.2; defaults from the scalers' own parsing).
 */
record TriggerTargets(String targetKey, String legacyTargetKey, Double defaultTarget, String activationKey) {

  private static final Map<String, TriggerTargets> BY_TYPE = Map.ofEntries(
      Map.entry("rabbitmq", new TriggerTargets("value", "queueLength", 20.0, "activationValue")),
      Map.entry("kafka", new TriggerTargets("lagThreshold", null, 10.0, "activationLagThreshold")),
      Map.entry("apache-kafka", new TriggerTargets("lagThreshold", null, 10.0, "activationLagThreshold")),
      Map.entry("prometheus", new TriggerTargets("threshold", null, null, "activationThreshold")),
      Map.entry("azure-servicebus", new TriggerTargets("messageCount", null, 5.0, "activationMessageCount")),
      Map.entry("azure-queue", new TriggerTargets("queueLength", null, 5.0, "activationQueueLength")),
      Map.entry("azure-eventhub", new TriggerTargets("unprocessedEventThreshold", null, 64.0,
          "activationUnprocessedEventThreshold")),
      Map.entry("azure-monitor", new TriggerTargets("targetValue", null, null, "activationTargetValue")),
      Map.entry("aws-sqs-queue", new TriggerTargets("queueLength", null, 5.0, "activationQueueLength")),
      Map.entry("redis", new TriggerTargets("listLength", null, 5.0, "activationListLength")));

  static TriggerTargets of(String type) {
    return BY_TYPE.get(type);
  }

  static java.util.Set<String> types() {
    return BY_TYPE.keySet();
  }
}
