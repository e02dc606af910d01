package dev.autoscaling.workshop.benchmark;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.NodePoolDefinition;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.manifest.Manifests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;

import static dev.autoscaling.karpenter.NodePools.arm64;

/**
 * The workshop NodePool through the facade: build (with validation against the Azure CRD and the label
 * catalogue) and serialise, against serialising the same ready-made object with Jackson alone.
 */
@State(Scope.Benchmark)
public class FacadeBenchmark {

  private final NodePool built = definition().build();

  private static NodePoolDefinition definition() {
    return arm64().linux().onDemand().skuFamily("D")
        .named("arm-nodepool").weight(10)
        .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
        .nodeClass(AKSNodeClasses.named("default"));
  }

  @Benchmark
  public String buildValidateJson() {
    return Manifests.toJson(definition().build());
  }

  @Benchmark
  public String buildValidateYaml() {
    return Manifests.toYaml(definition().build());
  }

  @Benchmark
  public String jsonOnly() {
    return Manifests.toJson(built);
  }

  @Benchmark
  public String yamlOnly() {
    return Manifests.toYaml(built);
  }
}
