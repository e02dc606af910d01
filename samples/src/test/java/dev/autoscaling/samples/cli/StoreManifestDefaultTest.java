package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command takes the store manifest bundled in the jar unless told otherwise: none needs the network. */
class StoreManifestDefaultTest {

  @Test
  void shouldPlanRunAndTeardownFromTheBundledCopyWithoutAStoreManifestOption() {
    CliRun plan = new CliRun();
    CliRun run = new CliRun();
    CliRun teardown = new CliRun();

    int planExit = plan.run("plan", "--from", "store", "--to", "store");
    int runExit = run.run("run", "--dry-run", "--from", "store", "--to", "store");
    int teardownExit = teardown.run("teardown", "--dry-run");

    assertThat(planExit).as(plan.err.toString()).isZero();
    assertThat(plan.out.toString()).contains("the pinned copy of that URL bundled with the SDK (no download)")
        .contains("kind: Deployment");
    assertThat(runExit).as(run.err.toString()).isZero();
    assertThat(run.out.toString()).contains("bundled with the SDK (no download)");
    assertThat(teardownExit).as(teardown.err.toString()).isZero();
    assertThat(teardown.out.toString()).contains("would delete deployment/", "would delete namespace/pets (store)");
  }

  @Test
  void shouldDownloadOnlyWhenAskedAndNameWhyItFailed() throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/aks-store-all-in-one.yaml";
    CliRun cli = new CliRun();

    int exit = cli.run("teardown", "--dry-run", "--store-manifest", url);

    assertThat(exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(cli.err.toString()).contains("store manifest " + url + ": ConnectException")
        .contains("leave out --store-manifest").doesNotContain(": null").doesNotContain("\tat ");
  }
}
