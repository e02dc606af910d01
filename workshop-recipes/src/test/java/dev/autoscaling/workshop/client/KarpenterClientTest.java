package dev.autoscaling.workshop.client;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class KarpenterClientTest {

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void shouldAdaptAndManageNodePoolsClusterWide() {
    // Given
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);

    // When
    karpenter.nodePools().resource(WorkshopManifests.armNodePool("default")).create();

    // Then
    assertThat(karpenter.nodePools().list().getItems()).extracting(p -> p.getMetadata().getName())
        .containsExactly("arm-nodepool");
    NodePool stored = karpenter.nodePools().withName("arm-nodepool").get();
    assertThat(stored.getSpec().getWeight()).isEqualTo(10);
    assertThat(stored.getSpec().getTemplate().getSpec().getRequirements()).hasSize(4);
  }

  @Test
  void shouldManageAksNodeClasses() {
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);
    AKSNodeClass azureLinux = AKSNodeClasses.azureLinux().named("default-azurelinux").build();

    karpenter.aksNodeClasses().resource(azureLinux).create();
    karpenter.aksNodeClasses().withName("default-azurelinux").delete();

    assertThat(karpenter.aksNodeClasses().list().getItems()).isEmpty();
  }

  @Test
  void shouldWaitUntilANodePoolReportsReady() throws Exception {
    // Given
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);
    karpenter.nodePools().resource(WorkshopManifests.armNodePool("default")).create();

    // When Karpenter (here: the test) marks it Ready a little later
    CompletableFuture<NodePool> ready = CompletableFuture.supplyAsync(
        () -> karpenter.waitUntilNodePoolReady("arm-nodepool", Duration.ofSeconds(10)));
    MockServerWatches.await(server, "/apis/karpenter.sh/v1/nodepools", 1, Duration.ofSeconds(10));
    boolean doneBeforeReady = ready.isDone();
    karpenter.nodePools().withName("arm-nodepool").editStatus(pool -> new NodePoolBuilder(pool)
        .withNewStatus().withConditions(new dev.autoscaling.karpenter.api.v1.nodepoolstatus.ConditionsBuilder()
            .withType("Ready").withStatus(dev.autoscaling.karpenter.api.v1.nodepoolstatus.Conditions.Status.TRUE)
            .withReason("Ready").withMessage("").withLastTransitionTime(java.time.ZonedDateTime.parse("2026-11-28T10:00:00Z")).build())
        .endStatus().build());

    // Then
    assertThat(doneBeforeReady).isFalse();
    assertThat(ready.get(10, TimeUnit.SECONDS).getStatus().getConditions()).hasSize(1);
  }

  @Test
  void shouldGiveUpWhenANodePoolNeverBecomesReady() {
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);
    karpenter.nodePools().resource(WorkshopManifests.armNodePool("default")).create();

    assertThatThrownBy(() -> karpenter.waitUntilNodePoolReady("arm-nodepool", Duration.ofMillis(500)))
        .isInstanceOf(KubernetesClientTimeoutException.class)
        .hasMessage("NodePool arm-nodepool was not Ready within 500ms; last seen: no status conditions yet (has a"
            + " Karpenter controller seen this NodePool?)");
  }
}
