package dev.autoscaling.workshop.step;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassStatus;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodeClaimStatus;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolStatus;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NAP steps against an API server where the test plays Karpenter: what they show of NAP's own objects, and
 * that a failed verification names the Karpenter condition that stopped the nodes, not only "no node".
 */
class KarpenterStepsWithControllersTest {

  private static final String READY = "conditions: [{type: Ready, status: 'True', reason: Ready, message: ''}]";

  private EmbeddedApiServer server;
  private KarpenterClient karpenter;
  private WorkshopContext context;

  @BeforeEach
  void startServer() {
    server = EmbeddedApiServer.start();
    karpenter = server.client().adapt(KarpenterClient.class);
    context = WorkshopContext.cluster(WorkshopConfig.defaults().withTimeout(Duration.ofSeconds(1)), server.client());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void shouldDescribeNapsNodePoolsAndNodeClassAndSayWhichAreMissing() {
    // Given NAP's default pool and node class, but no system-surge pool
    karpenter.nodePools().resource(Manifests.parse("""
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: default}
        spec:
          disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 0s}
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              expireAfter: Never
              requirements: [{key: karpenter.azure.com/sku-family, operator: In, values: [D]}]
        """, NodePool.class)).create();
    karpenter.aksNodeClasses().resource(Manifests.parse("""
        apiVersion: karpenter.azure.com/v1beta1
        kind: AKSNodeClass
        metadata: {name: default}
        spec: {imageFamily: Ubuntu2204, osDiskSizeGB: 128}
        """, AKSNodeClass.class)).create();

    // When
    StepOutcome outcome = new DefaultNodePoolsStep().apply(context);

    // Then
    assertThat(outcome.actions()).hasSize(3).satisfiesExactly(
        pool -> assertThat(pool).startsWith("NodePool default (weight 0, the lowest)")
            .contains("admits:      karpenter.azure.com/sku-family in D"),
        missing -> assertThat(missing).isEqualTo("nodepool/system-surge not found (Node Auto Provisioning creates it)"),
        nodeClass -> assertThat(nodeClass).startsWith("AKSNodeClass default")
            .contains("image:       Ubuntu2204 (Ubuntu 22.04)").contains("OS disk:     128 GB"));
  }

  @Test
  void shouldNameWhyTheArmPoolGotNoNode() {
    // Given the arm pool applied and Ready, and a claim Karpenter could not launch
    ArmNodePoolStep step = new ArmNodePoolStep(context.config());
    step.apply(context);
    karpenter.nodePools().withName(WorkshopManifests.ARM_NODEPOOL).editStatus(pool -> {
      pool.setStatus(Manifests.parse(READY, NodePoolStatus.class));
      return pool;
    });
    karpenter.nodeClaims().resource(Manifests.parse("""
        apiVersion: karpenter.sh/v1
        kind: NodeClaim
        metadata:
          name: arm-nodepool-x7k2p
          labels: {karpenter.sh/nodepool: arm-nodepool}
        spec:
          nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
          requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
        """, NodeClaim.class)).create();
    karpenter.nodeClaims().withName("arm-nodepool-x7k2p").editStatus(claim -> {
      claim.setStatus(Manifests.parse("""
          conditions:
          - {type: Launched, status: 'False', reason: InsufficientCapacity, message: no arm64 D-family capacity in eastus}
          """, NodeClaimStatus.class));
      return claim;
    });

    // When
    Verification verification = step.verify(context);

    // Then the check after the pool names the claim's condition, and no node check follows it
    assertThat(verification.checks()).filteredOn(c -> c.what().startsWith("NodePool "))
        .singleElement().extracting(Verification.Check::status).isEqualTo(Verification.Status.PASSED);
    assertThat(verification.checks().get(verification.checks().size() - 1)).satisfies(last -> {
      assertThat(last.what()).isEqualTo("a Ready NodeClaim of arm-nodepool");
      assertThat(last.status()).isEqualTo(Verification.Status.FAILED);
      assertThat(last.evidence()).contains("not Ready: arm-nodepool-x7k2p")
          .contains("Launched=False (InsufficientCapacity: no arm64 D-family capacity in eastus)");
    });
  }

  @Test
  void shouldStopAtTheAzureLinuxNodeClassWhileItIsNotReady() {
    // Given
    AzureLinuxStep step = new AzureLinuxStep(context.config());
    step.apply(context);
    karpenter.aksNodeClasses().withName(WorkshopManifests.AZURE_LINUX_NODECLASS).editStatus(nodeClass -> {
      nodeClass.setStatus(Manifests.parse("""
          conditions:
          - {type: ImagesReady, status: 'False', reason: ImagesNotFound, message: no Azure Linux image for arm64}
          - {type: Ready, status: 'False', reason: UnhealthyDependents, message: ImagesReady=False}
          """, AKSNodeClassStatus.class));
      return nodeClass;
    });

    // When
    Verification verification = step.verify(context);

    // Then
    assertThat(verification.failed()).isTrue();
    assertThat(verification.checks().get(verification.checks().size() - 1)).satisfies(last -> {
      assertThat(last.what()).isEqualTo("AKSNodeClass default-azurelinux Ready");
      assertThat(last.status()).isEqualTo(Verification.Status.FAILED);
      assertThat(last.evidence()).contains("ImagesReady=False (ImagesNotFound: no Azure Linux image for arm64)");
    });
    assertThat(verification.checks()).noneMatch(c -> c.what().startsWith("NodePool "));
  }
}
