package dev.autoscaling.aks;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eviction plan with a Kubernetes client: ARM names the system pool, the Kubernetes API (fabric8's mock server,
 * CRUD mode) has its nodes and pods.
 */
@EnableKubernetesMockClient(crud = true)
class EvictionPlanTest {

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private KubernetesClient kubernetes;
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble().existingGroup("WorkshopRG", "eastus2", Map.of());
    arm.existingCluster("WorkshopRG", "workshopcluster", spec.toManagedCluster().toJsonString(), "Succeeded");
    aks = arm.configure().authenticate(new CountingCredential("token-eviction"), arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldListTheRunningPodsOnTheSystemPoolsNodesThatDoNotTolerateNoExecute() {
    // Given: two nodes of the system pool, one of a NAP pool
    node("aks-nodepool1-0", "nodepool1");
    node("aks-nodepool1-1", "nodepool1");
    node("aks-default-x7k2p", "default");
    pod("pets", "store-front", "aks-nodepool1-0", "Running", false);
    pod("pets", "order-service", "aks-nodepool1-1", "Pending", false);
    pod("kube-system", "coredns", "aks-nodepool1-0", "Running", true);
    pod("pets", "makeline-service", "aks-default-x7k2p", "Running", false);
    pod("pets", "finished-job", "aks-nodepool1-1", "Succeeded", false);

    // When
    EvictionPlan noExecute = aks.systemPool().planTaint(spec, SystemPoolTaint.noExecuteEvictingRunningPods(),
        kubernetes);
    EvictionPlan noSchedule = aks.systemPool().planTaint(spec, SystemPoolTaint.noSchedule(), kubernetes);

    // Then
    assertThat(noExecute).isEqualTo(new EvictionPlan("nodepool1", "CriticalAddonsOnly=true:NoExecute", true, true,
        List.of("pets/order-service", "pets/store-front")));
    assertThat(noSchedule).isEqualTo(new EvictionPlan("nodepool1", "CriticalAddonsOnly=true:NoSchedule", false,
        true, List.of()));
    assertThat(arm.requests("PUT", ".*")).isEmpty();
  }

  private void node(String name, String pool) {
    kubernetes.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
        .addToLabels("kubernetes.azure.com/agentpool", pool).endMetadata().build()).create();
  }

  private void pod(String namespace, String name, String node, String phase, boolean toleratesCriticalAddons) {
    PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withNewSpec().withNodeName(node).endSpec()
        .withNewStatus().withPhase(phase).endStatus();
    if (toleratesCriticalAddons) {
      pod.editSpec().addNewToleration().withKey("CriticalAddonsOnly").withOperator("Exists").endToleration()
          .endSpec();
    }
    Pod built = pod.build();
    kubernetes.pods().inNamespace(namespace).resource(built).create();
  }
}
