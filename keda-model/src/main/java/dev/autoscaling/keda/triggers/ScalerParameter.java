package dev.autoscaling.keda.triggers;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One metadata key of a KEDA scaler, as KEDA's scaler catalogue and the SDK's overlay of what KEDA v2.20.2 reads
 * together describe it.
 *
 * @param name            the metadata key ({@code queueName})
 * @param spellings       every key KEDA accepts for the same value, in the order it looks them up (this one
 *                        included; a single element when there is no other spelling)
 * @param optional        whether KEDA does without it
 * @param defaultValue    KEDA's default, or null
 * @param allowedValues   the closed set of values, or empty
 * @param separator       where the value is a list of allowed values, what separates them; else null
 * @param exclusiveValues allowed values of such a list that exclude each other, or empty
 * @param ignoreCase      whether the allowed values are compared without regard to case
 * @param metadata        may be written in the trigger's metadata
 * @param env             may be read from the scale target's environment ({@code <name>FromEnv})
 * @param authentication  may come from a TriggerAuthentication
 * @param deprecated      what to do instead, where KEDA deprecates or removed the key; else null
 * @param removed         KEDA refuses to build the scaler while the key is in the metadata
 * @param kind            how KEDA parses the value: {@code string}, {@code integer}, {@code number} (JSON numbers),
 *                        {@code boolean} (Go's ParseBool), {@code duration} (a Go duration or milliseconds),
 *                        {@code map} ({@code key=value} pairs), {@code integer-list} (whole numbers and ranges), or
 *                        {@code resource-target} (cpu and memory: by the trigger's metricType)
 */
public record ScalerParameter(String name, List<String> spellings, boolean optional, @Nullable String defaultValue,
    List<String> allowedValues, @Nullable String separator, List<String> exclusiveValues, boolean ignoreCase,
    boolean metadata, boolean env, boolean authentication, @Nullable String deprecated, boolean removed, String kind) {

  public ScalerParameter {
    spellings = List.copyOf(spellings);
    allowedValues = List.copyOf(allowedValues);
    exclusiveValues = List.copyOf(exclusiveValues);
  }

  /** KEDA cannot do without it: not optional, no default, not a removed key. */
  public boolean required() {
    return !optional && defaultValue == null && !removed;
  }

  /**
   * KEDA cannot do without it, and only the trigger itself can give it: its metadata key (or another spelling)
   * or, where KEDA reads it from the environment, {@code <name>FromEnv}.
   */
  public boolean requiredInMetadata() {
    return required() && !authentication && (metadata || env);
  }
}
