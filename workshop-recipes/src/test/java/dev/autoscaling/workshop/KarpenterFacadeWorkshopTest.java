package dev.autoscaling.workshop;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.NodePoolDefinition;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.autoscaling.karpenter.NodePools.arm64;
import static org.assertj.core.api.Assertions.assertThat;

/** The workshop's three Karpenter objects, each one readable chain, equal in meaning to the workshop's YAML. */
class KarpenterFacadeWorkshopTest {

  private static final NodePoolDefinition ARM_POOL = arm64().linux().onDemand().skuFamily("D")
      .named("arm-nodepool").weight(10)
      .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1));

  @Test
  void shouldBuildTheFirstArmNodePool() {
    assertThat(JsonTrees.treeOf(ARM_POOL.nodeClass(AKSNodeClasses.reference("default")).build()))
        .isEqualTo(JsonTrees.resourceDocument("workshop/arm-nodepool-profile.yaml"));
  }

  @Test
  void shouldBuildTheAzureLinuxNodeClassAndTheSecondArmNodePoolOnIt() {
    List<com.fasterxml.jackson.databind.JsonNode> workshop =
        JsonTrees.resourceDocuments("workshop/arm-nodepool-profile_v2.yaml");

    AKSNodeClass azureLinux = AKSNodeClasses.azureLinux().named("default-azurelinux")
        .description("General purpose AKSNodeClass for running Azure Linux nodes").build();

    assertThat(JsonTrees.treeOf(azureLinux)).isEqualTo(workshop.get(0));
    assertThat(JsonTrees.treeOf(ARM_POOL.nodeClass(azureLinux).build())).isEqualTo(workshop.get(1));
  }
}
