package dev.autoscaling.simulation.cluster;

import java.util.Objects;

/** A node taint: {@code key[=value]:Effect} with effect NoSchedule, PreferNoSchedule or NoExecute. */
public record Taint(String key, String value, String effect) {

  public static final String NO_SCHEDULE = "NoSchedule";
  public static final String NO_EXECUTE = "NoExecute";

  public Taint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(effect, "effect");
    value = value == null ? "" : value;
  }

  /** Parses {@code CriticalAddonsOnly=true:NoExecute} (the form {@code az aks nodepool update --node-taints} takes). */
  public static Taint parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("taint '" + text + "': write key[=value]:Effect");
    }
    String keyValue = text.substring(0, colon);
    int eq = keyValue.indexOf('=');
    return eq < 0 ? new Taint(keyValue, "", text.substring(colon + 1))
        : new Taint(keyValue.substring(0, eq), keyValue.substring(eq + 1), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
