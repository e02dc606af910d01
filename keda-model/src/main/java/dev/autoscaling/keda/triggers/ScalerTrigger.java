package dev.autoscaling.keda.triggers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.triggers.AuthenticationRef;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The common part of every typed trigger: the generated subclasses add one method per parameter of their scaler.
 * {@link #build()} checks the metadata against KEDA's catalogue and returns the model's trigger.
 *
 * <p>Immutable, as the definitions around it are: every setter returns a new trigger and leaves this one as it
 * was, so a trigger can be shared and varied ({@code base.queueName("a")}, {@code base.queueName("b")}). State is
 * copied one way, as in the definitions: a {@link Draft} filled from a trigger, changed, and made into a new one
 * by the concrete class ({@link #copy(Draft)}).
 *
 * @param <T> the concrete trigger, for fluent calls
 */
public abstract class ScalerTrigger<T extends ScalerTrigger<T>> {

  private final String type;
  /**
   * The metadata as the settings made, newest first, each key once: a setter of a new key adds one link instead
   * of copying the map (a trigger is made with a few setters and read once, so copying on every setter cost more
   * than the reading).
   */
  private final @Nullable Setting settings;
  private final String name;
  private final String metricType;
  private final Boolean useCachedMetrics;
  private final String authenticationRef;
  private final AuthenticationRef.Kind authenticationKind;

  /** One metadata key set to a value, and the settings made before it. */
  private record Setting(String key, String value, @Nullable Setting earlier) {
  }

  /**
   * A trigger's state on its way from one trigger to the next: filled from a trigger, changed by one setter, and
   * handed to {@link #copy(Draft)}. Opaque to subclasses, which only pass it on to their super constructor.
   */
  protected static final class Draft {
    private final String type;
    private @Nullable Setting settings;
    private String name;
    private String metricType;
    private Boolean useCachedMetrics;
    private String authenticationRef;
    private AuthenticationRef.Kind authenticationKind;

    private Draft(ScalerTrigger<?> t) {
      type = t.type;
      settings = t.settings;
      name = t.name;
      metricType = t.metricType;
      useCachedMetrics = t.useCachedMetrics;
      authenticationRef = t.authenticationRef;
      authenticationKind = t.authenticationKind;
    }
  }

  /** An empty trigger of KEDA's scaler {@code type}. */
  protected ScalerTrigger(String type) {
    this.type = type;
    this.settings = null;
    this.name = null;
    this.metricType = null;
    this.useCachedMetrics = null;
    this.authenticationRef = null;
    this.authenticationKind = null;
  }

  /** The trigger a {@link Draft} describes: what {@link #copy(Draft)} calls, through the subclass's constructor. */
  protected ScalerTrigger(Draft draft) {
    this.type = draft.type;
    this.settings = draft.settings;
    this.name = draft.name;
    this.metricType = draft.metricType;
    this.useCachedMetrics = draft.useCachedMetrics;
    this.authenticationRef = draft.authenticationRef;
    this.authenticationKind = draft.authenticationKind;
  }

  /** A new trigger of the concrete class holding {@code draft}: {@code return new RabbitmqTrigger(draft);}. */
  protected abstract T copy(Draft draft);

  /** A copy with one change: every setter returns a new trigger, earlier ones stay as they were. */
  private T with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return copy(draft);
  }

  /** A number as KEDA reads it: no exponent, no trailing ".0" for whole numbers. */
  protected static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a number KEDA can read: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value); // a whole number (what most settings take), without a BigDecimal
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

  /** A copy with metadata {@code key} set to {@code value}: what every generated setter calls. */
  protected T set(String key, String value) {
    for (Setting s = settings; s != null; s = s.earlier()) {
      if (Objects.equals(s.key(), key)) {
        Setting replaced = replacing(key, value);
        return with(d -> d.settings = replaced);
      }
    }
    Setting added = new Setting(key, value, settings);
    return with(d -> d.settings = added);
  }

  /**
   * The settings with the value of a key already set replaced where it stands (a map keeps a key where it was
   * first put): so each key is in the chain once, and a trigger set again and again holds no more than its keys.
   */
  private Setting replacing(String key, String value) {
    Setting replaced = null;
    for (Setting s : inOrder()) {
      replaced = new Setting(s.key(), Objects.equals(s.key(), key) ? value : s.value(), replaced);
    }
    return replaced;
  }

  /** The settings, oldest first. */
  private Setting[] inOrder() {
    int count = 0;
    for (Setting s = settings; s != null; s = s.earlier()) {
      count++;
    }
    Setting[] inOrder = new Setting[count];
    for (Setting s = settings; s != null; s = s.earlier()) {
      inOrder[--count] = s;
    }
    return inOrder;
  }

  /** The metadata as a new map the caller owns, in the order the keys were first set. */
  private Map<String, String> metadataMap() {
    Setting[] inOrder = inOrder();
    Map<String, String> metadata = new LinkedHashMap<>(inOrder.length * 4 / 3 + 1);
    for (Setting s : inOrder) {
      metadata.put(s.key(), s.value());
    }
    return metadata;
  }

  /** The trigger's name (used by scalingModifiers formulas and in metric names). */
  public T named(String triggerName) {
    return with(d -> d.name = triggerName);
  }

  /**
   * {@code AverageValue} (KEDA's default) or {@code Value}; cpu and memory need {@code Utilization} or
   * {@code AverageValue}.
   */
  public T metricType(String type) {
    return with(d -> d.metricType = type);
  }

  public T useCachedMetrics(boolean cached) {
    return with(d -> d.useCachedMetrics = cached);
  }

  /** Credentials from the TriggerAuthentication of this name, in the ScaledObject's namespace. */
  public T authenticationRef(String triggerAuthentication) {
    return with(d -> {
      d.authenticationRef = triggerAuthentication;
      d.authenticationKind = null;
    });
  }

  /** Credentials from a ClusterTriggerAuthentication. */
  public T clusterAuthenticationRef(String clusterTriggerAuthentication) {
    return with(d -> {
      d.authenticationRef = clusterTriggerAuthentication;
      d.authenticationKind = AuthenticationRef.Kind.CLUSTERTRIGGERAUTHENTICATION;
    });
  }

  /** Any metadata key, for what the catalogue does not list; {@link #validate()} still checks it. */
  public T metadata(String key, String value) {
    return set(key, value);
  }

  public String type() {
    return type;
  }

  /** The metadata as set so far, in the order set; a copy the caller may change. */
  public Map<String, String> metadata() {
    return metadataMap();
  }

  /** Every problem of the metadata against KEDA's catalogue; empty when KEDA would read it as meant. */
  public List<Violation> validate() {
    return TriggerMetadata.check(type, metricType, metadataMap(), authenticationRef == null ? TriggerAuth.NONE
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
    trigger.setMetadata(metadataMap());
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
    metadataMap().forEach(values::put);
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
    return getClass().getSimpleName() + "[type=" + type + ", name=" + name + ", keys=" + metadataMap().keySet() + "]";
  }
}
