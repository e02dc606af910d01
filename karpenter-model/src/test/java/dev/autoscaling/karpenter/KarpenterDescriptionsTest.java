package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workshop's "have a look at the NodePool definitions that ship with the NAP managed add-on", on the objects
 * AKS Node Auto Provisioning creates (fixture {@code describe/nap-defaults.yaml}).
 */
class KarpenterDescriptionsTest {

  private static final List<JsonNode> NAP = JsonTrees.resourceDocuments("describe/nap-defaults.yaml");

  @Test
  void shouldHaveFixturesTheCrdsAccept() {
    assertThat(NAP).extracting(d -> d.path("kind").asText() + "/" + d.at("/metadata/name").asText())
        .containsExactly("NodePool/default", "NodePool/system-surge", "AKSNodeClass/default");
    NAP.forEach(document -> assertThat(KarpenterCrds.azure().validate(document).errors())
        .as(document.at("/metadata/name").asText()).isEmpty());
  }

  @Test
  void shouldDescribeNapsDefaultNodePool() {
    String text = KarpenterDescriptions.describe(NAP.get(0));

    assertThat(text).startsWith("NodePool default (weight 0, the lowest)\n")
        .contains("admits:      kubernetes.io/arch in amd64; kubernetes.io/os in linux;"
            + " karpenter.sh/capacity-type in on-demand; karpenter.azure.com/sku-family in D")
        .contains("node class:  AKSNodeClass default (karpenter.azure.com)")
        .contains("limits:      none")
        .contains("disruption:  consolidate WhenEmptyOrUnderutilized after 0s; at most 10% of nodes at once")
        .contains("expires:     Never")
        .contains("taints:      none; until started: node.cilium.io/agent-not-ready=true:NoExecute")
        .contains("status:      Ready")
        .contains("provisioned: 1 node with cpu 2, memory 8130604Ki, pods 250");
  }

  @Test
  void shouldShowThatSystemSurgeOnlyTakesSystemPods() {
    String text = KarpenterDescriptions.describe(NAP.get(1));

    assertThat(text).startsWith("NodePool system-surge (weight 0, the lowest): System NodePool (surge capacity)\n")
        .contains("labels:      kubernetes.azure.com/mode=system, kubernetes.azure.com/ebpf-dataplane=cilium")
        .contains("taints:      CriticalAddonsOnly=true:NoSchedule; until started:")
        .contains("at most 30% of nodes at once")
        .contains("provisioned: 0 nodes");
  }

  @Test
  void shouldDescribeNapsDefaultNodeClass() {
    assertThat(KarpenterDescriptions.describe(NAP.get(2))).isEqualTo("""
        AKSNodeClass default
          image:       Ubuntu2204 (Ubuntu 22.04)
          OS disk:     128 GB, ephemeral where the VM size has room for it
          subnet:      the cluster's node subnet
          max pods:    set by the cluster's network (Azure CNI overlay 250, Azure CNI node subnet 30, kubenet 110)
          kubelet:     AKS defaults
          security:    not FIPS; encryption at host off
          tags:        none
          status:      Ready
          resolved:    Kubernetes 1.33.2; images 2204gen2containerd 202511.07.0 (amd64), \
        2204gen2arm64containerd 202511.07.0 (arm64)""");
  }

  @Test
  void shouldDescribeAllInOrderSeparatedByAnEmptyLine() {
    String text = KarpenterDescriptions.describeAll(NAP);

    assertThat(text.split("\n\n")).hasSize(3).satisfiesExactly(
        first -> assertThat(first).startsWith("NodePool default"),
        second -> assertThat(second).startsWith("NodePool system-surge"),
        third -> assertThat(third).startsWith("AKSNodeClass default"));
  }

  @Test
  void shouldRefuseKindsItCannotDescribeSayingWhichItCan() {
    JsonNode overlay = dev.autoscaling.manifest.Manifests.parseAll("""
        apiVersion: karpenter.sh/v1alpha1
        kind: NodeOverlay
        metadata: {name: cheaper-spot}
        """).get(0);
    JsonNode bareSpec = dev.autoscaling.manifest.Manifests.parseAll("imageFamily: Ubuntu").get(0);

    assertThatThrownBy(() -> KarpenterDescriptions.describe(overlay)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kind: NodeOverlay has no description; describe takes a NodePool, AKSNodeClass or"
            + " EC2NodeClass");
    assertThatThrownBy(() -> KarpenterDescriptions.describe(bareSpec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kind: missing;");
    assertThatThrownBy(() -> NodePoolDescriptions.describe(NAP.get(2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kind: is AKSNodeClass where NodePool was expected");
  }
}
