package dev.autoscaling.karpenter.status;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessTest {

  private static final String CLAIM = """
      apiVersion: karpenter.sh/v1
      kind: NodeClaim
      metadata: {name: arm-nodepool-x7k2p, generation: 1}
      spec:
        nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
        requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
      """;

  @Test
  void shouldBeReadyWhenKarpenterSaysReady() {
    Readiness readiness = Readiness.of(Manifests.parse(CLAIM + """
        status:
          conditions:
          - {type: Launched, status: 'True', reason: Launched, message: '', observedGeneration: 1}
          - {type: Registered, status: 'True', reason: Registered, message: '', observedGeneration: 1}
          - {type: Initialized, status: 'True', reason: Initialized, message: '', observedGeneration: 1}
          - {type: Ready, status: 'True', reason: Ready, message: '', observedGeneration: 1}
        """, NodeClaim.class));

    assertThat(readiness.isReady()).isTrue();
    assertThat(readiness.explanation()).isEqualTo("Ready");
    assertThat(readiness).hasToString("NodeClaim arm-nodepool-x7k2p: Ready");
  }

  @Test
  void shouldNameTheStepsANodeClaimIsStuckAtWithReasonAndMessage() {
    // Given launched but not registered; Drifted is informational and must not be blamed
    Readiness readiness = Readiness.of(Manifests.parseAll(CLAIM + """
        status:
          conditions:
          - {type: Launched, status: 'True', reason: Launched, message: ''}
          - {type: Registered, status: 'False', reason: NodeNotFound, message: Node not registered with cluster}
          - {type: Drifted, status: 'True', reason: NodeClassDrifted, message: ''}
          - {type: Ready, status: 'False', reason: UnhealthyDependents, message: Registered=False}
        """).get(0));

    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.explanation()).isEqualTo("Ready=False (UnhealthyDependents: Registered=False); "
        + "Registered=False (NodeNotFound: Node not registered with cluster); Initialized not reported");
  }

  @Test
  void shouldNotTrustAReadyConditionLeftFromAnOlderSpec() {
    Readiness readiness = Readiness.of(Manifests.parseAll(CLAIM.replace("generation: 1", "generation: 3") + """
        status:
          conditions:
          - {type: Ready, status: 'True', reason: Ready, message: '', observedGeneration: 2}
        """).get(0));

    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.explanation()).contains("Ready=True is for generation 2")
        .contains("is at generation 3");
  }

  @Test
  void shouldSayWhenNoControllerHasReportedYet() {
    Readiness readiness = Readiness.of(AKSNodeClasses.azureLinux().named("default-azurelinux").build());

    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.hasStatus()).isFalse();
    assertThat(readiness.explanation()).isEqualTo("no status conditions yet (has a Karpenter controller seen this"
        + " AKSNodeClass?)");
  }

  @Test
  void shouldListTheNodeClassConditionsThatAreNotTrue() {
    Readiness readiness = Readiness.of(Manifests.parseAll("""
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: default}
        status:
          conditions:
          - {type: AMIsReady, status: 'False', reason: AMINotFound, message: AMISelector did not match any AMIs}
          - {type: SubnetsReady, status: 'True', reason: SubnetsReady, message: ''}
          - {type: SecurityGroupsReady, status: 'True', reason: SecurityGroupsReady, message: ''}
          - {type: InstanceProfileReady, status: 'Unknown', reason: AwaitingReconciliation, message: ''}
          - {type: ValidationSucceeded, status: 'True', reason: ValidationSucceeded, message: ''}
        """).get(0));

    assertThat(readiness.condition("SubnetsReady")).hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    assertThat(readiness.explanation()).isEqualTo("Ready not reported; "
        + "AMIsReady=False (AMINotFound: AMISelector did not match any AMIs); "
        + "InstanceProfileReady=Unknown (AwaitingReconciliation)");
  }

  @Test
  void shouldRejectANullResourceSayingWhereItUsuallyComesFrom() {
    assertThatThrownBy(() -> Readiness.of(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource: is null").hasMessageContaining("get() returns null");
  }
}
