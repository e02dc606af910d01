package dev.autoscaling.karpenter;

import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NodePoolDescriptionsTest {

  @Test
  void shouldSummariseTheWorkshopNodePool() {
    String text = NodePoolDescriptions.describe(NodePools.arm64().linux().onDemand().skuFamily("D")
        .named("arm-nodepool").weight(10).consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
        .nodeClass(AKSNodeClasses.reference("default")).build());

    assertThat(text).isEqualTo("""
        NodePool arm-nodepool (weight 10)
          admits:      kubernetes.io/arch in arm64; kubernetes.io/os in linux; karpenter.sh/capacity-type in on-demand; karpenter.azure.com/sku-family in D
          node class:  AKSNodeClass default (karpenter.azure.com)
          limits:      none
          disruption:  consolidate WhenEmptyOrUnderutilized after 1s; at most 10% (default) of nodes at once
          expires:     720h (default)""");
  }

  @Test
  void shouldSummariseANodePoolReadFromYaml() {
    // Given a NodePool like the system-surge pool NAP ships
    var pool = Manifests.parseAll("""
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: system-surge}
        spec:
          disruption:
            consolidationPolicy: WhenEmpty
            consolidateAfter: 30s
            budgets: [{nodes: '1'}]
          limits: {cpu: '100'}
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              expireAfter: Never
              requirements:
              - {key: kubernetes.azure.com/mode, operator: In, values: [system]}
              - {key: karpenter.azure.com/sku-cpu, operator: Gte, values: ['4']}
              taints:
              - {key: CriticalAddonsOnly, value: 'true', effect: NoSchedule}
        """).get(0);

    // When
    String text = NodePoolDescriptions.describe(pool);

    // Then
    assertThat(text).contains("NodePool system-surge (weight 0, the lowest)")
        .contains("kubernetes.azure.com/mode in system; karpenter.azure.com/sku-cpu >= 4")
        .contains("limits:      cpu 100")
        .contains("consolidate WhenEmpty after 30s; at most 1 of nodes at once")
        .contains("expires:     Never")
        .contains("taints:      CriticalAddonsOnly=true:NoSchedule");
  }

  @Test
  void shouldSayWhyANodePoolReadFromTheClusterIsNotReady() {
    // Given a pool whose node class does not exist (yet)
    var pool = Manifests.parseAll("""
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: arm-nodepool, generation: 1}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default-azurelinux}
              requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
        status:
          nodes: 0
          conditions:
          - {type: ValidationSucceeded, status: 'True', reason: ValidationSucceeded, message: ''}
          - {type: NodeClassReady, status: 'False', reason: NodeClassNotFound, message: NodeClass not found on cluster}
          - {type: Ready, status: 'False', reason: UnhealthyDependents, message: NodeClassReady=False}
        """).get(0);

    // When
    String text = NodePoolDescriptions.describe(pool);

    // Then
    assertThat(text).contains("  status:      Ready=False (UnhealthyDependents: NodeClassReady=False); "
            + "NodeClassReady=False (NodeClassNotFound: NodeClass not found on cluster)\n")
        .endsWith("  provisioned: 0 nodes");
  }
}
