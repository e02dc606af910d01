package dev.autoscaling.samples.cli;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The workshop CLI's demo, plan, run, status and teardown, in-process. */
class WorkshopCliTest {

  static Path kubeconfig(Path dir, String server) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: embedded
          cluster:
            server: %s
        users:
        - name: someone
          user:
            token: canary-token-do-not-print
        contexts:
        - name: embedded
          context:
            cluster: embedded
            user: someone
            namespace: default
        current-context: embedded
        """.formatted(server));
    return file;
  }

  @Test
  void shouldRunTheWholeDemoWithoutAzureOrACluster() {
    // Given
    CliRun cli = new CliRun();

    // When
    int exit = cli.run("demo");

    // Then
    assertThat(exit).as(cli.err.toString()).isZero();
    String out = cli.out.toString();
    assertThat(out).contains("Controllers: SIMULATED", "Summary", "planned:   9 steps", "8 az commands (dry run)",
        "3 not observable (Azure dry run), 0 failed", "Demo complete.")
        // scale-out by the HPA, NAP's node for the evicted store, the Arm64 D size, drift to Azure Linux, scale-in
        .contains("SuccessfulRescale", "New size: 2", "TaintManagerEviction", "on Standard_D2als_v6",
            "consolidation: Standard_D2pls_v6", "Drifted", "scaled in: 1 virtual-worker replica(s)")
        // the what-if after the workshop, said to be one: arm64 nodes launched and given back
        .contains("== what if (a simulation in virtual time, NOT the workshop's objects)",
            "peak 10 virtual-worker replicas (500m CPU each) on 4 x Standard_D2pls_v6 (arm64, 2 vCPU, $0.062/h)",
            "nodes given back after the load stopped: 3 at")
        .contains("dry run (no Azure credentials): az aks create --name workshopcluster")
        .contains("scaledobject/virtual-worker-rabbitmq-scaledobject -n pets created")
        .doesNotContain("password@");
  }

  @Test
  void shouldPlanEveryStepWithoutSendingAnything() {
    CliRun cli = new CliRun();

    int exit = cli.run("plan", "--from", "keda-scaler", "--to", "load");

    assertThat(exit).isZero();
    assertThat(cli.out.toString()).startsWith("## keda-scaler:").contains("## load:", "kind: ScaledObject",
        "kubectl scale deployment virtual-customer -n pets --replicas=4").doesNotContain("## nap:");
  }

  @Test
  void shouldNameTheStepsWhenAStepIsUnknown() {
    CliRun cli = new CliRun();

    int exit = cli.run("plan", "--from", "kedda");

    assertThat(exit).isEqualTo(2);
    assertThat(cli.err.toString()).contains("--from kedda: no such step; the steps are prerequisites, environment,")
        .doesNotContain("at dev.autoscaling");
  }

  @Test
  void shouldRunAgainstAClusterResumablyAndShowItsStatus(@TempDir Path dir) throws IOException {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given
      Path config = kubeconfig(dir, server.url());
      Path progress = dir.resolve("progress.json");
      String[] common = {"--kubeconfig", config.toString(), "--store-manifest", "bundled:aks-store-all-in-one.yaml",
          "--progress-file", progress.toString(), "--timeout", "1"};

      // When: the store step only, then the rest (resumed), then everything again
      CliRun first = new CliRun();
      int firstExit = first.run(concat(new String[] {"run", "--to", "store"}, common));
      CliRun status = new CliRun();
      status.run(concat(new String[] {"status"}, "--progress-file", progress.toString()));
      // The embedded server has no controllers: verification would wait for them until the timeout. The test
      // plays no controller, so it runs the steps whose checks an API server alone can answer.
      CliRun second = new CliRun();
      int secondExit = second.run(concat(new String[] {"run", "--to", "load"}, common));

      // Then
      assertThat(firstExit).as(first.err.toString()).isEqualTo(1);
      assertThat(first.out.toString()).contains("namespace/pets created");
      assertThat(second.out.toString()).contains("resuming at store");
      assertThat(status.out.toString()).contains("FAILED store", "next run starts at store");
      assertThat(first.out.toString() + first.err + second.out + second.err + status.out)
          .doesNotContain("canary-token-do-not-print");
      assertThat(secondExit).isEqualTo(1);
    }
  }

  private static final String SCALED_OBJECT_PATH = "/apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects/"
      + WorkshopManifests.SCALED_OBJECT;

  /** {@code run} of the keda-scaler step alone; no KEDA answers here, so its verification fails after 1 s. */
  private static String[] runKedaScaler(Path dir, EmbeddedApiServer server, String... more) throws IOException {
    return concat(new String[] {"run", "--from", "keda-scaler", "--to", "keda-scaler", "--timeout", "1",
        "--kubeconfig", kubeconfig(dir, server.url()).toString(), "--store-manifest", "bundled:aks-store-all-in-one.yaml",
        "--progress-file", dir.resolve("progress.json").toString()}, more);
  }

  @Test
  void shouldStopAtAnApplyConflictNamingTheManagerAndTakeOverWithForceConflicts(@TempDir Path dir)
      throws IOException {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given the scaler applied, then its polling interval changed by someone else (kubectl edit)
      new CliRun().run(runKedaScaler(dir, server));
      var scaledObject = server.client().resources(ScaledObject.class).inNamespace("pets")
          .withName(WorkshopManifests.SCALED_OBJECT);
      scaledObject.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"pollingInterval\":15}}");
      server.ownField(scaledObject.get(), ".spec.pollingInterval", "kubectl-edit");

      // When
      CliRun refused = new CliRun();
      int refusedExit = refused.run(runKedaScaler(dir, server));
      int pollingAfterRefusal = scaledObject.get().getSpec().getPollingInterval();
      CliRun forced = new CliRun();
      forced.run(runKedaScaler(dir, server, "--force-conflicts"));

      // Then
      assertThat(refusedExit).isEqualTo(1);
      assertThat(refused.out.toString()).contains("[keda-scaler] ERROR scaledobject/"
          + WorkshopManifests.SCALED_OBJECT + " -n pets: not applied: .spec.pollingInterval is managed by"
          + " \"kubectl-edit\" using keda.sh/v1alpha1", "Run again with --force-conflicts to take it over");
      assertThat(refused.out.toString() + refused.err).doesNotContain("\tat ");
      assertThat(pollingAfterRefusal).isEqualTo(15);
      assertThat(forced.out.toString()).contains("scaledobject/" + WorkshopManifests.SCALED_OBJECT
          + " -n pets configured");
      assertThat(scaledObject.get().getSpec().getPollingInterval()).isEqualTo(60);
    }
  }

  @Test
  void shouldCountRetriedRequestsInTheSummary(@TempDir Path dir) throws IOException {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given
      server.faults().answer("PATCH", SCALED_OBJECT_PATH, 503, 2);
      CliRun cli = new CliRun();

      // When
      cli.run(runKedaScaler(dir, server, "--retries", "2"));

      // Then the applies went through; the step stopped only at its verification (no KEDA here)
      assertThat(cli.out.toString()).contains("scaledobject/" + WorkshopManifests.SCALED_OBJECT + " -n pets created")
          .contains("stopped at keda-scaler after 3 writes and 2 retries (2 after 503 Service Unavailable)");
    }
  }

  @Test
  void shouldEndWithOneLineWhenTheApiServerGoesAwayMidRun(@TempDir Path dir) throws IOException {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given
      server.faults().goAwayAt("PATCH", SCALED_OBJECT_PATH);
      CliRun cli = new CliRun();

      // When
      int exit = cli.run(runKedaScaler(dir, server, "--retries", "1"));
      CliRun status = new CliRun();
      status.run("status", "--progress-file", dir.resolve("progress.json").toString());

      // Then
      assertThat(exit).isEqualTo(1);
      assertThat(cli.out.toString()).contains("[keda-scaler] ERROR the Kubernetes API at " + server.url()
          + " stopped answering (").contains("during patch of scaledobject/" + WorkshopManifests.SCALED_OBJECT
          + " -n pets, also after 1 retry with backoff; when it answers again, workshop run resumes at keda-scaler");
      assertThat(cli.out.toString() + cli.err).doesNotContain("\tat ");
      assertThat(status.out.toString()).contains("FAILED keda-scaler");
    }
  }

  @Test
  void shouldSayPlainlyWhenTheClusterDoesNotAnswer(@TempDir Path dir) throws IOException {
    CliRun cli = new CliRun();

    int exit = cli.run("run", "--kubeconfig", kubeconfig(dir, "https://127.0.0.1:1").toString(),
        "--store-manifest", "bundled:aks-store-all-in-one.yaml", "--progress-file", dir.resolve("p.json").toString());

    assertThat(exit).isEqualTo(ExitCode.UNAVAILABLE.code());
    assertThat(cli.err.toString()).contains("the Kubernetes API at https://127.0.0.1:1/ does not answer")
        .contains("try `workshop demo`").doesNotContain("canary-token-do-not-print").doesNotContain("\tat ");
  }

  @Test
  void shouldWatchNodesAndPodsAsLines(@TempDir Path dir) throws IOException {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      // Given a NAP node and a store pod on it
      server.client().nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata()
          .withName("aks-arm-nodepool-x1").addToLabels("karpenter.sh/nodepool", "arm-nodepool")
          .addToLabels("kubernetes.io/arch", "arm64").endMetadata().build()).create();
      server.client().pods().inNamespace("pets").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
          .withNewMetadata().withName("virtual-worker-abc").endMetadata().withNewSpec()
          .withNodeName("aks-arm-nodepool-x1").endSpec().build()).create();
      CliRun cli = new CliRun();

      // When
      int exit = cli.run("watch", "nodes", "--duration", "2", "--kubeconfig", kubeconfig(dir, server.url()).toString());

      // Then
      assertThat(exit).as(cli.err.toString()).isZero();
      assertThat(cli.out.toString()).contains("aks-arm-nodepool-x1", "arm-nodepool", "arm64", "virtual-worker-abc");
    }
  }

  @Test
  void shouldListWhatTeardownWouldDelete() {
    CliRun cli = new CliRun();

    int exit = cli.run("teardown", "--dry-run", "--store-manifest", "bundled:aks-store-all-in-one.yaml");

    assertThat(exit).isZero();
    assertThat(cli.out.toString().lines().findFirst())
        .hasValue("would delete nodepool/arm-nodepool (azure-linux, arm-nodepool)");
    assertThat(cli.out.toString()).contains("would delete namespace/pets (store)");
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = new String[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
