package dev.autoscaling.workshop.client;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.EC2NodeClasses;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClassStatus;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassStatus;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodeClaimStatus;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.karpenter.client.NotReadyException;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.StatusConditions;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The waits of {@link KarpenterClient} against the CRUD mock API server: the test plays Karpenter and writes the
 * status a real controller would.
 */
@EnableKubernetesMockClient(crud = true)
class KarpenterClientWaitTest {

  private static final String LAUNCHED = "- {type: Launched, status: 'True', reason: Launched, message: ''}\n";
  private static final String READY_CLAIM = """
      conditions:
      - {type: Launched, status: 'True', reason: Launched, message: ''}
      - {type: Registered, status: 'True', reason: Registered, message: ''}
      - {type: Initialized, status: 'True', reason: Initialized, message: ''}
      - {type: Ready, status: 'True', reason: Ready, message: ''}
      nodeName: aks-arm-nodepool-x7k2p
      """;

  private static final String NODE_CLAIMS = "/apis/karpenter.sh/v1/nodeclaims";

  KubernetesClient client;
  KubernetesMockServer server;
  KarpenterClient karpenter;

  @BeforeEach
  void adapt() {
    karpenter = client.adapt(KarpenterClient.class);
  }

  @Test
  void shouldWaitUntilANodeClaimIsLaunchedRegisteredAndInitialized() throws Exception {
    // Given a claim Karpenter has just made
    karpenter.nodeClaims().resource(claim("arm-nodepool-x7k2p", "arm-nodepool")).create();
    CompletableFuture<NodeClaim> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitUntilNodeClaimReady("arm-nodepool-x7k2p", Duration.ofSeconds(10)));

    CompletableFuture<?> launchedSeen = witness(claims -> claims.stream()
        .anyMatch(claim -> StatusConditions.isTrue(claim, "Launched")));

    // When it launches (not yet Ready), then registers and initialises
    setStatus("arm-nodepool-x7k2p", "conditions:\n" + LAUNCHED
        + "- {type: Ready, status: Unknown, reason: AwaitingReconciliation, message: ''}\n");
    launchedSeen.get(10, TimeUnit.SECONDS);
    boolean doneWhenOnlyLaunched = ready.isDone();
    setStatus("arm-nodepool-x7k2p", READY_CLAIM);

