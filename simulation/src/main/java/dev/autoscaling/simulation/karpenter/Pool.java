package dev.autoscaling.simulation.karpenter;

import dev.autoscaling.karpenter.Labels;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.simulation.cluster.Requirement;
import dev.autoscaling.simulation.cluster.Taint;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulation needs of a NodePool (and the AKSNodeClass it refers to): its weight, requirements, template
 * labels and taints, limits, disruption settings and expiry, and a hash of its template and node class whose change
 * makes its nodes drifted (Karpenter's {@code karpenter.sh/nodepool-hash} and the node class's hash).
 */
public record Pool(String name, int weight, List<Requirement> requirements, Map<String, String> labels,
    List<Taint> taints, List<Taint> startupTaints, String consolidationPolicy, long consolidateAfterSeconds,
    List<String> budgets, long limitCpuMilli, long limitMemoryMi, long limitNodes, long expireAfterSeconds,
    String nodeClass, String imageFamily, String hash, List<String> notes) {

  /** Karpenter's default {@code expireAfter}: 720h. */
  public static final long DEFAULT_EXPIRE_AFTER = 720 * 3600;
  public static final long NEVER = -1;

  public Pool {
    requirements = List.copyOf(requirements);
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
    startupTaints = List.copyOf(startupTaints);
    budgets = List.copyOf(budgets);
    notes = List.copyOf(notes);
  }

  /** The pool of this NodePool; {@code nodeClass} may be null (the image family then defaults to Ubuntu). */
  public static Pool of(NodePool nodePool, @Nullable AKSNodeClass nodeClass) {
    var spec = nodePool.getSpec();
    var template = spec.getTemplate().getSpec();
    List<String> notes = new ArrayList<>();
    List<Requirement> requirements = new ArrayList<>();
    for (var r : template.getRequirements() == null ? List.<dev.autoscaling.karpenter.api.v1.nodepoolspec.template
        .spec.Requirements>of() : template.getRequirements()) {
      requirements.add(new Requirement(r.getKey(), r.getOperator().getValue(), r.getValues()));
      // what the catalogue cannot say about a size is a label no size has: In fails, NotIn passes
      if (Labels.find(r.getKey()).isPresent() && r.getKey().startsWith("karpenter.azure.com/sku-")
          && !DERIVED.contains(r.getKey())) {
        notes.add("NodePool " + nodePool.getMetadata().getName() + ": " + r.getKey() + " is not derived from the"
            + " size names: no simulated size has it");
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (spec.getTemplate().getMetadata() != null && spec.getTemplate().getMetadata().getLabels() != null) {
      labels.putAll(spec.getTemplate().getMetadata().getLabels());
    }
    List<Taint> taints = new ArrayList<>();
    if (template.getTaints() != null) {
      template.getTaints().forEach(t -> taints.add(new Taint(t.getKey(), t.getValue(), t.getEffect().getValue())));
    }
    List<Taint> startup = new ArrayList<>();
    if (template.getStartupTaints() != null) {
      template.getStartupTaints().forEach(t -> startup.add(new Taint(t.getKey(), t.getValue(),
          t.getEffect().getValue())));
    }
    var disruption = spec.getDisruption();
    String policy = disruption == null || disruption.getConsolidationPolicy() == null ? "WhenEmptyOrUnderutilized"
        : disruption.getConsolidationPolicy().getValue();
    long after = disruption == null || disruption.getConsolidateAfter() == null ? 0
        : seconds(disruption.getConsolidateAfter());
    List<String> budgets = new ArrayList<>();
    if (disruption != null && disruption.getBudgets() != null) {
      for (var b : disruption.getBudgets()) {
        if (b.getSchedule() != null) {
          notes.add("NodePool " + nodePool.getMetadata().getName() + ": budget with schedule '" + b.getSchedule()
              + "' is taken as always active");
        }
        budgets.add(b.getNodes() == null ? "10%" : b.getNodes());
      }
    }
    if (budgets.isEmpty()) {
      budgets.add("10%");
    }
    Map<String, IntOrString> limits = spec.getLimits() == null ? Map.of() : spec.getLimits();
    String imageFamily = nodeClass == null || nodeClass.getSpec() == null
        || nodeClass.getSpec().getImageFamily() == null ? "Ubuntu" : nodeClass.getSpec().getImageFamily().getValue();
    String nodeClassName = template.getNodeClassRef() == null ? null : template.getNodeClassRef().getName();
    String hash = Integer.toHexString(Objects.hash(String.valueOf(spec.getTemplate()),
        nodeClass == null ? null : String.valueOf(nodeClass.getSpec())));
    return new Pool(nodePool.getMetadata().getName(), spec.getWeight() == null ? 0 : spec.getWeight(),
        requirements, labels, taints, startup, policy, after, budgets, milli(limits.get("cpu")),
        mebi(limits.get("memory")), count(limits.get("nodes")),
        template.getExpireAfter() == null ? DEFAULT_EXPIRE_AFTER : seconds(template.getExpireAfter()),
        nodeClassName, imageFamily, hash, notes);
  }

  private static final java.util.Set<String> DERIVED = java.util.Set.of("karpenter.azure.com/sku-name",
      "karpenter.azure.com/sku-family", "karpenter.azure.com/sku-series", "karpenter.azure.com/sku-version",
      "karpenter.azure.com/sku-cpu", "karpenter.azure.com/sku-memory",
      "karpenter.azure.com/sku-storage-premium-capable");

  /** Whether a size satisfies every requirement of this pool. */
  public boolean offers(InstanceType type) {
    return requirements.stream().allMatch(r -> r.matches(type.labels()));
  }

  /** A Go duration as Karpenter writes them ({@code 1h30m}, {@code 30s}), or Never. */
  static long seconds(String duration) {
    if ("Never".equals(duration)) {
      return NEVER;
    }
    long total = 0;
    var m = java.util.regex.Pattern.compile("(\\d+)(h|m|s)").matcher(duration);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total += switch (m.group(2)) {
        case "h" -> n * 3600;
        case "m" -> n * 60;
        default -> n;
      };
    }
    return total;
  }

  private static long milli(IntOrString value) {
    return value == null ? Long.MAX_VALUE
        : Quantity.getAmountInBytes(new Quantity(text(value))).multiply(
            java.math.BigDecimal.valueOf(1000)).longValue();
  }

  private static long mebi(IntOrString value) {
    return value == null ? Long.MAX_VALUE : Quantity.getAmountInBytes(new Quantity(text(value)))
        .divide(java.math.BigDecimal.valueOf(1024 * 1024), java.math.RoundingMode.DOWN).longValue();
  }

  private static long count(IntOrString value) {
    return value == null ? Long.MAX_VALUE : Long.parseLong(text(value));
  }

  private static String text(IntOrString value) {
    return value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
  }
}
