package dev.autoscaling.workshop.benchmark;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.benchmark.withdefaults.NodePoolBuilder;
import dev.autoscaling.workshop.benchmark.withdefaults.nodepoolspec.Disruption;
import dev.autoscaling.workshop.benchmark.withdefaults.nodepoolspec.template.spec.Requirements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Building the workshop's objects with the generated builders.
 *
 * <p>{@code nodePoolWithDefaultsBakedIn} is the baseline: the same NodePool built with classes that java-generator
 * made from the pinned CRD as it is, so every schema default is a field initialiser (list and object defaults are
 * parsed from JSON on each construction). The SDK's models are generated without them.
 */
@State(Scope.Benchmark)
public class ManifestBuildBenchmark {

  @Benchmark
  public ScaledObject scaledObject() {
    return WorkshopManifests.virtualWorkerScaledObject();
  }

  @Benchmark
  public NodePool nodePool() {
    return WorkshopManifests.armNodePool(WorkshopManifests.DEFAULT_NODECLASS);
  }

  @Benchmark
  public dev.autoscaling.workshop.benchmark.withdefaults.NodePool nodePoolWithDefaultsBakedIn() {
    // Same calls as WorkshopManifests.armNodePool, on the classes with defaults baked in.
    return new NodePoolBuilder()
        .withNewMetadata().withName(WorkshopManifests.ARM_NODEPOOL).endMetadata()
        .withNewSpec()
        .withWeight(10)
        .withNewDisruption()
        .withConsolidationPolicy(Disruption.ConsolidationPolicy.WHENEMPTYORUNDERUTILIZED)
        .withConsolidateAfter("1s")
        .endDisruption()
        .withNewTemplate().withNewSpec()
        .withNewNodeClassRef().withGroup("karpenter.azure.com").withKind("AKSNodeClass")
        .withName(WorkshopManifests.DEFAULT_NODECLASS).endNodeClassRef()
        .addNewRequirement().withKey("kubernetes.io/arch").withOperator(Requirements.Operator.IN)
        .withValues("arm64").endRequirement()
        .addNewRequirement().withKey("kubernetes.io/os").withOperator(Requirements.Operator.IN)
        .withValues("linux").endRequirement()
        .addNewRequirement().withKey("karpenter.sh/capacity-type").withOperator(Requirements.Operator.IN)
        .withValues("on-demand").endRequirement()
        .addNewRequirement().withKey("karpenter.azure.com/sku-family").withOperator(Requirements.Operator.IN)
        .withValues("D").endRequirement()
        .endSpec().endTemplate()
        .endSpec()
        .build();
  }
}
