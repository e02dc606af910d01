package dev.autoscaling.karpenter.api;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pinned NodePool CRD defaults disruption, budgets, consolidationPolicy and expireAfter. The model must not:
 * what is serialised is what the user set, and "unset" stays distinguishable from "set to the default".
 */
class NoMaterialisedDefaultsTest {

  @Test
  void shouldLeaveEveryFieldTheUserDidNotSetUnset() {
    // When
    Disruption disruption = new Disruption();
    NodePool pool = new NodePoolBuilder()
        .withNewMetadata().withName("minimal").endMetadata()
        .withNewSpec()
        .withNewTemplate().withNewSpec()
        .withNewNodeClassRef().withGroup("karpenter.azure.com").withKind("AKSNodeClass").withName("default")
        .endNodeClassRef()
        .endSpec().endTemplate()
        .endSpec()
        .build();

    // Then
    assertThat(disruption.getBudgets()).isNull();
    assertThat(disruption.getConsolidationPolicy()).isNull();
    assertThat(disruption.getConsolidateAfter()).isNull();
    assertThat(pool.getSpec().getDisruption()).isNull();
    assertThat(pool.getSpec().getTemplate().getSpec().getExpireAfter()).isNull();
    assertThat(Manifests.toJson(pool)).isEqualTo("{\"apiVersion\":\"karpenter.sh/v1\",\"kind\":\"NodePool\","
        + "\"metadata\":{\"name\":\"minimal\"},\"spec\":{\"template\":{\"spec\":{\"nodeClassRef\":"
        + "{\"group\":\"karpenter.azure.com\",\"kind\":\"AKSNodeClass\",\"name\":\"default\"}}}}}");
  }
}
