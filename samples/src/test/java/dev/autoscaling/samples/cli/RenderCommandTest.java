package dev.autoscaling.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.WorkshopStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

  private final CliRun cli = new CliRun();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private static List<JsonNode> expectedDocuments() {
    List<JsonNode> expected = new ArrayList<>();
    for (WorkshopStage stage : WorkshopManifests.stages(RabbitMqCredentials.workshopDefaults())) {
      stage.objects().forEach(object -> expected.add(Manifests.toTree(object)));
    }
    return expected;
  }

  @Test
  void shouldPrintTheSixManifestsAsOneMultiDocumentYamlStream() {
    // When
    int exit = run("render");

    // Then
    assertThat(exit).isZero();
    List<JsonNode> documents = Manifests.parseAll(out.toString());
    assertThat(documents).extracting(d -> d.path("kind").asText() + "/" + d.at("/metadata/name").asText())
        .containsExactly("Secret/rabbitmq-scaler-secret", "TriggerAuthentication/trigger-auth-rabbitmq-conn",
            "ScaledObject/virtual-worker-rabbitmq-scaledobject", "NodePool/arm-nodepool",
            "AKSNodeClass/default-azurelinux", "NodePool/arm-nodepool");
    assertThat(documents).isEqualTo(expectedDocuments());
  }

  @Test
  void shouldRenderOnlyTheFieldsTheWorkshopWrote() {
    run("render");
    List<JsonNode> documents = Manifests.parseAll(out.toString());

    JsonNode scaledObject = documents.get(2).path("spec");
    assertThat(scaledObject.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("scaleTargetRef", "minReplicaCount", "pollingInterval", "triggers");
    assertThat(scaledObject.path("scaleTargetRef").fieldNames()).toIterable().containsExactly("name");

    JsonNode nodePool = documents.get(3).path("spec");
    assertThat(nodePool.fieldNames()).toIterable().containsExactlyInAnyOrder("weight", "disruption", "template");
    assertThat(nodePool.path("disruption").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("consolidationPolicy", "consolidateAfter");
    assertThat(nodePool.at("/template").fieldNames()).toIterable().containsExactly("spec");
    assertThat(nodePool.at("/template/spec").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("nodeClassRef", "requirements");
    assertThat(out.toString()).doesNotContain("budgets").doesNotContain("expireAfter").doesNotContain("status");
  }

  @Test
  void shouldWriteOneFilePerObjectKeepingBothNodePoolVersionsApart(@TempDir Path dir) throws Exception {
    // When
    int exit = run("render", "--out", dir.toString());

    // Then
    assertThat(exit).isZero();
    List<String> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
    assertThat(files).containsExactly(
        "arm-nodepool-profile/01-nodepool-arm-nodepool.yaml",
        "arm-nodepool-profile_v2/01-aksnodeclass-default-azurelinux.yaml",
        "arm-nodepool-profile_v2/02-nodepool-arm-nodepool.yaml",
        "virtual-worker-scaler/01-secret-rabbitmq-scaler-secret.yaml",
        "virtual-worker-scaler/02-triggerauthentication-trigger-auth-rabbitmq-conn.yaml",
        "virtual-worker-scaler/03-scaledobject-virtual-worker-rabbitmq-scaledobject.yaml");
    JsonNode first = Manifests.parseAll(Files.readString(dir.resolve("arm-nodepool-profile/01-nodepool-arm-nodepool.yaml"))).get(0);
    JsonNode second = Manifests.parseAll(Files.readString(dir.resolve("arm-nodepool-profile_v2/02-nodepool-arm-nodepool.yaml"))).get(0);
    assertThat(first.at("/spec/template/spec/nodeClassRef/name").asText()).isEqualTo("default");
    assertThat(second.at("/spec/template/spec/nodeClassRef/name").asText()).isEqualTo("default-azurelinux");
    Path secret = dir.resolve("virtual-worker-scaler/01-secret-rabbitmq-scaler-secret.yaml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
  }

  @Test
  void shouldExplainItselfOnHelp() {
    int exit = run("render", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: workshop render").contains("--out=DIR")
        .contains("not encryption");
  }

  @Test
  void shouldListTheSubcommandsWhenNoneIsGiven() {
    int exit = run();

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("workshop: missing command: one of demo, plan,").contains("render");
  }
}
