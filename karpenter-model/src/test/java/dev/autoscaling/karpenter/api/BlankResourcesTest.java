package dev.autoscaling.karpenter.api;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolSpec;
import dev.autoscaling.karpenter.api.v1alpha1.NodeOverlay;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.client.CustomResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blank()} (added to every generated custom resource by the build's BlankResources step, see keda-model) makes
 * the object the no-argument constructor makes, and each one is its own.
 */
class BlankResourcesTest {

  private record Kind(Supplier<CustomResource<?, ?>> constructor, Supplier<CustomResource<?, ?>> blank) {
  }

  private static final List<Kind> KINDS = List.of(
      new Kind(NodePool::new, NodePool::blank),
      new Kind(NodeClaim::new, NodeClaim::blank),
      new Kind(NodeOverlay::new, NodeOverlay::blank),
      new Kind(EC2NodeClass::new, EC2NodeClass::blank),
      new Kind(dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass::new,
          dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass::blank),
      new Kind(dev.autoscaling.karpenter.api.azure.v1alpha2.AKSNodeClass::new,
          dev.autoscaling.karpenter.api.azure.v1alpha2.AKSNodeClass::blank));

  @Test
  void blankIsWhatTheConstructorMakes() {
    for (Kind kind : KINDS) {
      CustomResource<?, ?> made = kind.constructor().get();
      CustomResource<?, ?> blank = kind.blank().get();
      assertThat(blank).isEqualTo(made).hasSameClassAs(made);
      assertThat(seen(blank)).isEqualTo(seen(made));
      assertThat(blank.getSpec()).isNull();
      assertThat(blank.getStatus()).isNull();
    }
  }

  /** What fabric8, Lombok and Jackson make of an object. */
  private static List<Object> seen(CustomResource<?, ?> r) {
    return List.of(r.hashCode(), r.toString(), Manifests.toJson(r), Manifests.toYaml(r), r.getApiVersion(),
        r.getKind(), r.getCRDName(), r.getPlural(), r.getSingular(), r.getScope(), r.isServed(), r.isStorage(),
        r.isDeprecated(), String.valueOf(r.getDeprecationWarning()));
  }

  @Test
  void eachBlankIsItsOwn() {
    for (Kind kind : KINDS) {
      CustomResource<?, ?> first = kind.blank().get();
      first.getMetadata().setName("changed");
      first.getMetadata().getLabels().put("app", "changed");
      CustomResource<?, ?> second = kind.blank().get();
      assertThat(second.getMetadata()).isNotSameAs(first.getMetadata());
      assertThat(second).isEqualTo(kind.constructor().get());
      assertThat(second.getMetadata().getName()).isNull();
    }
    NodePool withSpec = NodePool.blank();
    withSpec.setSpec(new NodePoolSpec());
    assertThat(NodePool.blank().getSpec()).isNull();
  }
}
