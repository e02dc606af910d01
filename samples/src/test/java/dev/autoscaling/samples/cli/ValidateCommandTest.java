package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

  private final CliRun cli = new CliRun();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void shouldAcceptTheRenderedWorkshopFolder(@TempDir Path dir) {
    // Given
    assertThat(run("render", "--out", dir.toString())).isZero();
    out.getBuffer().setLength(0);

    // When
    int exit = run("validate", dir.toString());

    // Then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("01-secret-rabbitmq-scaler-secret.yaml:0 Secret/rabbitmq-scaler-secret: not checked: a Kubernetes built-in kind")
        .contains("03-scaledobject-virtual-worker-rabbitmq-scaledobject.yaml:0 ScaledObject/virtual-worker-rabbitmq-scaledobject spec.pollingInterval: warning: pollingInterval is not relevant")
        .contains("6 document(s), 0 error(s), 1 warning(s)");
  }

  @Test
  void shouldPrintOneLinePerViolationAndFail(@TempDir Path dir) throws Exception {
    // Given
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker}
        spec:
          scaleTargetRef: {name: worker}
          minReplicas: 1
          triggers: []
        ---
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: pool}
        spec:
          weight: 0
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              requirements:
              - {key: kubernetes.io/arch, operator: In, values: []}
        """);

    // When
    int exit = run("validate", file.toString());

    // Then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":0 ScaledObject/worker spec.minReplicas: warning: unknown field, dropped by the API server"
            + " without a word; did you mean spec.minReplicaCount?")
        .contains(file + ":1 NodePool/pool spec.weight: must be greater than or equal to 1")
        .contains(file + ":1 NodePool/pool spec.template.spec.requirements: requirements with operator 'In' must have"
            + " a value defined")
        .containsPattern("2 document\\(s\\), [0-9]+ error\\(s\\), 1 warning\\(s\\)");
  }

  @Test
  void shouldRejectAnUnknownProvider(@TempDir Path dir) {
    assertThat(run("validate", "--provider", "gcp", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--provider: expected azure or aws, got 'gcp'");
  }

  @Test
  void shouldNameAMissingFile(@TempDir Path dir) {
    assertThat(run("validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml: no such file or folder");
  }
}
