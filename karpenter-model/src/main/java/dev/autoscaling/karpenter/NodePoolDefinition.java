package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.disruption.Budgets;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements.Operator;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.StartupTaints;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Taints;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NodePool being described: an immutable value, so a partial definition ({@code NodePools.arm64().onDemand()})
 * can be shared and extended safely. {@link #build()} returns the generated {@link NodePool}, validated as the
 * API server would validate it (the provider's own CRD copy, every CEL rule) plus the well-known label values.
 */
public final class NodePoolDefinition {

  static final NodePoolDefinition EMPTY = new NodePoolDefinition(new Draft());

  private final String name;
  private final Integer weight;
  // Lists and maps are immutable and shared by every copy: a chain step copies seven references, not seven
  // collections, and a change makes a new collection.
  private final List<Requirement> requirements;
  private final Disruption.ConsolidationPolicy consolidationPolicy;
  private final String consolidateAfter;
  private final List<Budget> budgets;
  private final String expireAfter;
  private final String terminationGracePeriod;
  private final Map<String, String> limits;
  private final List<Taint> taints;
  private final List<Taint> startupTaints;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final NodeClassReference nodeClass;
  /** What a call could not write (a sub-second duration, minValues before any requirement): reported by build(). */
  private final List<Violation> refused;

  // What was said is kept as immutable values and turned into JSON only by tree(), the one mapping from this
  // description to the NodePool the API server receives.
  private record Requirement(String key, Operator operator, List<String> values, Long minValues) {
  }

  private record Budget(String nodes, String schedule, String duration, List<Budgets.Reasons> reasons) {
  }

  /** A taint or startup taint, with its effect as written in YAML (the two effect enums are distinct types). */
  private record Taint(String key, String value, String effect) {
  }

  /**
   * The one way state is copied: a chain step fills a draft from this definition, changes it, and makes a new
   * definition of it; the definition itself has only final fields.
   */
  private static final class Draft {
    String name;
    Integer weight;
    List<Requirement> requirements = List.of();
    Disruption.ConsolidationPolicy consolidationPolicy;
    String consolidateAfter;
    List<Budget> budgets = List.of();
    String expireAfter;
    String terminationGracePeriod;
    Map<String, String> limits = Map.of();
    List<Taint> taints = List.of();
    List<Taint> startupTaints = List.of();
    Map<String, String> labels = Map.of();
    Map<String, String> annotations = Map.of();
    NodeClassReference nodeClass;
    List<Violation> refused = List.of();

    Draft() {
    }

    Draft(NodePoolDefinition d) {
      name = d.name;
      weight = d.weight;
      requirements = d.requirements;
      consolidationPolicy = d.consolidationPolicy;
      consolidateAfter = d.consolidateAfter;
      budgets = d.budgets;
      expireAfter = d.expireAfter;
      terminationGracePeriod = d.terminationGracePeriod;
      limits = d.limits;
      taints = d.taints;
      startupTaints = d.startupTaints;
      labels = d.labels;
      annotations = d.annotations;
      nodeClass = d.nodeClass;
      refused = d.refused;
    }

    NodePoolDefinition done() {
      return new NodePoolDefinition(this);
    }
  }

  private NodePoolDefinition(Draft d) {
    name = d.name;
    weight = d.weight;
    requirements = d.requirements;
    consolidationPolicy = d.consolidationPolicy;
    consolidateAfter = d.consolidateAfter;
    budgets = d.budgets;
    expireAfter = d.expireAfter;
    terminationGracePeriod = d.terminationGracePeriod;
    limits = d.limits;
    taints = d.taints;
    startupTaints = d.startupTaints;
    labels = d.labels;
    annotations = d.annotations;
    nodeClass = d.nodeClass;
    refused = d.refused;
  }

  /**
   * The definition unchanged but for one more thing it cannot write: said by {@link #build()} with every other
   * violation, not thrown from the chain at once.
   */
  private NodePoolDefinition refusing(String path, String message) {
    Violation violation = Violation.error(path, "facade", message);
    Draft c = draft();
    c.refused = plus(refused, violation);
    return c.done();
  }

  /** The message of a refused value without its leading "field: " (the violation's path says where). */
  private static String reason(IllegalArgumentException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> longer = new ArrayList<>(list.size() + 1);
    longer.addAll(list);
    longer.add(item);
    return Collections.unmodifiableList(longer);
  }

  /** The map with one entry added or replaced, in insertion order (the order the YAML is written in). */
  private static Map<String, String> plus(Map<String, String> map, String key, String value) {
    Map<String, String> bigger = new LinkedHashMap<>(map);
    bigger.put(key, value);
    return Collections.unmodifiableMap(bigger);
  }

  /**
   * A draft of this definition for a step to change and end with {@link Draft#done()}: every step returns a new
   * definition, earlier ones stay as they were. Filled and finished in the step itself (no callback), so the JIT
   * sees the draft never leaves the step and need not allocate it: a chain step then costs one object.
   */
  private Draft draft() {
    return new Draft(this);
  }

  // --- identity and weight

  public NodePoolDefinition named(String nodePoolName) {
    Draft c = draft();
    c.name = nodePoolName;
    return c.done();
  }

  /** Priority among NodePools that fit (1..100; higher first). */
  public NodePoolDefinition weight(int value) {
    Draft c = draft();
    c.weight = value;
    return c.done();
  }

  // --- requirements

  /** Any requirement; prefer the named methods, which know the label's values. */
  public NodePoolDefinition requirement(String key, Operator operator, String... values) {
    Requirement requirement = new Requirement(key, operator,
        operator == Operator.EXISTS || operator == Operator.DOESNOTEXIST ? null : List.of(values), null);
    Draft c = draft();
    c.requirements = plus(requirements, requirement);
    return c.done();
  }

  public NodePoolDefinition requirement(Label label, Operator operator, String... values) {
    return requirement(label.key(), operator, values);
  }

  /** The requirement added last must be met by at least this many distinct values (flexibility for spot). */
  public NodePoolDefinition minValues(int count) {
    if (requirements.isEmpty()) {
      return refusing("spec.template.spec.requirements",
          "minValues(" + count + ") needs a requirement before it, e.g. skuFamily(\"D\", \"E\").minValues(2)");
    }
    Draft c = draft();
    List<Requirement> changed = new ArrayList<>(requirements);
    Requirement last = changed.get(changed.size() - 1);
    changed.set(changed.size() - 1, new Requirement(last.key(), last.operator(), last.values(), (long) count));
    c.requirements = Collections.unmodifiableList(changed);
    return c.done();
  }

  public NodePoolDefinition arm64() {
    return requirement(Labels.ARCH, Operator.IN, "arm64");
  }

  public NodePoolDefinition amd64() {
    return requirement(Labels.ARCH, Operator.IN, "amd64");
  }

  public NodePoolDefinition architectures(String... architectures) {
    return requirement(Labels.ARCH, Operator.IN, architectures);
  }

  public NodePoolDefinition linux() {
    return requirement(Labels.OS, Operator.IN, "linux");
  }

  public NodePoolDefinition windows() {
    return requirement(Labels.OS, Operator.IN, "windows");
  }

  public NodePoolDefinition onDemand() {
    return requirement(Labels.CAPACITY_TYPE, Operator.IN, "on-demand");
  }

  public NodePoolDefinition spot() {
    return requirement(Labels.CAPACITY_TYPE, Operator.IN, "spot");
  }

  public NodePoolDefinition capacityTypes(String... types) {
    return requirement(Labels.CAPACITY_TYPE, Operator.IN, types);
  }

  public NodePoolDefinition zones(String... zones) {
    return requirement(Labels.ZONE, Operator.IN, zones);
  }

  public NodePoolDefinition instanceTypes(String... types) {
    return requirement(Labels.INSTANCE_TYPE, Operator.IN, types);
  }

  /** {@code karpenter.azure.com/sku-family}: D, E, F, ... */
  public NodePoolDefinition skuFamily(String... families) {
    return requirement(Labels.SKU_FAMILY, Operator.IN, families);
  }

  public NodePoolDefinition skuName(String... names) {
    return requirement(Labels.SKU_NAME, Operator.IN, names);
  }

  public NodePoolDefinition skuSeries(String... series) {
    return requirement(Labels.SKU_SERIES, Operator.IN, series);
  }

  public NodePoolDefinition skuVersion(String... versions) {
    return requirement(Labels.SKU_VERSION, Operator.IN, versions);
  }

  public NumericRequirement skuCpu() {
    return new NumericRequirement(this, Labels.SKU_CPU);
  }

  public NumericRequirement skuMemory() {
    return new NumericRequirement(this, Labels.SKU_MEMORY);
  }

  public NumericRequirement skuGpuCount() {
    return new NumericRequirement(this, Labels.SKU_GPU_COUNT);
  }

  public NodePoolDefinition skuGpuManufacturer(String... manufacturers) {
    return requirement(Labels.SKU_GPU_MANUFACTURER, Operator.IN, manufacturers);
  }

  public NodePoolDefinition acceleratedNetworking(boolean required) {
    return requirement(Labels.SKU_NETWORKING_ACCELERATED, Operator.IN, Boolean.toString(required));
  }

  public NodePoolDefinition premiumStorage(boolean required) {
    return requirement(Labels.SKU_STORAGE_PREMIUM_CAPABLE, Operator.IN, Boolean.toString(required));
  }

  /** {@code karpenter.k8s.aws/instance-category}: c, m, r, ... */
  public NodePoolDefinition instanceCategories(String... categories) {
    return requirement(Labels.INSTANCE_CATEGORY, Operator.IN, categories);
  }

  public NodePoolDefinition instanceFamilies(String... families) {
    return requirement(Labels.INSTANCE_FAMILY, Operator.IN, families);
  }

  public NumericRequirement instanceGeneration() {
    return new NumericRequirement(this, Labels.INSTANCE_GENERATION);
  }

  public NumericRequirement instanceCpu() {
    return new NumericRequirement(this, Labels.INSTANCE_CPU);
  }

  public NumericRequirement instanceMemory() {
    return new NumericRequirement(this, Labels.INSTANCE_MEMORY);
  }

  // --- disruption

  public NodePoolDefinition consolidateWhenEmptyOrUnderutilized(Duration after) {
    return consolidation(Disruption.ConsolidationPolicy.WHENEMPTYORUNDERUTILIZED, after);
  }

  public NodePoolDefinition consolidateWhenEmpty(Duration after) {
    return consolidation(Disruption.ConsolidationPolicy.WHENEMPTY, after);
  }

  public NodePoolDefinition consolidation(Disruption.ConsolidationPolicy policy, Duration after) {
    String text;
    try {
      text = GoDurations.of("consolidateAfter", after);
    } catch (IllegalArgumentException e) {
      Draft c = refusing("spec.disruption.consolidateAfter", reason(e)).draft();
      c.consolidationPolicy = policy;
      return c.done();
    }
    Draft c = draft();
    c.consolidationPolicy = policy;
    c.consolidateAfter = text;
    return c.done();
  }

  /** {@code consolidateAfter: Never}: Karpenter never consolidates this pool's nodes. */
  public NodePoolDefinition neverConsolidate() {
    Draft c = draft();
    c.consolidateAfter = "Never";
    return c.done();
  }

  /** At most this many nodes (a count, {@code "3"}, or a percentage, {@code "10%"}) disrupted at once. */
  public NodePoolDefinition budget(String nodes) {
    Draft c = draft();
    c.budgets = plus(budgets, new Budget(nodes, null, null, null));
    return c.done();
  }

  /** A budget active for {@code duration} from each hit of the cron {@code schedule}, for the given reasons. */
  public NodePoolDefinition budget(String nodes, String schedule, Duration duration, Budgets.Reasons... reasons) {
    String text;
    try {
      text = GoDurations.ofMinutes("budget duration", duration);
    } catch (IllegalArgumentException e) {
      return refusing("spec.disruption.budgets[" + budgets.size() + "].duration", reason(e));
    }
    Budget budget = new Budget(nodes, schedule, text, reasons.length == 0 ? null : List.of(reasons));
    Draft c = draft();
    c.budgets = plus(budgets, budget);
    return c.done();
  }

  public NodePoolDefinition expireAfter(Duration after) {
    try {
      String text = GoDurations.of("expireAfter", after);
      Draft c = draft();
      c.expireAfter = text;
      return c.done();
    } catch (IllegalArgumentException e) {
      return refusing("spec.template.spec.expireAfter", reason(e));
    }
  }

  public NodePoolDefinition neverExpire() {
    Draft c = draft();
    c.expireAfter = "Never";
    return c.done();
  }

  public NodePoolDefinition terminationGracePeriod(Duration period) {
    try {
      String text = GoDurations.of("terminationGracePeriod", period);
      Draft c = draft();
      c.terminationGracePeriod = text;
      return c.done();
    } catch (IllegalArgumentException e) {
      return refusing("spec.template.spec.terminationGracePeriod", reason(e));
    }
  }

  // --- limits, taints, labels

  /** Total CPU the pool may provision, as a Kubernetes quantity ({@code "1000"}, {@code "500m"}). */
  public NodePoolDefinition limitCpu(String quantity) {
    return limit("cpu", quantity);
  }

  /** Total memory, as a Kubernetes quantity ({@code "1000Gi"}). */
  public NodePoolDefinition limitMemory(String quantity) {
    return limit("memory", quantity);
  }

  public NodePoolDefinition limitNodes(long nodes) {
    return limit("nodes", Long.toString(nodes));
  }

  private NodePoolDefinition limit(String resource, String quantity) {
    Draft c = draft();
    c.limits = plus(limits, resource, quantity);
    return c.done();
  }

  public NodePoolDefinition taint(String key, String value, Taints.@Nullable Effect effect) {
    Draft c = draft();
    c.taints = plus(taints, new Taint(key, value, effect == null ? null : effect.getValue()));
    return c.done();
  }

  public NodePoolDefinition startupTaint(String key, String value, StartupTaints.@Nullable Effect effect) {
    Draft c = draft();
    c.startupTaints = plus(startupTaints, new Taint(key, value, effect == null ? null : effect.getValue()));
    return c.done();
  }

  /** A label every node of the pool gets. */
  public NodePoolDefinition label(String key, String value) {
    Draft c = draft();
    c.labels = plus(labels, key, value);
    return c.done();
  }

  public NodePoolDefinition annotation(String key, String value) {
    Draft c = draft();
    c.annotations = plus(annotations, key, value);
    return c.done();
  }

  // --- node class

  public NodePoolDefinition nodeClass(NodeClassReference reference) {
    Draft c = draft();
    c.nodeClass = reference;
    return c.done();
  }

  public NodePoolDefinition nodeClass(dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass aksNodeClass) {
    return nodeClass(NodeClassReference.aksNodeClass(aksNodeClass.getMetadata().getName()));
  }

  public NodePoolDefinition nodeClass(EC2NodeClass ec2NodeClass) {
    return nodeClass(NodeClassReference.ec2NodeClass(ec2NodeClass.getMetadata().getName()));
  }

  // --- results

  /** The NodePool as described, not validated: to drop down to the generated builder with {@code edit()}. */
  public NodePool buildUnchecked() {
    return Manifests.convert(tree(), NodePool.class);
  }

  /**
   * The NodePool as described, not validated.
   *
   * @deprecated the unchecked form has one name on every definition: use {@link #buildUnchecked()}
   */
  @Deprecated(forRemoval = false)
  public NodePool toNodePool() {
    return buildUnchecked();
  }

  /** Every violation of the NodePool as described, errors and warnings, without throwing. */
  public ValidationReport validate() {
    List<Violation> violations = new ArrayList<>(refused);
    violations.addAll(KarpenterValidation.check(tree()).violations());
    return new ValidationReport(violations);
  }

  /** The NodePool as described, in words (as {@link NodePoolDescriptions#describe(Object)}), not validated. */
  public String describe() {
    return NodePoolDescriptions.describe(tree());
  }

  /**
   * The NodePool as the JSON tree the API server receives: the one mapping from this description. Fields are
   * written in the order the generated model writes them, so the text is the same whichever way it is made.
   */
  private ObjectNode tree() {
    ObjectNode root = object(4);
    root.put("apiVersion", "karpenter.sh/v1");
    root.put("kind", "NodePool");
    putIfSet(putObject(root, "metadata", 1), "name", name);
    ObjectNode spec = putObject(root, "spec", 4);
    if (consolidationPolicy != null || consolidateAfter != null || !budgets.isEmpty()) {
      ObjectNode disruption = putObject(spec, "disruption", 3);
      if (!budgets.isEmpty()) {
        ArrayNode list = putArray(disruption, "budgets", budgets.size());
        for (Budget budget : budgets) {
          ObjectNode item = object(4);
          list.add(item);
          putIfSet(item, "duration", budget.duration());
          putIfSet(item, "nodes", budget.nodes());
          if (budget.reasons() != null) {
            ArrayNode reasons = item.putArray("reasons");
            budget.reasons().forEach(reason -> reasons.add(reason.getValue()));
          }
          putIfSet(item, "schedule", budget.schedule());
        }
      }
      putIfSet(disruption, "consolidateAfter", consolidateAfter);
      if (consolidationPolicy != null) {
        disruption.put("consolidationPolicy", consolidationPolicy.getValue());
      }
    }
    if (!limits.isEmpty()) {
      ObjectNode quantities = putObject(spec, "limits", limits.size());
      limits.forEach(quantities::put);
    }
    ObjectNode template = putObject(spec, "template", 2);
    if (!labels.isEmpty() || !annotations.isEmpty()) {
      ObjectNode metadata = putObject(template, "metadata", 2);
      putAll(metadata, "annotations", annotations);
      putAll(metadata, "labels", labels);
    }
    ObjectNode nodeSpec = putObject(template, "spec", 6);
    putIfSet(nodeSpec, "expireAfter", expireAfter);
    if (nodeClass != null) {
      ObjectNode reference = putObject(nodeSpec, "nodeClassRef", 3);
      putIfSet(reference, "group", nodeClass.group());
      putIfSet(reference, "kind", nodeClass.kind());
      putIfSet(reference, "name", nodeClass.name());
    }
    if (!requirements.isEmpty()) {
      ArrayNode list = putArray(nodeSpec, "requirements", requirements.size());
      for (Requirement requirement : requirements) {
        ObjectNode item = object(4);
        list.add(item);
        putIfSet(item, "key", requirement.key());
        if (requirement.minValues() != null) {
          item.put("minValues", requirement.minValues());
        }
        if (requirement.operator() != null) {
          item.put("operator", requirement.operator().getValue());
        }
        if (requirement.values() != null) {
          ArrayNode values = putArray(item, "values", requirement.values().size());
          requirement.values().forEach(values::add);
        }
      }
    }
    putTaints(nodeSpec, "startupTaints", startupTaints);
    putTaints(nodeSpec, "taints", taints);
    putIfSet(nodeSpec, "terminationGracePeriod", terminationGracePeriod);
    if (weight != null) {
      spec.put("weight", weight);
    }
    return root;
  }

  /**
   * An object node with room for its fields: the tree is made once per build and never grows, and Jackson's
   * default maps (sixteen slots, lists of ten) were most of what it allocated.
   */
  private static ObjectNode object(int fields) {
    return new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(fields * 4 / 3 + 1));
  }

  private static ObjectNode putObject(ObjectNode parent, String field, int fields) {
    ObjectNode child = object(fields);
    parent.set(field, child);
    return child;
  }

  private static ArrayNode putArray(ObjectNode parent, String field, int items) {
    ArrayNode array = new ArrayNode(JsonNodeFactory.instance, new ArrayList<>(items));
    parent.set(field, array);
    return array;
  }

  private static void putIfSet(ObjectNode object, String field, String value) {
    if (value != null) {
      object.put(field, value);
    }
  }

  private static void putAll(ObjectNode object, String field, Map<String, String> entries) {
    if (!entries.isEmpty()) {
      ObjectNode map = putObject(object, field, entries.size());
      entries.forEach(map::put);
    }
  }

  private static void putTaints(ObjectNode spec, String field, List<Taint> taints) {
    if (taints.isEmpty()) {
      return;
    }
    ArrayNode list = putArray(spec, field, taints.size());
    for (Taint taint : taints) {
      ObjectNode item = object(3);
      list.add(item);
      putIfSet(item, "effect", taint.effect());
      putIfSet(item, "key", taint.key());
      putIfSet(item, "value", taint.value());
    }
  }

  /**
   * The NodePool, validated.
   *
   * @throws ValidationException listing every violation: the CRD's schema and CEL rules (the Azure copy for an
   *                             AKSNodeClass, the AWS copy for an EC2NodeClass) and the well-known label values
   */
  public NodePool build() {
    JsonNode tree = validatedTree();
    NodePool model = model();
    return model != null ? model : Manifests.convert(tree, NodePool.class);
  }

  /**
   * The model object Jackson reads from {@link #tree()}, made with the model's setters straight from this
   * description: the conversion through a tree parser cost about as much as the validation. Each setter is called
   * exactly where the tree has the field, as Jackson calls it. Null for limits, budgets and taints, whose values
   * Jackson turns into types of its own (quantities, enums by their text): the caller converts the tree then.
   */
  private @Nullable NodePool model() {
    if (!limits.isEmpty() || !budgets.isEmpty() || !taints.isEmpty() || !startupTaints.isEmpty()) {
      return null;
    }
    // blank(), not new NodePool(): the same object without fabric8's constructor reading the class's annotations
    NodePool pool = NodePool.blank();
    pool.setApiVersion("karpenter.sh/v1");
    pool.setKind("NodePool");
    // Filled in place: the constructor has made an empty ObjectMeta already, and one more (Jackson sets a new one)
    // would be the same object at the cost of seven allocations.
    if (name != null) {
      pool.getMetadata().setName(name);
    }
    var spec = new dev.autoscaling.karpenter.api.v1.NodePoolSpec();
    if (consolidationPolicy != null || consolidateAfter != null) {
      Disruption disruption = new Disruption();
      if (consolidateAfter != null) {
        disruption.setConsolidateAfter(consolidateAfter);
      }
      if (consolidationPolicy != null) {
        disruption.setConsolidationPolicy(consolidationPolicy);
      }
      spec.setDisruption(disruption);
    }
    var template = new dev.autoscaling.karpenter.api.v1.nodepoolspec.Template();
    if (!labels.isEmpty() || !annotations.isEmpty()) {
      var templateMetadata = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.Metadata();
      if (!annotations.isEmpty()) {
        templateMetadata.setAnnotations(new LinkedHashMap<>(annotations));
      }
      if (!labels.isEmpty()) {
        templateMetadata.setLabels(new LinkedHashMap<>(labels));
      }
      template.setMetadata(templateMetadata);
    }
    var nodeSpec = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.Spec();
    if (expireAfter != null) {
      nodeSpec.setExpireAfter(expireAfter);
    }
    if (nodeClass != null) {
      var reference = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.NodeClassRef();
      if (nodeClass.group() != null) {
        reference.setGroup(nodeClass.group());
      }
      if (nodeClass.kind() != null) {
        reference.setKind(nodeClass.kind());
      }
      if (nodeClass.name() != null) {
        reference.setName(nodeClass.name());
      }
      nodeSpec.setNodeClassRef(reference);
    }
    if (!requirements.isEmpty()) {
      var list = new ArrayList<dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements>(
          requirements.size());
      for (Requirement requirement : requirements) {
        var item = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements();
        if (requirement.key() != null) {
          item.setKey(requirement.key());
        }
        if (requirement.minValues() != null) {
          item.setMinValues(requirement.minValues());
        }
        if (requirement.operator() != null) {
          item.setOperator(requirement.operator());
        }
        if (requirement.values() != null) {
          item.setValues(new ArrayList<>(requirement.values()));
        }
        list.add(item);
      }
      nodeSpec.setRequirements(list);
    }
    if (terminationGracePeriod != null) {
      nodeSpec.setTerminationGracePeriod(terminationGracePeriod);
    }
    template.setSpec(nodeSpec);
    spec.setTemplate(template);
    if (weight != null) {
      spec.setWeight(weight);
    }
    pool.setSpec(spec);
    return pool;
  }

  /**
   * The validated NodePool as JSON: the text {@code Manifests.toJson(build())} gives, written straight from the
   * tree that was validated instead of going through the model object.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toJson() {
    return Manifests.toJson(validatedTree());
  }

  /** The validated NodePool as one YAML document, as {@code Manifests.toYaml(build())} writes it. */
  public String toYaml() {
    return Manifests.toYaml(validatedTree());
  }

  private JsonNode validatedTree() {
    JsonNode tree = tree();
    List<Violation> violations = nodePoolViolations(tree);
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
    return "NodePool " + (name == null ? "<unnamed>" : name);
  }

  /**
   * Every violation of a NodePool, from any source (facade, YAML, a cluster).
   *
   * @deprecated one validation door per family: use {@link KarpenterValidation#check(HasMetadata)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(NodePool pool) {
    return nodePoolViolations(Manifests.toTree(pool));
  }

  /**
   * Every violation of a NodePool given as a JSON tree.
   *
   * @deprecated one validation door per family: use {@link KarpenterValidation#check(JsonNode)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(JsonNode pool) {
    return nodePoolViolations(pool);
  }

  /**
   * Every violation of a NodePool given as a JSON tree, e.g. parsed from YAML: values the model classes could not
   * even hold (a wrong enum value, text where a number belongs) are reported like everything else.
   */
  static List<Violation> nodePoolViolations(JsonNode pool) {
    boolean aws = NodeClassReference.AWS_GROUP.equals(pool.path("spec").path("template").path("spec").path("nodeClassRef").path("group").asText());
    CrdValidator validator = aws ? KarpenterCrds.aws() : KarpenterCrds.azure();
    ValidationReport report = validator.validate(pool);
    List<Violation> violations = new ArrayList<>(report.violations());
    violations.addAll(LabelChecks.requirements(pool));
    return violations;
  }
}
