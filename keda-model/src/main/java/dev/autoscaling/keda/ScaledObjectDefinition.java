package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.triggers.AuthenticationRef;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;


import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ScaledObject being described: immutable (final fields of immutable values), each call returns a new
 * definition. {@link #build()} validates against the pinned CRD (schema and CEL), KEDA's admission rules and KEDA's scaler catalogue, and throws one
 * exception listing every problem.
 */
public final class ScaledObjectDefinition {

  static final ScaledObjectDefinition EMPTY = new ScaledObjectDefinition(new Draft());
  private static final String API_VERSION = HasMetadata.getApiVersion(ScaledObject.class);
  private static final String KIND = HasMetadata.getKind(ScaledObject.class);

  private final String name;
  private final String namespace;
  private final String target;
  private final String targetKind;
  private final String targetApiVersion;
  private final Integer minReplicas;
  private final Integer maxReplicas;
  private final Integer idleReplicas;
  private final Integer pollingInterval;
  private final Integer cooldownPeriod;
  /**
   * Each trigger as its YAML writes it: a record of Strings, so that the immutability of this class shows in its
   * field types (a typed trigger is immutable too, but its class hierarchy is generated and open to subclasses).
   */
  private final List<TriggerValue> triggers;
  /** What a call could not write (a duration KEDA cannot read): reported by build() with everything else. */
  private final List<Violation> refused;

  /**
   * One trigger, as the ScaledObject's YAML writes it: the immutable form of a typed trigger, turned into JSON only
   * by {@link #tree()}.
   */
  private record TriggerValue(String authenticationKind, String authenticationRef, Map<String, String> metadata,
      String metricType, String name, String type, Boolean useCachedMetrics) {

    /**
     * The trigger's values, read from the model trigger it builds unchecked: that trigger is made for this call
     * alone, so its metadata map is kept (wrapped unmodifiable) rather than copied.
     */
    static TriggerValue of(ScalerTrigger<?> typed) {
      var trigger = typed.buildUnchecked();
      Map<String, String> metadata = trigger.getMetadata();
      // a null value is written as the text "null", as the trigger's JSON tree read back as text gave it
      metadata.replaceAll((key, value) -> value == null ? "null" : value);
      var ref = trigger.getAuthenticationRef();
      return new TriggerValue(ref == null || ref.getKind() == null ? null : ref.getKind().getValue(),
          ref == null ? null : ref.getName(), Collections.unmodifiableMap(metadata), trigger.getMetricType(),
          trigger.getName(), trigger.getType(), trigger.getUseCachedMetrics());
    }

    /** The model's trigger Jackson reads from what {@link #writeTo} writes; null for an unknown kind. */
    dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers model() {
      var trigger = new dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers();
      if (authenticationRef != null) {
        var ref = new dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.triggers.AuthenticationRef();
        if (authenticationKind != null) {
          AuthenticationRef.Kind kind = null;
          for (AuthenticationRef.Kind k : AuthenticationRef.Kind.values()) {
            if (k.getValue().equals(authenticationKind)) {
              kind = k;
            }
          }
          if (kind == null) {
            return null;
          }
          ref.setKind(kind);
        }
        ref.setName(authenticationRef);
        trigger.setAuthenticationRef(ref);
      }
      trigger.setMetadata(new LinkedHashMap<>(metadata));
      if (metricType != null) {
        trigger.setMetricType(metricType);
      }
      if (name != null) {
        trigger.setName(name);
      }
      if (type != null) {
        trigger.setType(type);
      }
      if (useCachedMetrics != null) {
        trigger.setUseCachedMetrics(useCachedMetrics);
      }
      return trigger;
    }

    void writeTo(ArrayNode triggers) {
      ObjectNode trigger = triggers.addObject();
      // the generated model's property order, so the text is the same either way
      if (authenticationRef != null) {
        ObjectNode ref = trigger.putObject("authenticationRef");
        putIfSet(ref, "kind", authenticationKind);
        ref.put("name", authenticationRef);
      }
      ObjectNode values = trigger.putObject("metadata");
      metadata.forEach(values::put);
      putIfSet(trigger, "metricType", metricType);
      putIfSet(trigger, "name", name);
      putIfSet(trigger, "type", type);
      if (useCachedMetrics != null) {
        trigger.put("useCachedMetrics", useCachedMetrics);
      }
    }
  }

  /** The one way state is copied: a draft filled from a definition, changed, and made into a new definition. */
  private static final class Draft {
    String name;
    String namespace;
    String target;
    String targetKind;
    String targetApiVersion;
    Integer minReplicas;
    Integer maxReplicas;
    Integer idleReplicas;
    Integer pollingInterval;
    Integer cooldownPeriod;
    List<TriggerValue> triggers = List.of();
    List<Violation> refused = List.of();

    Draft() {
    }

    Draft(ScaledObjectDefinition d) {
      name = d.name;
      namespace = d.namespace;
      target = d.target;
      targetKind = d.targetKind;
      targetApiVersion = d.targetApiVersion;
      minReplicas = d.minReplicas;
      maxReplicas = d.maxReplicas;
      idleReplicas = d.idleReplicas;
      pollingInterval = d.pollingInterval;
      cooldownPeriod = d.cooldownPeriod;
      triggers = d.triggers;
      refused = d.refused;
    }

    ScaledObjectDefinition done() {
      return new ScaledObjectDefinition(this);
    }
  }

  private ScaledObjectDefinition(Draft d) {
    name = d.name;
    namespace = d.namespace;
    target = d.target;
    targetKind = d.targetKind;
    targetApiVersion = d.targetApiVersion;
    minReplicas = d.minReplicas;
    maxReplicas = d.maxReplicas;
    idleReplicas = d.idleReplicas;
    pollingInterval = d.pollingInterval;
    cooldownPeriod = d.cooldownPeriod;
    triggers = d.triggers;
    refused = d.refused;
  }

  /**
   * A draft of this definition for a step to change and end with {@link Draft#done()}: every step returns a new
   * definition, earlier ones stay as they were. Filled and finished in the step itself (no callback), so the JIT
   * sees the draft never leaves the step and need not allocate it: a chain step then costs one object.
   */
  private Draft draft() {
    return new Draft(this);
  }

  public ScaledObjectDefinition named(String scaledObjectName) {
    Draft c = draft();
    c.name = scaledObjectName;
    return c.done();
  }

  public ScaledObjectDefinition inNamespace(String scaledObjectNamespace) {
    Draft c = draft();
    c.namespace = scaledObjectNamespace;
    return c.done();
  }

  /**
   * The Deployment to scale (KEDA's default kind): replaces any earlier target, its kind and apiVersion included,
   * so {@code target("apps/v1", "StatefulSet", "db").target("web")} scales the Deployment {@code web}.
   */
  public ScaledObjectDefinition target(String deployment) {
    Draft c = draft();
    c.target = deployment;
    c.targetApiVersion = null;
    c.targetKind = null;
    return c.done();
  }

  /** Any scalable workload, e.g. {@code ("apps/v1", "StatefulSet", "db")}. */
  public ScaledObjectDefinition target(String apiVersion, String kind, String workload) {
    Draft c = draft();
    c.target = workload;
    c.targetApiVersion = apiVersion;
    c.targetKind = kind;
    return c.done();
  }

  public ScaledObjectDefinition minReplicas(int replicas) {
    Draft c = draft();
    c.minReplicas = replicas;
    return c.done();
  }

  public ScaledObjectDefinition maxReplicas(int replicas) {
    Draft c = draft();
    c.maxReplicas = replicas;
    return c.done();
  }

  /** Replicas while no trigger is active (KEDA supports only 0 in practice). */
  public ScaledObjectDefinition idleReplicas(int replicas) {
    Draft c = draft();
    c.idleReplicas = replicas;
    return c.done();
  }

  /** How often KEDA checks the triggers (whole seconds). */
  public ScaledObjectDefinition pollingInterval(Duration interval) {
    if (!wholeSeconds(interval)) {
      return refusing("spec.pollingInterval", interval);
    }
    Draft c = draft();
    c.pollingInterval = (int) interval.getSeconds();
    return c.done();
  }

  /** How long KEDA waits after the last active trigger before scaling to zero (whole seconds). */
  public ScaledObjectDefinition cooldownPeriod(Duration period) {
    if (!wholeSeconds(period)) {
      return refusing("spec.cooldownPeriod", period);
    }
    Draft c = draft();
    c.cooldownPeriod = (int) period.getSeconds();
    return c.done();
  }

  /** Adds a typed trigger; problems in its metadata are reported by {@link #build()} with everything else. */
  public ScaledObjectDefinition trigger(ScalerTrigger<?> trigger) {
    TriggerValue value = TriggerValue.of(trigger);
    List<TriggerValue> more = new ArrayList<>(triggers.size() + 1);
    more.addAll(triggers);
    more.add(value);
    List<TriggerValue> frozen = List.copyOf(more);
    Draft c = draft();
    c.triggers = frozen;
    return c.done();
  }

  private static boolean wholeSeconds(Duration duration) {
    return duration.getNano() == 0 && !duration.isNegative() && duration.getSeconds() <= Integer.MAX_VALUE;
  }

  /**
   * The definition unchanged but for a duration it cannot write: said by {@link #build()} with every other
   * violation, not thrown from the chain at once.
   */
  private ScaledObjectDefinition refusing(String path, Duration duration) {
    List<Violation> more = new ArrayList<>(refused);
    more.add(Violation.error(path, "facade", duration + " cannot be written: KEDA takes whole seconds, from 0"));
    List<Violation> frozen = List.copyOf(more);
    Draft c = draft();
    c.refused = frozen;
    return c.done();
  }

  /** As described, not validated: for deliberate experiments. */
  public ScaledObject buildUnchecked() {
    return Manifests.convert(tree(), ScaledObject.class);
  }

  /**
   * The ScaledObject as the JSON tree the API server receives: the one mapping from this description, which
   * {@link #buildUnchecked()} reads into the model, and which validation and {@link #toJson()} use directly
   * (without a model object to create and serialise again). Properties in the model's order, so the text is the
   * same either way.
   */
  private ObjectNode tree() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", KIND);
    ObjectNode metadata = root.putObject("metadata");
    putIfSet(metadata, "name", name);
    putIfSet(metadata, "namespace", namespace);
    ObjectNode spec = root.putObject("spec");
    putIfSet(spec, "cooldownPeriod", cooldownPeriod);
    putIfSet(spec, "idleReplicaCount", idleReplicas);
    putIfSet(spec, "maxReplicaCount", maxReplicas);
    putIfSet(spec, "minReplicaCount", minReplicas);
    putIfSet(spec, "pollingInterval", pollingInterval);
    ObjectNode targetRef = spec.putObject("scaleTargetRef");
    putIfSet(targetRef, "apiVersion", targetApiVersion);
    putIfSet(targetRef, "kind", targetKind);
    putIfSet(targetRef, "name", target);
    ArrayNode triggerList = spec.putArray("triggers");
    triggers.forEach(trigger -> trigger.writeTo(triggerList));
    return root;
  }

  private static void putIfSet(ObjectNode object, String field, String value) {
    if (value != null) {
      object.put(field, value);
    }
  }

  private static void putIfSet(ObjectNode object, String field, Integer value) {
    if (value != null) {
      object.put(field, value);
    }
  }

  /**
   * @throws ValidationException listing every violation: the CRD's schema, KEDA's admission rules, the triggers'
   *                             metadata against KEDA's catalogue
   */
  public ScaledObject build() {
    JsonNode tree = validatedTree();
    ScaledObject model = model();
    return model != null ? model : Manifests.convert(tree, ScaledObject.class);
  }

  /**
   * The model object Jackson reads from {@link #tree()}, made with the model's setters straight from this
   * description: the conversion through a tree parser cost about as much as the validation. Each setter is called
   * exactly where the tree has the field, as Jackson calls it; null for what only Jackson could say (an
   * authentication kind the model's enum does not know), and the caller converts the tree instead.
   */
  private ScaledObject model() {
    List<dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers> models = new ArrayList<>(triggers.size());
    for (TriggerValue trigger : triggers) {
      var model = trigger.model();
      if (model == null) {
        return null;
      }
      models.add(model);
    }
    // blank(), not new ScaledObject(): the same object without fabric8's constructor reading the class's annotations
    ScaledObject object = ScaledObject.blank();
    object.setApiVersion(API_VERSION);
    object.setKind(KIND);
    // Filled in place: the constructor has made an empty ObjectMeta already, and one more (Jackson sets a new one)
    // would be the same object at the cost of seven allocations.
    io.fabric8.kubernetes.api.model.ObjectMeta metadata = object.getMetadata();
    if (name != null) {
      metadata.setName(name);
    }
    if (namespace != null) {
      metadata.setNamespace(namespace);
    }
    var spec = new dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec();
    if (cooldownPeriod != null) {
      spec.setCooldownPeriod(cooldownPeriod);
    }
    if (idleReplicas != null) {
      spec.setIdleReplicaCount(idleReplicas);
    }
    if (maxReplicas != null) {
      spec.setMaxReplicaCount(maxReplicas);
    }
    if (minReplicas != null) {
      spec.setMinReplicaCount(minReplicas);
    }
    if (pollingInterval != null) {
      spec.setPollingInterval(pollingInterval);
    }
    var targetRef = new dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.ScaleTargetRef();
    if (targetApiVersion != null) {
      targetRef.setApiVersion(targetApiVersion);
    }
    if (targetKind != null) {
      targetRef.setKind(targetKind);
    }
    if (target != null) {
      targetRef.setName(target);
    }
    spec.setScaleTargetRef(targetRef);
    spec.setTriggers(models);
    object.setSpec(spec);
    return object;
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

  /** Every violation of the ScaledObject as described, errors and warnings, without throwing. */
  public ValidationReport validate() {
    List<Violation> violations = new ArrayList<>(refused);
    violations.addAll(KedaValidation.check(tree()).violations());
    return new ValidationReport(violations);
  }

  /**
   * The ScaledObject as described, in a few lines: name, target, replica bounds and each trigger's type, name and
   * metadata keys (values are left out: a secret may have been put there by mistake). Not validated.
   */
  public String describe() {
    StringBuilder text = new StringBuilder("ScaledObject ").append(name == null ? "<unnamed>" : name);
    if (namespace != null) {
      text.append(" (namespace ").append(namespace).append(')');
    }
    text.append("\n  scales: ").append(targetKind == null ? "Deployment" : targetKind).append(' ')
        .append(target == null ? "<no target>" : target);
    text.append("\n  replicas: ").append(minReplicas == null ? "0 (KEDA's default)" : minReplicas).append(" to ")
        .append(maxReplicas == null ? "100 (KEDA's default)" : maxReplicas);
    if (triggers.isEmpty()) {
      text.append("\n  triggers: none (KEDA requires at least one)");
    }
    for (TriggerValue trigger : triggers) {
      text.append("\n  trigger: ").append(trigger.type()).append(trigger.name() == null ? "" : " " + trigger.name())
          .append(" on ").append(trigger.metadata().keySet());
    }
    return text.toString();
  }

  private JsonNode validatedTree() {
    JsonNode tree = tree();
    List<Violation> violations = KedaValidation.check(tree).violations();
    if (!refused.isEmpty()) {
      List<Violation> all = new ArrayList<>(refused);
      all.addAll(violations);
      violations = all;
    }
    for (Violation violation : violations) {
      if (violation.isError()) { // the name is written only when there is an error to report (warnings pass)
        ValidationException.throwOnErrors(what(), violations);
      }
    }
    return tree;
  }

  private String what() {
    return "ScaledObject " + (name == null ? "<unnamed>" : name);
  }
}
