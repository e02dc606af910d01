package dev.autoscaling.keda.triggers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.triggers.AuthenticationRef;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of every typed trigger: the generated subclasses add one method per parameter of their scaler.
 * {@link #build()} checks the metadata against KEDA's catalogue and returns the model's trigger.
 *
 * @param <T> the concrete trigger, for fluent calls
 */
public abstract class ScalerTrigger<T extends ScalerTrigger<T>> {

  private final String type;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private String name;
  private String metricType;
  private Boolean useCachedMetrics;
  private String authenticationRef;
  private AuthenticationRef.Kind authenticationKind;

  protected ScalerTrigger(String type) {
    this.type = type;
  }

  protected abstract T self();

  /** A number as KEDA reads it: no exponent, no trailing ".0" for whole numbers. */
  protected static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a number KEDA can read: " + value);
    }
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A duration as KEDA's Go parser reads it: whole seconds as {@code 30s}, anything finer in milliseconds. */
  protected static String goDuration(java.time.Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("KEDA refuses a negative duration: " + value);
    }
    long millis = value.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** {@code key=value} pairs as KEDA reads a map: separated by commas, in the map's order. */
  protected static String pairs(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((key, value) -> text.append(text.length() == 0 ? "" : ",").append(key).append('=').append(value));
    return text.toString();
  }

  protected T set(String key, String value) {
    metadata.put(key, value);
    return self();
  }

  /** The trigger's name (used by scalingModifiers formulas and in metric names). */
  public T named(String triggerName) {
    this.name = triggerName;
    return self();
  }

  /**
   * {@code AverageValue} (KEDA's default) or {@code Value}; cpu and memory need {@code Utilization} or
   * {@code AverageValue}.
   */
  public T metricType(String type) {
    this.metricType = type;
    return self();
  }

  public T useCachedMetrics(boolean cached) {
    this.useCachedMetrics = cached;
    return self();
  }

  /** Credentials from the TriggerAuthentication of this name, in the ScaledObject's namespace. */
  public T authenticationRef(String triggerAuthentication) {
    this.authenticationRef = triggerAuthentication;
    this.authenticationKind = null;
    return self();
  }

  /** Credentials from a ClusterTriggerAuthentication. */
  public T clusterAuthenticationRef(String clusterTriggerAuthentication) {
    this.authenticationRef = clusterTriggerAuthentication;
    this.authenticationKind = AuthenticationRef.Kind.CLUSTERTRIGGERAUTHENTICATION;
    return self();
  }

  /** Any metadata key, for what the catalogue does not list; {@link #validate()} still checks it. */
  public T metadata(String key, String value) {
    return set(key, value);
  }

  public String type() {
    return type;
  }

  public Map<String, String> metadata() {
    return new LinkedHashMap<>(metadata);
  }

  /** Every problem of the metadata against KEDA's catalogue; empty when KEDA would read it as meant. */
  public List<Violation> validate() {
    return TriggerMetadata.check(type, metricType, metadata, authenticationRef == null ? TriggerAuth.NONE
        : TriggerAuth.UNKNOWN, "metadata");
  }

  /**
   * The ScaledObject trigger, checked.
   *
   * @throws ValidationException listing every problem of the metadata
   */
  public Triggers build() {
    requireValid();
    return buildUnchecked();
  }

  /**
   * The ScaledObject trigger, checked.
   *
   * @deprecated one vocabulary on every builder: use {@link #build()}
   */
  @Deprecated(forRemoval = false)
  public Triggers toTrigger() {
    return build();
  }

  private void requireValid() {
    ValidationException.throwOnErrors(type + " trigger" + (name == null ? "" : " " + name), validate());
  }

  /**
   * The trigger as described, not checked.
   *
   * @deprecated one vocabulary on every builder: use {@link #buildUnchecked()}
   */
  @Deprecated(forRemoval = false)
  public Triggers toUncheckedTrigger() {
    return buildUnchecked();
  }

  /** The trigger as described, not checked (a ScaledObject's {@code build()} checks it with everything else). */
  public Triggers buildUnchecked() {
    // Plain setters rather than the sundrio builders: those are generated in the same compilation.
    Triggers trigger = new Triggers();
    trigger.setType(type);
    trigger.setName(name);
    trigger.setMetricType(metricType);
    trigger.setUseCachedMetrics(useCachedMetrics);
    trigger.setMetadata(new LinkedHashMap<>(metadata));
    if (authenticationRef != null) {
      AuthenticationRef ref = new AuthenticationRef();
      ref.setName(authenticationRef);
      ref.setKind(authenticationKind);
      trigger.setAuthenticationRef(ref);
    }
    return trigger;
  }

  /**
   * The ScaledObject trigger as its JSON, not checked: what {@code buildUnchecked()} serialises to, made
   * without a model object (a ScaledObject definition builds its JSON tree directly).
   */
  public ObjectNode toUncheckedTree() {
    ObjectNode trigger = JsonNodeFactory.instance.objectNode();
    // the generated model's property order, so the text is the same either way
    if (authenticationRef != null) {
      ObjectNode ref = trigger.putObject("authenticationRef");
      if (authenticationKind != null) {
        ref.put("kind", authenticationKind.getValue());
      }
      ref.put("name", authenticationRef);
    }
    ObjectNode values = trigger.putObject("metadata");
    metadata.forEach(values::put);
    if (metricType != null) {
      trigger.put("metricType", metricType);
    }
    if (name != null) {
      trigger.put("name", name);
    }
    trigger.put("type", type);
    if (useCachedMetrics != null) {
      trigger.put("useCachedMetrics", useCachedMetrics);
    }
    return trigger;
  }

  /**
   * The same trigger for a ScaledJob, checked.
   *
   * @throws ValidationException listing every problem of the metadata
   */
  public dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers buildForScaledJob() {
    requireValid();
    return buildUncheckedForScaledJob();
  }

  /**
   * The same trigger for a ScaledJob, checked.
   *
   * @deprecated one vocabulary on every builder: use {@link #buildForScaledJob()}
   */
  @Deprecated(forRemoval = false)
  public dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers toScaledJobTrigger() {
    return buildForScaledJob();
  }

  /**
   * The same trigger for a ScaledJob, not checked.
   *
   * @deprecated one vocabulary on every builder: use {@link #buildUncheckedForScaledJob()}
   */
  @Deprecated(forRemoval = false)
  public dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers toUncheckedScaledJobTrigger() {
    return buildUncheckedForScaledJob();
  }

  /** The same trigger for a ScaledJob, not checked (the ScaledJob's validation checks it). */
  public dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers buildUncheckedForScaledJob() {
    Triggers source = buildUnchecked();
    var trigger = new dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers();
    trigger.setType(source.getType());
    trigger.setName(source.getName());
    trigger.setMetricType(source.getMetricType());
    trigger.setUseCachedMetrics(source.getUseCachedMetrics());
    trigger.setMetadata(source.getMetadata());
    if (source.getAuthenticationRef() != null) {
      var ref = new dev.autoscaling.keda.api.v1alpha1.scaledjobspec.triggers.AuthenticationRef();
      ref.setName(source.getAuthenticationRef().getName());
      ref.setKind(source.getAuthenticationRef().getKind() == null ? null
          : dev.autoscaling.keda.api.v1alpha1.scaledjobspec.triggers.AuthenticationRef.Kind.valueOf(
              source.getAuthenticationRef().getKind().name()));
      trigger.setAuthenticationRef(ref);
    }
    return trigger;
  }

  @Override
  public String toString() {
    // Metadata values are left out: a user may have put a secret there by mistake.
    return getClass().getSimpleName() + "[type=" + type + ", name=" + name + ", keys=" + metadata.keySet() + "]";
  }
}
