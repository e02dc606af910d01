package dev.autoscaling.workshop;

import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.ArmDouble;
import dev.autoscaling.aks.CountingCredential;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.WorkshopContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workshop from an empty subscription: the Azure steps through the real Azure SDK pipeline against the ARM test
 * double, whose cluster credentials lead to the embedded Kubernetes API, where the next steps continue.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class WorkshopOnAzureTest {

  @Test
  void shouldCreateTheClusterThenDeployOntoItWithItsCredentials() throws Exception {
    try (EmbeddedApiServer kubernetes = EmbeddedApiServer.start(); ArmDouble arm = new ArmDouble()) {
      // Given: the cluster's kubeconfig points at the embedded API server
      arm.kubeconfig("""
          apiVersion: v1
          kind: Config
          clusters:
          - name: workshopcluster
            cluster:
              server: %s
          contexts:
          - name: workshopcluster
            context:
              cluster: workshopcluster
              user: clusterUser
          current-context: workshopcluster
          users:
          - name: clusterUser
            user:
              token: kubeconfig-canary-5b2
          """.formatted(kubernetes.url()));
      AksManager azure = arm.configure().authenticate(new CountingCredential("arm-canary-77"), arm.profile());
      WorkshopConfig config = WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED);
      List<String> progress = new ArrayList<>();
      WorkshopContext context = WorkshopContext.newCluster(config, azure).assumingNoControllers()
          .withProgress(progress::add);

      // When
      RunReport report = Workshop.of(config).run(context, ProgressStore.inMemory(), null, "nap");

      // Then
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      assertThat(report.steps()).extracting(StepRun::step)
          .containsExactly("prerequisites", "environment", "store", "keda-scaler", "load", "nap");
      assertThat(arm.hasCluster("WorkshopRG", "workshopcluster")).isTrue();
      assertThat(progress).contains("resource group WorkshopRG created")
          .anyMatch(l -> l.startsWith("cluster workshopcluster created"))
          .anyMatch(l -> l.startsWith("node pool nodepool1 taints [CriticalAddonsOnly=true:NoExecute]"));
      assertThat(kubernetes.client().apps().deployments().inNamespace("pets").withName("virtual-customer").get()
          .getSpec().getReplicas()).isEqualTo(4);
      assertThat(String.join("\n", progress) + report).doesNotContain("kubeconfig-canary-5b2")
          .doesNotContain("arm-canary-77");

      // and a second run changes nothing, on Azure or in the cluster
      // writes on ARM: PUT, PATCH, DELETE and the POSTs that register (HEAD and listClusterUserCredential read)
      java.util.function.Predicate<ArmDouble.Request> write = r -> r.method().equals("PUT")
          || r.method().equals("PATCH") || r.method().equals("DELETE")
          || (r.method().equals("POST") && r.path().endsWith("/register"));
      int armWrites = (int) arm.requests().stream().filter(write).count();
      RunReport again = Workshop.of(config).run(context, ProgressStore.inMemory(), null, "nap");
      assertThat(again.succeeded()).isTrue();
      assertThat(again.writes()).as(again.steps().stream().filter(s -> s.outcome().writes() > 0).toList().toString()).isZero();
      assertThat(arm.requests().stream().filter(write).map(r -> r.method() + " " + r.path()).toList())
          .hasSize(armWrites);
      System.out.printf("ARM requests: %d in all, %d writes (the second run added none)%n", arm.requests().size(),
          armWrites);
    }
  }
}
