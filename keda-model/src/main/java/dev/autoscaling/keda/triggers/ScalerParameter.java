package dev.autoscaling.keda.triggers;

import java.util.List;

/**
 * One parameter of a KEDA scaler, as KEDA's scaler catalogue describes it.
 *
 * @param name          the metadata key ({@code queueName})
 * @param optional      whether KEDA does without it
 * @param defaultValue  KEDA's default, or null
 * @param allowedValues the closed set of values, or empty
 * @param metadata      may be written in the trigger's metadata
 * @param env           may be read from the scale target's environment ({@code <name>FromEnv})
 * @param authentication may come from a TriggerAuthentication
 * @param deprecated    KEDA's deprecation notice, or null
 * @param kind          {@code string}, or {@code integer}, {@code number}, {@code boolean} where the SDK's overlay
 *                      knows KEDA parses the value so
 */
public record ScalerParameter(String name, boolean optional, String defaultValue, List<String> allowedValues,
    boolean metadata, boolean env, boolean authentication, String deprecated, String kind) {

  public ScalerParameter {
    allowedValues = List.copyOf(allowedValues);
  }

  /** KEDA cannot do without it, and only the trigger's own metadata can give it. */
  public boolean requiredInMetadata() {
    return !optional && defaultValue == null && deprecated == null && metadata && !env && !authentication;
  }
}
