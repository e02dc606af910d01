package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolSpec;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.disruption.Budgets;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements.Operator;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.StartupTaints;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Taints;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NodePool being described: an immutable value, so a partial definition ({@code NodePools.arm64().onDemand()})
 * can be shared and extended safely. {@link #build()} returns the generated {@link NodePool}, validated as the
 * API server would validate it (the provider's own CRD copy, every CEL rule) plus the well-known label values.
 */
public final class NodePoolDefinition {

  static final NodePoolDefinition EMPTY = new NodePoolDefinition();

  private String name;
  private Integer weight;
  private final List<Requirement> requirements = new ArrayList<>();
  private Disruption.ConsolidationPolicy consolidationPolicy;
  private String consolidateAfter;
  private final List<Budget> budgets = new ArrayList<>();
  private String expireAfter;
  private String terminationGracePeriod;
  private final Map<String, String> limits = new LinkedHashMap<>();
  private final List<Taint<Taints.Effect>> taints = new ArrayList<>();
  private final List<Taint<StartupTaints.Effect>> startupTaints = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private NodeClassReference nodeClass;

  // What was said is kept as immutable values and turned into model objects only by toNodePool(): the model
  // objects are mutable, so sharing them between definitions (or copying them with their builders at every
  // step of a chain) would be either unsafe or slow.
  private record Requirement(String key, Operator operator, List<String> values, Long minValues) {
  }

  private record Budget(String nodes, String schedule, String duration, List<Budgets.Reasons> reasons) {
  }

  private record Taint<E>(String key, String value, E effect) {
  }

  private NodePoolDefinition() {
  }

  private NodePoolDefinition copy() {
    NodePoolDefinition c = new NodePoolDefinition();
    c.name = name;
    c.weight = weight;
    c.requirements.addAll(requirements);
    c.consolidationPolicy = consolidationPolicy;
    c.consolidateAfter = consolidateAfter;
    c.budgets.addAll(budgets);
    c.expireAfter = expireAfter;
    c.terminationGracePeriod = terminationGracePeriod;
    c.limits.putAll(limits);
    c.taints.addAll(taints);
    c.startupTaints.addAll(startupTaints);
    c.labels.putAll(labels);
    c.annotations.putAll(annotations);
    c.nodeClass = nodeClass;
    return c;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private NodePoolDefinition with(java.util.function.Consumer<NodePoolDefinition> change) {
    NodePoolDefinition c = copy();
    change.accept(c);
    return c;
  }

  // --- identity and weight

  public NodePoolDefinition named(String nodePoolName) {
    return with(c -> c.name = nodePoolName);
  }

  /** Priority among NodePools that fit (1..100; higher first). */
  public NodePoolDefinition weight(int value) {
    return with(c -> c.weight = value);
  }

  // --- requirements

  /** Any requirement; prefer the named methods, which know the label's values. */
  public NodePoolDefinition requirement(String key, Operator operator, String... values) {
    return with(c -> {
      c.requirements.add(new Requirement(key, operator,
          operator == Operator.EXISTS || operator == Operator.DOESNOTEXIST ? null : List.of(values), null));
    });
  }

  public NodePoolDefinition requirement(Label label, Operator operator, String... values) {
    return requirement(label.key(), operator, values);
  }

  /** The requirement added last must be met by at least this many distinct values (flexibility for spot). */
  public NodePoolDefinition minValues(int count) {
    if (requirements.isEmpty()) {
      throw new IllegalStateException("minValues(" + count + "): add a requirement first, e.g. skuFamily(\"D\", \"E\")");
    }
    return with(c -> {
      Requirement last = c.requirements.get(c.requirements.size() - 1);
      c.requirements.set(c.requirements.size() - 1,
          new Requirement(last.key(), last.operator(), last.values(), (long) count));
    });
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
    return with(c -> {
      c.consolidationPolicy = policy;
      c.consolidateAfter = GoDurations.of("consolidateAfter", after);
    });
  }

  /** {@code consolidateAfter: Never}: Karpenter never consolidates this pool's nodes. */
  public NodePoolDefinition neverConsolidate() {
    return with(c -> c.consolidateAfter = "Never");
  }

  /** At most this many nodes (a count, {@code "3"}, or a percentage, {@code "10%"}) disrupted at once. */
  public NodePoolDefinition budget(String nodes) {
    return with(c -> c.budgets.add(new Budget(nodes, null, null, null)));
  }

  /** A budget active for {@code duration} from each hit of the cron {@code schedule}, for the given reasons. */
  public NodePoolDefinition budget(String nodes, String schedule, Duration duration, Budgets.Reasons... reasons) {
    return with(c -> {
      c.budgets.add(new Budget(nodes, schedule, GoDurations.ofMinutes("budget duration", duration),
          reasons.length == 0 ? null : List.of(reasons)));
    });
  }

  public NodePoolDefinition expireAfter(Duration after) {
    return with(c -> c.expireAfter = GoDurations.of("expireAfter", after));
  }

  public NodePoolDefinition neverExpire() {
    return with(c -> c.expireAfter = "Never");
  }

  public NodePoolDefinition terminationGracePeriod(Duration period) {
    return with(c -> c.terminationGracePeriod = GoDurations.of("terminationGracePeriod", period));
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
    return with(c -> c.limits.put(resource, quantity));
  }

  public NodePoolDefinition taint(String key, String value, Taints.Effect effect) {
    return with(c -> c.taints.add(new Taint<>(key, value, effect)));
  }

  public NodePoolDefinition startupTaint(String key, String value, StartupTaints.Effect effect) {
    return with(c -> c.startupTaints.add(new Taint<>(key, value, effect)));
  }

  /** A label every node of the pool gets. */
  public NodePoolDefinition label(String key, String value) {
    return with(c -> c.labels.put(key, value));
  }

  public NodePoolDefinition annotation(String key, String value) {
    return with(c -> c.annotations.put(key, value));
  }

  // --- node class

  public NodePoolDefinition nodeClass(NodeClassReference reference) {
    return with(c -> c.nodeClass = reference);
  }

  public NodePoolDefinition nodeClass(dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass aksNodeClass) {
    return nodeClass(NodeClassReference.aksNodeClass(aksNodeClass.getMetadata().getName()));
  }

  public NodePoolDefinition nodeClass(EC2NodeClass ec2NodeClass) {
    return nodeClass(NodeClassReference.ec2NodeClass(ec2NodeClass.getMetadata().getName()));
  }

  // --- results

  /** The NodePool as described, not validated: to drop down to the generated builder with {@code edit()}. */
  public NodePool toNodePool() {
    // Plain constructors and setters: the sundrio builders cost several times more, for the same object.
    NodePool pool = new NodePool();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    pool.setMetadata(metadata);
    NodePoolSpec poolSpec = new NodePoolSpec();
    poolSpec.setWeight(weight);
    if (!limits.isEmpty()) {
      Map<String, IntOrString> quantities = new LinkedHashMap<>();
      limits.forEach((resource, quantity) -> quantities.put(resource, new IntOrString(quantity)));
      poolSpec.setLimits(quantities);
    }
    pool.setSpec(poolSpec);
    if (consolidationPolicy != null || consolidateAfter != null || !budgets.isEmpty()) {
      Disruption disruption = new Disruption();
      disruption.setConsolidateAfter(consolidateAfter);
      disruption.setConsolidationPolicy(consolidationPolicy);
      if (!budgets.isEmpty()) {
        List<Budgets> list = new ArrayList<>(budgets.size());
        for (Budget budget : budgets) {
          Budgets b = new Budgets();
          b.setNodes(budget.nodes());
          b.setSchedule(budget.schedule());
          b.setDuration(budget.duration());
          b.setReasons(budget.reasons() == null ? null : new ArrayList<>(budget.reasons()));
          list.add(b);
        }
        disruption.setBudgets(list);
      }
      poolSpec.setDisruption(disruption);
    }
    var template = new dev.autoscaling.karpenter.api.v1.nodepoolspec.Template();
    if (!labels.isEmpty() || !annotations.isEmpty()) {
      var templateMetadata = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.Metadata();
      templateMetadata.setAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations));
      templateMetadata.setLabels(labels.isEmpty() ? null : new LinkedHashMap<>(labels));
      template.setMetadata(templateMetadata);
    }
    var spec = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.Spec();
    spec.setExpireAfter(expireAfter);
    spec.setTerminationGracePeriod(terminationGracePeriod);
    if (nodeClass != null) {
      var reference = new dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.NodeClassRef();
      reference.setGroup(nodeClass.group());
      reference.setKind(nodeClass.kind());
      reference.setName(nodeClass.name());
      spec.setNodeClassRef(reference);
    }
    if (!requirements.isEmpty()) {
      List<Requirements> list = new ArrayList<>(requirements.size());
      for (Requirement requirement : requirements) {
        Requirements r = new Requirements();
        r.setKey(requirement.key());
        r.setOperator(requirement.operator());
        r.setValues(requirement.values() == null ? null : new ArrayList<>(requirement.values()));
        r.setMinValues(requirement.minValues());
        list.add(r);
      }
      spec.setRequirements(list);
    }
    if (!taints.isEmpty()) {
      List<Taints> list = new ArrayList<>(taints.size());
      for (Taint<Taints.Effect> taint : taints) {
        Taints t = new Taints();
        t.setKey(taint.key());
        t.setValue(taint.value());
        t.setEffect(taint.effect());
        list.add(t);
      }
      spec.setTaints(list);
    }
    if (!startupTaints.isEmpty()) {
      List<StartupTaints> list = new ArrayList<>(startupTaints.size());
      for (Taint<StartupTaints.Effect> taint : startupTaints) {
        StartupTaints t = new StartupTaints();
        t.setKey(taint.key());
        t.setValue(taint.value());
        t.setEffect(taint.effect());
        list.add(t);
      }
      spec.setStartupTaints(list);
    }
    template.setSpec(spec);
    poolSpec.setTemplate(template);
    return pool;
  }

  /**
   * The NodePool, validated.
   *
   * @throws ValidationException listing every violation: the CRD's schema and CEL rules (the Azure copy for an
   *                             AKSNodeClass, the AWS copy for an EC2NodeClass) and the well-known label values
   */
  public NodePool build() {
    NodePool pool = toNodePool();
    ValidationException.throwOnErrors(what(), validate(Manifests.toTree(pool)));
    return pool;
  }

  /**
   * The validated NodePool as JSON: the text {@code Manifests.toJson(build())} gives, written from the tree the
   * validation already made instead of serialising the object a second time.
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
    JsonNode tree = Manifests.toTree(toNodePool());
    ValidationException.throwOnErrors(what(), validate(tree));
    return tree;
  }

  private String what() {
    return "NodePool " + (name == null ? "<unnamed>" : name);
  }

  /** Every violation of a NodePool, from any source (facade, YAML, a cluster). */
  public static List<Violation> validate(NodePool pool) {
    return validate(Manifests.toTree(pool));
  }

  /**
   * Every violation of a NodePool given as a JSON tree, e.g. parsed from YAML: values the model classes could not
   * even hold (a wrong enum value, text where a number belongs) are reported like everything else.
   */
  public static List<Violation> validate(JsonNode pool) {
    boolean aws = NodeClassReference.AWS_GROUP.equals(pool.path("spec").path("template").path("spec").path("nodeClassRef").path("group").asText());
    CrdValidator validator = aws ? KarpenterCrds.aws() : KarpenterCrds.azure();
    ValidationReport report = validator.validate(pool);
    List<Violation> violations = new ArrayList<>(report.violations());
    violations.addAll(LabelChecks.requirements(pool));
    return violations;
  }
}
