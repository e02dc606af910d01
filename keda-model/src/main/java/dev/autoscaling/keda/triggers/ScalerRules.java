package dev.autoscaling.keda.triggers;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What KEDA v2.20.2 checks about a trigger of one scaler type beyond its metadata keys one by one.
 *
 * @param anyKey             KEDA hands every metadata key to the scaler ({@code external}, {@code external-push}):
 *                           no key is unknown
 * @param metricTypes        the trigger {@code metricType}s KEDA and the HPA it creates accept; empty where KEDA
 *                           ignores the field
 * @param metricTypeRequired the trigger must set {@code metricType} (cpu and memory)
 * @param metricTypeIgnored  where KEDA ignores the trigger's {@code metricType}, the type it always uses; else null
 * @param conflicts          pairs of metadata keys KEDA refuses together; {@code .metricType} names the trigger's own
 *                           metricType field
 */
public record ScalerRules(boolean anyKey, List<String> metricTypes, boolean metricTypeRequired,
    @Nullable String metricTypeIgnored, List<List<String>> conflicts) {

  public ScalerRules {
    metricTypes = List.copyOf(metricTypes);
    conflicts = conflicts.stream().map(List::copyOf).toList();
  }
}
