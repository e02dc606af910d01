package dev.autoscaling.samples;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jshell start-up script imports what the README says, so the facade can be typed at the prompt. */
class JshellStartupTest {

  @Test
  void shouldEvaluateTheFacadeAfterTheStartupScript() throws Exception {
    // Given a jshell with the SDK on its class path, and the start-up script's imports
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      List<String> problems = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("jshell/workshop.jsh"), StandardCharsets.UTF_8)) {
        if (line.startsWith("import ")) {
          eval(shell, line, problems);
        }
      }

      // When
      List<SnippetEvent> events = shell.eval(
          "Manifests.toYaml(NodePools.arm64().onDemand().skuFamily(\"D\").named(\"arm-nodepool\").nodeClass(AKSNodeClasses.named(\"default\")).build())");

      List<SnippetEvent> keda = shell.eval("ScaledObjects.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP)"
          + ".queue(\"orders\").queueLength(10).authenticationRef(\"trigger-auth-rabbitmq-conn\")"
          + ".scaling(\"virtual-worker\").named(\"virtual-worker-rabbitmq-scaledobject\").inNamespace(\"pets\")"
          + ".minReplicas(1).pollingInterval(Duration.ofSeconds(60)).toYaml()");

      // Then
      assertThat(problems).isEmpty();
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.exception()).isNull();
        assertThat(e.status()).isEqualTo(Snippet.Status.VALID);
        assertThat(e.value()).contains("kind: NodePool", "arm64", "on-demand");
      });
      assertThat(keda).singleElement().satisfies(e -> {
        assertThat(e.exception()).isNull();
        assertThat(e.status()).isEqualTo(Snippet.Status.VALID);
        assertThat(e.value()).contains("kind: ScaledObject", "queueName: orders", "mode: QueueLength");
      });
    }
  }

  private static void eval(JShell shell, String code, List<String> problems) {
    for (SnippetEvent event : shell.eval(code)) {
      if (event.status() != Snippet.Status.VALID) {
        problems.add(code + ": " + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
      }
    }
  }
}
