package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.ScaleTargetRef;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.triggers.AuthenticationRef;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A ScaledObject being described: immutable, each call returns a new definition. {@link #build()} validates
 * against the pinned CRD (schema and CEL), KEDA's admission rules and KEDA's scaler catalogue, and throws one
 * exception listing every problem.
 */
public final class ScaledObjectDefinition {

  static final ScaledObjectDefinition EMPTY = new ScaledObjectDefinition();

  private String name;
  private String namespace;
  private String target;
  private String targetKind;
  private String targetApiVersion;
  private Integer minReplicas;
  private Integer maxReplicas;
  private Integer idleReplicas;
  private Integer pollingInterval;
  private Integer cooldownPeriod;
  private final List<Triggers> triggers = new ArrayList<>();

  private ScaledObjectDefinition() {
  }

  private ScaledObjectDefinition copy() {
    ScaledObjectDefinition c = new ScaledObjectDefinition();
    c.name = name;
    c.namespace = namespace;
    c.target = target;
    c.targetKind = targetKind;
    c.targetApiVersion = targetApiVersion;
    c.minReplicas = minReplicas;
    c.maxReplicas = maxReplicas;
    c.idleReplicas = idleReplicas;
    c.pollingInterval = pollingInterval;
    c.cooldownPeriod = cooldownPeriod;
    c.triggers.addAll(triggers);
    return c;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private ScaledObjectDefinition with(java.util.function.Consumer<ScaledObjectDefinition> change) {
    ScaledObjectDefinition c = copy();
    change.accept(c);
    return c;
  }

  public ScaledObjectDefinition named(String scaledObjectName) {
    return with(c -> c.name = scaledObjectName);
  }

  public ScaledObjectDefinition inNamespace(String scaledObjectNamespace) {
    return with(c -> c.namespace = scaledObjectNamespace);
  }

  /** The Deployment to scale (KEDA's default kind). */
  public ScaledObjectDefinition target(String deployment) {
    return with(c -> c.target = deployment);
  }

  /** Any scalable workload, e.g. {@code ("apps/v1", "StatefulSet", "db")}. */
  public ScaledObjectDefinition target(String apiVersion, String kind, String workload) {
    return with(c -> {
      c.target = workload;
      c.targetApiVersion = apiVersion;
      c.targetKind = kind;
    });
  }

  public ScaledObjectDefinition minReplicas(int replicas) {
    return with(c -> c.minReplicas = replicas);
  }

  public ScaledObjectDefinition maxReplicas(int replicas) {
    return with(c -> c.maxReplicas = replicas);
  }

  /** Replicas while no trigger is active (KEDA supports only 0 in practice). */
  public ScaledObjectDefinition idleReplicas(int replicas) {
    return with(c -> c.idleReplicas = replicas);
  }

  /** How often KEDA checks the triggers (whole seconds). */
  public ScaledObjectDefinition pollingInterval(Duration interval) {
    return with(c -> c.pollingInterval = seconds("pollingInterval", interval));
  }

  /** How long KEDA waits after the last active trigger before scaling to zero (whole seconds). */
  public ScaledObjectDefinition cooldownPeriod(Duration period) {
    return with(c -> c.cooldownPeriod = seconds("cooldownPeriod", period));
  }

  /** Adds a typed trigger; problems in its metadata are reported by {@link #build()} with everything else. */
  public ScaledObjectDefinition trigger(ScalerTrigger<?> trigger) {
    return with(c -> c.triggers.add(trigger.toUncheckedTrigger()));
  }

  private static int seconds(String field, Duration duration) {
    if (duration.getNano() != 0 || duration.isNegative() || duration.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + ": " + duration + " cannot be written: KEDA takes whole seconds");
    }
    return (int) duration.getSeconds();
  }

  /** As described, not validated: for deliberate experiments. */
  public ScaledObject buildUnchecked() {
    // Plain constructors and setters: the sundrio builders cost several times more, for the same object.
    ScaledObject scaledObject = new ScaledObject();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    scaledObject.setMetadata(metadata);
    ScaleTargetRef targetRef = new ScaleTargetRef();
    targetRef.setName(target);
    targetRef.setKind(targetKind);
    targetRef.setApiVersion(targetApiVersion);
    ScaledObjectSpec spec = new ScaledObjectSpec();
    spec.setScaleTargetRef(targetRef);
    spec.setMinReplicaCount(minReplicas);
    spec.setMaxReplicaCount(maxReplicas);
    spec.setIdleReplicaCount(idleReplicas);
    spec.setPollingInterval(pollingInterval);
    spec.setCooldownPeriod(cooldownPeriod);
    // each built object gets its own triggers: the model is mutable, the definition is not
    List<Triggers> copies = new ArrayList<>(triggers.size());
    for (Triggers trigger : triggers) {
      copies.add(copyOf(trigger));
    }
    spec.setTriggers(copies);
    scaledObject.setSpec(spec);
    return scaledObject;
  }

  private static Triggers copyOf(Triggers trigger) {
    Triggers copy = new Triggers();
    copy.setType(trigger.getType());
    copy.setName(trigger.getName());
    copy.setMetricType(trigger.getMetricType());
    copy.setUseCachedMetrics(trigger.getUseCachedMetrics());
    copy.setMetadata(trigger.getMetadata() == null ? null : new LinkedHashMap<>(trigger.getMetadata()));
    if (trigger.getAuthenticationRef() != null) {
      AuthenticationRef ref = new AuthenticationRef();
      ref.setName(trigger.getAuthenticationRef().getName());
      ref.setKind(trigger.getAuthenticationRef().getKind());
      copy.setAuthenticationRef(ref);
    }
    return copy;
  }

  /**
   * @throws ValidationException listing every violation: the CRD's schema, KEDA's admission rules, the triggers'
   *                             metadata against KEDA's catalogue
   */
  public ScaledObject build() {
    return KedaValidation.requireValid(buildUnchecked(), what());
  }

  /**
   * The validated ScaledObject as JSON: the text {@code Manifests.toJson(build())} gives, written from the tree the
   * validation already made instead of serialising the object a second time.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toJson() {
    return Manifests.toJson(validatedTree());
  }

  /** The validated ScaledObject as one YAML document, as {@code Manifests.toYaml(build())} writes it. */
  public String toYaml() {
    return Manifests.toYaml(validatedTree());
  }

  private JsonNode validatedTree() {
    return KedaValidation.requireValid(Manifests.toTree(buildUnchecked()), what());
  }

  private String what() {
    return "ScaledObject " + (name == null ? "<unnamed>" : name);
  }
}
