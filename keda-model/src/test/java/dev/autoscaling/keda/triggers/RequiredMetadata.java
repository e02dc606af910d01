package dev.autoscaling.keda.triggers;

import java.util.List;

/** Test data: every key a scaler cannot do without, with a value of the kind KEDA parses it as. */
public final class RequiredMetadata {

  private RequiredMetadata() {
  }

  /** Sets each required key (its FromEnv form where KEDA reads it only from the environment); cpu/memory get a metricType. */
  public static void fill(ScalerTrigger<?> trigger, List<ScalerParameter> parameters) {
    for (ScalerParameter p : parameters) {
      if (p.requiredInMetadata()) {
        trigger.metadata(p.metadata() ? p.name() : p.name() + "FromEnv", !p.metadata() ? "VARIABLE"
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
    if (trigger.type().equals("cpu") || trigger.type().equals("memory")) {
      trigger.metricType("Utilization");
    }
  }
}
