package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.KarpenterValidation;
import dev.autoscaling.karpenter.NodePoolDefinition;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.KedaAdmission;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.keda.ScaledObjectDefinition;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.manifest.Manifests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.autoscaling.karpenter.NodePools.arm64;

/**
 * Where the time of {@link FacadeBenchmark}'s build-validate-serialise goes, phase by phase, in nanoseconds per
 * operation: the facade chain to an unchecked model object (for the ScaledObject: the definition's JSON tree read
 * into the model; for the NodePool: the definition alone, whose tree is private), the object to a JSON tree, the CRD's schema and CEL rules, KEDA's admission rules and scaler
 * catalogue (ScaledObject) or the whole NodePool validation, and serialising the object or its tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FacadePhasesBenchmark {

  private final ScaledObject scaledObject = scaledObjectDefinition().build();
  private final JsonNode scaledObjectTree = Manifests.toTree(scaledObject);
  private final NodePool nodePool = nodePoolDefinition().build();
  private final JsonNode nodePoolTree = Manifests.toTree(nodePool);

  private static ScaledObjectDefinition scaledObjectDefinition() {
    return ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"));
  }

  private static NodePoolDefinition nodePoolDefinition() {
    return arm64().linux().onDemand().skuFamily("D")
        .named("arm-nodepool").weight(10)
        .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
        .nodeClass(AKSNodeClasses.reference("default"));
  }

  @Benchmark
  public Object scaledObject1Chain() {
    return scaledObjectDefinition().buildUnchecked();
  }

  @Benchmark
  public Object scaledObject2Tree() {
    return Manifests.toTree(scaledObject);
  }

  @Benchmark
  public Object scaledObject3Crd() {
    return KedaCrds.validator().validate(scaledObjectTree);
  }

  @Benchmark
  public Object scaledObject4Admission() {
    return KedaAdmission.check(scaledObjectTree);
  }

  @Benchmark
  public Object scaledObject5JsonFromObject() {
    return Manifests.toJson(scaledObject);
  }

  @Benchmark
  public Object scaledObject6JsonFromTree() {
    return Manifests.toJson(scaledObjectTree);
  }

  @Benchmark
  public Object nodePool1Chain() {
    return nodePoolDefinition();
  }

  @Benchmark
  public Object nodePool3Validation() {
    return KarpenterValidation.check(nodePoolTree);
  }

  @Benchmark
  public Object nodePool5JsonFromObject() {
    return Manifests.toJson(nodePool);
  }

  @Benchmark
  public Object nodePool6JsonFromTree() {
    return Manifests.toJson(nodePoolTree);
  }
}
