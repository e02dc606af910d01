package dev.autoscaling.workshop.benchmark;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.NodePoolDefinition;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.ScaledObjectDefinition;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.manifest.Manifests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;

import static dev.autoscaling.karpenter.NodePools.arm64;

/**
 * The workshop NodePool and ScaledObject through the facades: build (with validation against the pinned CRD, the
 * label catalogue or KEDA's admission rules and scaler catalogue) and serialise, against serialising the same
 * ready-made object with Jackson alone. Two ways: {@code build()} then {@code Manifests.toJson}, and the
 * definition's own {@code toJson()}, which writes from the tree the validation made.
 */
@State(Scope.Benchmark)
public class FacadeBenchmark {

  private final NodePool built = definition().build();
  private final ScaledObject builtScaledObject = scaledObject();

  private static ScaledObject scaledObject() {
    return scaledObjectDefinition().build();
  }

  private static ScaledObjectDefinition scaledObjectDefinition() {
    return ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("trigger-auth-rabbitmq-conn"));
  }

  @Benchmark
  public String scaledObjectBuildValidateJson() {
    return Manifests.toJson(scaledObject());
  }

  @Benchmark
  public String scaledObjectBuildValidateYaml() {
    return Manifests.toYaml(scaledObject());
  }

  /** The same three steps in one call: validated and written from the one tree. */
  @Benchmark
  public String scaledObjectRenderJson() {
    return scaledObjectDefinition().toJson();
  }

  @Benchmark
  public String scaledObjectRenderYaml() {
    return scaledObjectDefinition().toYaml();
  }

  @Benchmark
  public String scaledObjectJsonOnly() {
    return Manifests.toJson(builtScaledObject);
  }

  @Benchmark
  public String scaledObjectYamlOnly() {
    return Manifests.toYaml(builtScaledObject);
  }

  private static NodePoolDefinition definition() {
    return arm64().linux().onDemand().skuFamily("D")
        .named("arm-nodepool").weight(10)
        .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
        .nodeClass(AKSNodeClasses.reference("default"));
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
  public String renderJson() {
    return definition().toJson();
  }

  @Benchmark
  public String renderYaml() {
    return definition().toYaml();
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
