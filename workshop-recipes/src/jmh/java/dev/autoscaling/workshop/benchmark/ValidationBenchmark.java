package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.workshop.WorkshopManifests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating the workshop's NodePool against the Azure Karpenter CRD set: structural schema (with defaulting)
 * and all 30 NodePool CEL rules. The baseline is plain Jackson JSON serialisation of the same object.
 *
 * <p>The validator remembers rule outcomes by value for small values, so validating the same object again is
 * cheaper than the first time. {@code validateDistinctNodePools} shows the other end: a stream of 65,536
 * NodePools that differ in weight, requirement values and consolidation delay, so nearly every composite value
 * is new (at most 4,096 per rule are remembered, within the validator's memory budget; oldest out first).
 */
@State(Scope.Benchmark)
public class ValidationBenchmark {

  private final NodePool nodePool = WorkshopManifests.armNodePool(WorkshopManifests.DEFAULT_NODECLASS);
  private CrdValidator validator;
  private JsonNode tree;
  private JsonNode[] distinct;
  private int next;

  @Setup
  public void setUp() {
    validator = KarpenterCrds.azure();
    tree = Manifests.toTree(nodePool);
    ValidationReport report = validator.validate(tree);
    if (!report.violations().isEmpty()) {
      throw new IllegalStateException("the workshop NodePool must be valid: " + report);
    }
    distinct = new JsonNode[65_536];
    for (int i = 0; i < distinct.length; i++) {
      ObjectNode pool = tree.deepCopy();
      ObjectNode spec = (ObjectNode) pool.get("spec");
      spec.put("weight", 1 + i % 100);
      ((ObjectNode) spec.get("disruption")).put("consolidateAfter", (i % 3600) + "s");
      ArrayNode requirements = (ArrayNode) spec.at("/template/spec/requirements");
      ((ArrayNode) requirements.get(3).get("values")).removeAll().add("D").add("E" + i);
      distinct[i] = pool;
    }
    if (!validator.validate(distinct[distinct.length - 1]).violations().isEmpty()) {
      throw new IllegalStateException("the distinct NodePools must be valid");
    }
  }

  @Benchmark
  public ValidationReport validateDistinctNodePools() {
    JsonNode pool = distinct[next];
    next = (next + 1) % distinct.length;
    return validator.validate(pool);
  }

  @Benchmark
  public ValidationReport validateNodePoolModel() {
    return validator.validate(nodePool);
  }

  @Benchmark
  public ValidationReport validateNodePoolTree() {
    return validator.validate(tree);
  }

  @Benchmark
  public String serializeNodePoolJson() {
    return Manifests.toJson(nodePool);
  }
}
