package dev.autoscaling.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.FuzzStatistics;
import dev.autoscaling.validation.testing.Mutations;
import dev.autoscaling.validation.testing.Mutations.Mutation;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workshop validate} on files holding mutations of the workshop's objects: an answer per document and an exit
 * code, never a stack trace, never the RabbitMQ password.
 */
class ValidateCommandFuzzTest {

  private static final String CANARY = "canary-Pa55w0rd-c4d2";
  private static final List<JsonNode> SEEDS = new ArrayList<>();
  private static final FuzzStatistics STATISTICS = new FuzzStatistics("workshop validate on a file");

  static {
    WorkshopConfig config = WorkshopConfig.defaults().withRabbitMq(RabbitMqCredentials.of("keda", CANARY));
    for (Object object : List.of(WorkshopManifests.rabbitMqScalerSecret(config),
        WorkshopManifests.rabbitMqTriggerAuthentication(config), WorkshopManifests.virtualWorkerScaledObject(config),
        WorkshopManifests.armNodePool(config, WorkshopManifests.AZURE_LINUX_NODECLASS),
        WorkshopManifests.azureLinuxNodeClass(config))) {
      JsonNode tree = Manifests.toTree(object);
      if (tree.path("kind").asText().equals("ScaledObject")) {
        // a password in plain trigger metadata too: the CLI must say it is there, never what it is
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/spec/triggers/0/metadata")).put("password", CANARY);
      }
      SEEDS.add(tree);
    }
  }

  @Provide
  Arbitrary<JsonNode> seeds() {
    return Arbitraries.of(SEEDS);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutations.mutations();
  }

  @Property(seed = "20260118")
  void shouldAnswerEveryMutatedFileWithoutAStackTrace(@ForAll("seeds") JsonNode seed,
                                                       @ForAll("mutations") List<Mutation> mutations) throws IOException {
    JsonNode object = Mutations.apply(seed, mutations);
    String yaml;
    try {
      yaml = Manifests.toYaml(List.of(object, seed));
    } catch (IllegalArgumentException e) {
      return; // nested deeper than Jackson writes: no file to give the command
    }
    Path file = Files.createTempFile("fuzz", ".yaml");
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      CliRun cli = new CliRun();

      STATISTICS.time(() -> {
        int exit = cli.run("validate", file.toString());

        String printed = cli.out + "\n" + cli.err;
        assertThat(exit).as(printed).isIn(0, 1);
        assertThat(printed).doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("\tat ");
      });
    } finally {
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @AfterContainer
  static void report() {
    STATISTICS.print();
  }
}
