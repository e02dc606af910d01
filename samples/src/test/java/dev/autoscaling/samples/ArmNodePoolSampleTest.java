package dev.autoscaling.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArmNodePoolSampleTest {

  @Test
  void shouldPrintTheAzureLinuxNodeClassAndTheArmNodePoolOnIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ArmNodePoolSample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<JsonNode> documents = Manifests.parseAll(bytes.toString(StandardCharsets.UTF_8));
    assertThat(documents).extracting(d -> d.path("kind").asText()).containsExactly("AKSNodeClass", "NodePool");
    assertThat(documents.get(1).at("/spec/template/spec/nodeClassRef/name").asText()).isEqualTo("default-azurelinux");
  }
}
