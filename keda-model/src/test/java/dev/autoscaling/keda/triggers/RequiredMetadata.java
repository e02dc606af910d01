package dev.autoscaling.keda.triggers;

import java.util.List;
import java.util.Map;

/** Test data: every key a scaler cannot do without, with a value of the kind KEDA parses it as. */
public final class RequiredMetadata {

  /** What a scaler's own Validate needs beyond its struct tags (see ScalerChecks), with values it accepts. */
  private static final Map<String, Map<String, String>> CHECKED = Map.of(
      "activemq", Map.of("managementEndpoint", "broker:8161", "destinationName", "q", "brokerName", "b"),
      "artemis-queue", Map.of("managementEndpoint", "broker:8161", "queueName", "q", "brokerName", "b",
          "brokerAddress", "a"),
      "cron", Map.of("start", "0 6 * * *", "end", "0 18 * * *"));

  private RequiredMetadata() {
  }

  /**
   * The trigger with each required key set (its FromEnv form where KEDA reads it only from the environment);
   * cpu/memory get a metricType; a scaler whose own checks need what only a TriggerAuthentication gives (a client
   * secret, a password) gets an authenticationRef.
   */
  public static ScalerTrigger<?> fill(ScalerTrigger<?> trigger, List<ScalerParameter> parameters) {
    ScalerTrigger<?> filled = trigger;
    for (ScalerParameter p : parameters) {
      if (p.requiredInMetadata()) {
        filled = filled.metadata(p.metadata() ? p.name() : p.name() + "FromEnv", !p.metadata() ? "VARIABLE"
            : !p.allowedValues().isEmpty() ? p.allowedValues().get(0) : switch (p.kind()) {
              case "integer", "number", "integer-list" -> "1";
              case "resource-target" -> "60";
              case "boolean" -> "true";
              case "duration" -> "1s";
              case "map" -> "a=b";
              default -> "x";
            });
      }
    }
    for (Map.Entry<String, String> entry : CHECKED.getOrDefault(trigger.type(), Map.of()).entrySet()) {
      filled = filled.metadata(entry.getKey(), entry.getValue());
    }
    if (ScalerChecks.scalers().contains(trigger.type())) {
      filled = filled.authenticationRef("auth");
    }
    if (trigger.type().equals("cpu") || trigger.type().equals("memory")) {
      filled = filled.metricType("Utilization");
    }
    return filled;
  }
}
