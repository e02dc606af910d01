package dev.autoscaling.workshop.benchmark;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Serialising the workshop's ScaledObject and NodePool: JSON, YAML through {@link Manifests} (Jackson's YAML
 * generator), and YAML through fabric8's {@code Serialization.asYaml} (a map conversion plus snakeyaml-engine),
 * which is the baseline the SDK's writer is chosen against.
 */
@State(Scope.Benchmark)
public class ManifestSerializationBenchmark {

  private final ScaledObject scaledObject = WorkshopManifests.virtualWorkerScaledObject();
  private final NodePool nodePool = WorkshopManifests.armNodePool(WorkshopManifests.DEFAULT_NODECLASS);

  @Benchmark
  public String scaledObjectJson() {
    return Manifests.toJson(scaledObject);
  }

  @Benchmark
  public String scaledObjectYaml() {
    return Manifests.toYaml(scaledObject);
  }

  @Benchmark
  public String scaledObjectYamlFabric8() {
    return Serialization.asYaml(scaledObject);
  }

  @Benchmark
  public String nodePoolJson() {
    return Manifests.toJson(nodePool);
  }

  @Benchmark
  public String nodePoolYaml() {
    return Manifests.toYaml(nodePool);
  }

  @Benchmark
  public String nodePoolYamlFabric8() {
    return Serialization.asYaml(nodePool);
  }
}
