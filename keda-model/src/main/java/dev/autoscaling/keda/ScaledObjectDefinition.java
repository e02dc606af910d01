package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import io.fabric8.kubernetes.api.model.HasMetadata;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A ScaledObject being described: immutable, each call returns a new definition. {@link #build()} validates
 * against the pinned CRD (schema and CEL), KEDA's admission rules and KEDA's scaler catalogue, and throws one
 * exception listing every problem.
 */
public final class ScaledObjectDefinition {

  static final ScaledObjectDefinition EMPTY = new ScaledObjectDefinition();
  private static final String API_VERSION = HasMetadata.getApiVersion(ScaledObject.class);
  private static final String KIND = HasMetadata.getKind(ScaledObject.class);

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
  /** Each trigger as its JSON, made once when added (the ScalerTrigger knows its own serialised form). */
  private List<ObjectNode> triggers = List.of(); // immutable, so every copy of the definition can share it

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
    c.triggers = triggers;
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
    ObjectNode json = trigger.toUncheckedTree();
    return with(c -> {
      List<ObjectNode> more = new ArrayList<>(triggers.size() + 1);
      more.addAll(triggers);
      more.add(json);
      c.triggers = List.copyOf(more);
    });
  }

  private static int seconds(String field, Duration duration) {
    if (duration.getNano() != 0 || duration.isNegative() || duration.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + ": " + duration + " cannot be written: KEDA takes whole seconds");
    }
    return (int) duration.getSeconds();
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
    // The trigger nodes are shared by every tree of this definition: safe, since no tree leaves this class to
    // be changed (validation copies before it defaults, buildUnchecked reads the tree into a new model object).
    triggers.forEach(triggerList::add);
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
    return Manifests.convert(validatedTree(), ScaledObject.class);
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
    return KedaValidation.requireValid(tree(), what());
  }

  private String what() {
    return "ScaledObject " + (name == null ? "<unnamed>" : name);
  }
}