    // Then the wait returns the Ready claim, and only then
    assertThat(doneWhenOnlyLaunched).isFalse();
    assertThat(ready.get(10, TimeUnit.SECONDS).getStatus().getNodeName()).isEqualTo("aks-arm-nodepool-x7k2p");
  }

  @Test
  void shouldNameTheConditionANodeClaimIsStuckAtWhenTimeRunsOut() {
    // Given a claim whose VM never registers as a Node
    karpenter.nodeClaims().resource(claim("arm-nodepool-x7k2p", "arm-nodepool")).create();
    setStatus("arm-nodepool-x7k2p", "conditions:\n" + LAUNCHED + """
        - {type: Registered, status: 'False', reason: NodeNotFound, message: Node not registered with cluster}
        - {type: Initialized, status: Unknown, reason: AwaitingReconciliation, message: ''}
        - {type: Ready, status: 'False', reason: UnhealthyDependents, message: Registered=False}
        """);

    // When / Then
    assertThatThrownBy(() -> karpenter.waitUntilNodeClaimReady("arm-nodepool-x7k2p", Duration.ofMillis(800)))
        .isInstanceOf(NotReadyException.class).isInstanceOf(KubernetesClientTimeoutException.class)
        .hasMessage("NodeClaim arm-nodepool-x7k2p was not Ready within 800ms; last seen: "
            + "Ready=False (UnhealthyDependents: Registered=False); "
            + "Registered=False (NodeNotFound: Node not registered with cluster); "
            + "Initialized=Unknown (AwaitingReconciliation)")
        .satisfies(e -> assertThat(((NotReadyException) e).getResourcesNotReady())
            .extracting(r -> r.getMetadata().getName()).containsExactly("arm-nodepool-x7k2p"));
  }

  @Test
  void shouldStopWaitingForANodeClaimKarpenterDeleted() throws Exception {
    // Given a claim that could not launch: Karpenter records why, then deletes it
    karpenter.nodeClaims().resource(claim("arm-nodepool-x7k2p", "arm-nodepool")).create();
    setStatus("arm-nodepool-x7k2p", """
        conditions:
        - {type: Launched, status: 'False', reason: InsufficientCapacity, message: no capacity for Standard_D2ps_v6}
        """);
    CompletableFuture<NodeClaim> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitUntilNodeClaimReady("arm-nodepool-x7k2p", Duration.ofSeconds(30)));
    MockServerWatches.await(server, NODE_CLAIMS, 1, Duration.ofSeconds(10)); // listed it, and watches

    // When
    karpenter.nodeClaims().withName("arm-nodepool-x7k2p").delete();

    // Then well before the 30 s
    assertThatThrownBy(() -> ready.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
        .cause().hasMessageContaining("NodeClaim arm-nodepool-x7k2p was deleted before it became Ready")
        .hasMessageContaining("Launched=False (InsufficientCapacity: no capacity for Standard_D2ps_v6)");
  }

  @Test
  void shouldSayWhenTheObjectWaitedForNeverExisted() {
    assertThatThrownBy(() -> karpenter.waitUntilNodeClaimReady("arm-nodepool-typo", Duration.ofMillis(500)))
        .isInstanceOf(NotReadyException.class)
        .hasMessage("NodeClaim arm-nodepool-typo was not found within 500ms: is the name right?");
  }

  @Test
  void shouldWaitUntilAnEc2NodeClassResolvesItsAmis() throws Exception {
    // Given
    karpenter.ec2NodeClasses().resource(ec2NodeClass()).create();
    CompletableFuture<EC2NodeClass> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitUntilEc2NodeClassReady("default", Duration.ofSeconds(10)));

    // When
    karpenter.ec2NodeClasses().withName("default").editStatus(nodeClass -> {
      nodeClass.setStatus(Manifests.parse("""
          amis: [{id: ami-0123456789abcdef0, name: al2023, requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]}]
          conditions:
          - {type: Ready, status: 'True', reason: Ready, message: ''}
          """, EC2NodeClassStatus.class));
      return nodeClass;
    });

    // Then
    assertThat(ready.get(10, TimeUnit.SECONDS).getStatus().getAmis()).hasSize(1);
  }

  @Test
  void shouldNameTheSelectorThatMatchedNothingWhenAnEc2NodeClassStaysNotReady() {
    karpenter.ec2NodeClasses().resource(ec2NodeClass()).create();
    karpenter.ec2NodeClasses().withName("default").editStatus(nodeClass -> {
      nodeClass.setStatus(Manifests.parse("""
          conditions:
          - {type: AMIsReady, status: 'False', reason: AMINotFound, message: AMISelector did not match any AMIs}
          - {type: SubnetsReady, status: 'True', reason: SubnetsReady, message: ''}
          - {type: Ready, status: 'False', reason: UnhealthyDependents, message: AMIsReady=False}
          """, EC2NodeClassStatus.class));
      return nodeClass;
    });

    assertThatThrownBy(() -> karpenter.waitUntilEc2NodeClassReady("default", Duration.ofMillis(500)))
        .isInstanceOf(NotReadyException.class)
        .hasMessageContaining("EC2NodeClass default was not Ready within 500ms")
        .hasMessageContaining("AMIsReady=False (AMINotFound: AMISelector did not match any AMIs)")
        .hasMessageContaining("SecurityGroupsReady, InstanceProfileReady, ValidationSucceeded not reported")
        .hasMessageNotContaining("SubnetsReady");
  }

  @Test
  void shouldNameTheFailingConditionOfAnAksNodeClass() {
    karpenter.aksNodeClasses().resource(AKSNodeClasses.azureLinux().named("default-azurelinux").build()).create();
    karpenter.aksNodeClasses().withName("default-azurelinux").editStatus(nodeClass -> {
      nodeClass.setStatus(Manifests.parse("""
          conditions:
          - {type: SubnetsReady, status: 'False', reason: SubnetNotFound, message: subnet aks-subnet does not exist}
          - {type: Ready, status: 'False', reason: UnhealthyDependents, message: SubnetsReady=False}
          """, AKSNodeClassStatus.class));
      return nodeClass;
    });

    assertThatThrownBy(() -> karpenter.waitUntilAksNodeClassReady("default-azurelinux", Duration.ofMillis(500)))
        .isInstanceOf(NotReadyException.class)
        .hasMessageContaining("SubnetsReady=False (SubnetNotFound: subnet aks-subnet does not exist)");
  }

  @Test
  void shouldAnswerTheReadyNodeClaimsOfANodePoolOnceEnoughAreReady() throws Exception {
    // Given two claims of arm-nodepool and a Ready one of another pool, which must not count
    karpenter.nodeClaims().resource(claim("arm-nodepool-b2", "arm-nodepool")).create();
    karpenter.nodeClaims().resource(claim("arm-nodepool-a1", "arm-nodepool")).create();
    karpenter.nodeClaims().resource(claim("default-z9", "default")).create();
    setStatus("default-z9", READY_CLAIM);
    CompletableFuture<List<NodeClaim>> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitForNodeClaims("arm-nodepool", 2, Duration.ofSeconds(10)));

    CompletableFuture<?> oneSeen = witness(claims -> claims.stream().anyMatch(
        claim -> claim.getMetadata().getName().equals("arm-nodepool-b2") && StatusConditions.isTrue(claim, "Ready")));

    // When one, then the other becomes Ready
    setStatus("arm-nodepool-b2", READY_CLAIM);
    oneSeen.get(10, TimeUnit.SECONDS);
    boolean doneWithOne = ready.isDone();
    setStatus("arm-nodepool-a1", READY_CLAIM);

    // Then
    assertThat(doneWithOne).isFalse();
    assertThat(ready.get(10, TimeUnit.SECONDS)).extracting(c -> c.getMetadata().getName())
        .containsExactly("arm-nodepool-a1", "arm-nodepool-b2");
  }

  @Test
  void shouldSayWhichNodeClaimsOfAPoolWereReadyNotReadyOrDeletedWhenTimeRunsOut() throws Exception {
    // Given one Ready claim, one stuck, and one Karpenter gives up on while we wait
    karpenter.nodeClaims().resource(claim("arm-nodepool-a1", "arm-nodepool")).create();
    karpenter.nodeClaims().resource(claim("arm-nodepool-b2", "arm-nodepool")).create();
    karpenter.nodeClaims().resource(claim("arm-nodepool-c3", "arm-nodepool")).create();
    setStatus("arm-nodepool-a1", READY_CLAIM);
    setStatus("arm-nodepool-b2", "conditions:\n" + LAUNCHED + """
        - {type: Registered, status: Unknown, reason: AwaitingReconciliation, message: ''}
        - {type: Initialized, status: Unknown, reason: AwaitingReconciliation, message: ''}
        - {type: Ready, status: Unknown, reason: AwaitingReconciliation, message: ''}
        """);
    setStatus("arm-nodepool-c3", """
        conditions:
        - {type: Launched, status: 'False', reason: InsufficientCapacity, message: no capacity}
        """);
    CompletableFuture<List<NodeClaim>> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitForNodeClaims("arm-nodepool", 3, Duration.ofSeconds(2)));
    MockServerWatches.await(server, NODE_CLAIMS, 1, Duration.ofSeconds(10)); // listed them, and watches

    // When
    karpenter.nodeClaims().withName("arm-nodepool-c3").delete();

    // Then
    assertThatThrownBy(() -> ready.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(NotReadyException.class)
        .hasMessage("NodeClaims of NodePool arm-nodepool (label karpenter.sh/nodepool=arm-nodepool): 1 of the 3"
            + " Ready wanted within 2s; Ready: arm-nodepool-a1; not Ready: arm-nodepool-b2 (Ready=Unknown"
            + " (AwaitingReconciliation); Registered=Unknown (AwaitingReconciliation); Initialized=Unknown"
            + " (AwaitingReconciliation)); deleted while waiting: arm-nodepool-c3 (last seen: Ready not reported;"
            + " Launched=False (InsufficientCapacity: no capacity); Registered, Initialized not reported)");
  }

  @Test
  void shouldSayWhenANodePoolMadeNoNodeClaimsAtAll() {
    assertThatThrownBy(() -> karpenter.waitForNodeClaims("arm-nodepool", 1, Duration.ofMillis(500)))
        .isInstanceOf(NotReadyException.class)
        .hasMessageContaining("0 of the 1 Ready wanted within 500ms; none appeared");
  }

  @Test
  void shouldKeepWaitingWhenTheServerClosesTheWatchAndWriteNothingAgain() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given the node class applied once, and a wait for it to become Ready
      KarpenterClient embedded = server.client().adapt(KarpenterClient.class);
      embedded.aksNodeClasses().resource(AKSNodeClasses.azureLinux().named("default-azurelinux").build())
          .fieldManager("autoscaling-workshop").serverSideApply();
      String nodeClasses = "/apis/karpenter.azure.com/v1beta1/aksnodeclasses";
      CompletableFuture<?> ready = CompletableFuture.supplyAsync(
          () -> embedded.waitUntilAksNodeClassReady("default-azurelinux", Duration.ofSeconds(30)));
      assertThat(server.awaitWatches(nodeClasses, 1, Duration.ofSeconds(20))).isTrue();

      // When the server closes the watch mid-wait, and Karpenter reports Ready once the client watches again
      assertThat(server.faults().closeWatches(nodeClasses)).isEqualTo(1);
      assertThat(server.awaitWatches(nodeClasses, 2, Duration.ofSeconds(20))).isTrue();
      boolean doneBeforeReady = ready.isDone();
      embedded.aksNodeClasses().withName("default-azurelinux").editStatus(nodeClass -> {
        nodeClass.setStatus(Manifests.parse("conditions:\n- {type: Ready, status: 'True', reason: Ready, message: ''}\n",
            AKSNodeClassStatus.class));
        return nodeClass;
      });

      // Then the wait ends Ready, on the one object applied once: no second write of it
      assertThat(doneBeforeReady).isFalse();
      ready.get(20, TimeUnit.SECONDS);
      List<String> requests = server.takeRequests();
      assertThat(requests).filteredOn(r -> r.startsWith("PATCH " + nodeClasses + "/default-azurelinux?"))
          .singleElement().asString().contains("fieldManager=autoscaling-workshop");
      assertThat(requests).filteredOn(r -> r.startsWith("GET " + nodeClasses + "?") && r.contains("watch=true"))
          .hasSize(2);
      // the watch resumed; the informer did not list again
      assertThat(requests).filteredOn(r -> r.startsWith("GET " + nodeClasses + "?") && !r.contains("watch=true"))
          .hasSize(1);
    }
  }

  @Test
  void shouldRejectWaitsThatCannotEndWell() {
    assertThatThrownBy(() -> karpenter.waitForNodeClaims("arm-nodepool", 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("count: 0 ")
        .hasMessageContaining("pass 1 or more");
    assertThatThrownBy(() -> karpenter.waitForNodeClaims(" ", 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("nodePoolName: is blank");
    assertThatThrownBy(() -> karpenter.waitUntilEc2NodeClassReady(null, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name: is null; pass the metadata.name of the EC2NodeClass (kubectl get ec2nodeclasses)");
    assertThatThrownBy(() -> karpenter.waitUntilNodeClaimReady("x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timeout: PT0S leaves no time to wait");
  }

  private static NodeClaim claim(String name, String nodePool) {
    return Manifests.parse("""
        apiVersion: karpenter.sh/v1
        kind: NodeClaim
        metadata:
          name: %s
          labels: {karpenter.sh/nodepool: %s}
        spec:
          nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
          requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
        """.formatted(name, nodePool), NodeClaim.class);
  }

  private static EC2NodeClass ec2NodeClass() {
    return EC2NodeClasses.al2023().named("default").role("KarpenterNodeRole-prod").discoveredBy("prod").build();
  }

  /**
   * A second watch of the NodeClaims, open (as the wait under test is) before the change the test makes next. The
   * server sends a change to every open watch at once: once the witness has it, so has the wait.
   */
  private CompletableFuture<List<NodeClaim>> witness(Predicate<List<NodeClaim>> seen) throws InterruptedException {
    CompletableFuture<List<NodeClaim>> witnessed = karpenter.nodeClaims().informOnCondition(seen);
    MockServerWatches.await(server, NODE_CLAIMS, 2, Duration.ofSeconds(10)); // the wait's and the witness's
    return witnessed;
  }

  private void setStatus(String claim, String statusYaml) {
    karpenter.nodeClaims().withName(claim).editStatus(c -> {
      c.setStatus(Manifests.parse(statusYaml, NodeClaimStatus.class));
      return c;
    });
  }
}
