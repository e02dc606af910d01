package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A cluster or broker that does not answer: one line naming it and exit code 4 (not 2, a usage error), after the
 * 3 s probe rather than fabric8's retries. The bound below is generous (it guards against the tens of seconds the
 * retries took), not a measurement.
 */
class AbsentClusterTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  private static Path kubeconfig(Path dir, String server) throws IOException {
    return Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - {name: absent, cluster: {server: %s, insecure-skip-tls-verify: true}}
        users:
        - {name: someone, user: {token: canary-token-do-not-print}}
        contexts:
        - {name: absent, context: {cluster: absent, user: someone}}
        current-context: absent
        """.formatted(server));
  }

  /** A port that accepts connections and never says a word: a cluster whose API server hangs. */
  private static final class SilentServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<Socket> accepted = new ArrayList<>();
    final Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(socket.accept());
        }
      } catch (IOException closed) {
        // the test is over
      }
    });

    SilentServer() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private static void assertOneLine(CliRun cli, int exit, String url) {
    assertThat(exit).as(cli.err.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
    assertThat(cli.err.toString().lines()).hasSize(1).first().asString()
        .contains("the Kubernetes API at " + url).contains("does not answer within 3 s")
        .doesNotContain("canary-token-do-not-print");
  }

  @Test
  void shouldGiveUpOnAHangingApiServerAfterThreeSecondsForRun(@TempDir Path dir) throws IOException {
    try (SilentServer silent = new SilentServer()) {
      String url = "https://127.0.0.1:" + silent.socket.getLocalPort();
      Path config = kubeconfig(dir, url);
      CliRun cli = new CliRun();

      int exit = assertTimeoutPreemptively(BOUND, () -> cli.run("run", "--kubeconfig", config.toString(),
          "--progress-file", dir.resolve("p.json").toString()));

      assertOneLine(cli, exit, url);
      assertThat(silent.accepted).isNotEmpty();
    }
  }

  @Test
  void shouldGiveUpOnARefusedConnectionForWatchAndTeardown(@TempDir Path dir) throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    String url = "https://127.0.0.1:" + closedPort;
    Path config = kubeconfig(dir, url);
    CliRun watch = new CliRun();
    CliRun teardown = new CliRun();

    int watchExit = assertTimeoutPreemptively(BOUND, () -> watch.run("watch", "nodes", "--kubeconfig",
        config.toString()));
    int teardownExit = assertTimeoutPreemptively(BOUND, () -> teardown.run("teardown", "--kubeconfig",
        config.toString(), "--progress-file", dir.resolve("p.json").toString()));

    assertOneLine(watch, watchExit, url);
    assertOneLine(teardown, teardownExit, url);
  }

  @Test
  void shouldFailTheQueueWatchWhenTheBrokerDoesNotAnswer() throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    CliRun cli = new CliRun();

    int exit = assertTimeoutPreemptively(BOUND, () -> cli.run("watch", "queue", "--rabbitmq-url",
        "http://127.0.0.1:" + closedPort, "--current-replicas", "1", "--duration", "1"));

    assertThat(exit).as(cli.err.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
    assertThat(cli.err.toString().lines()).hasSize(1).first().asString()
        .contains("the RabbitMQ management API at http://127.0.0.1:" + closedPort + " does not answer");
  }
}
