package dev.autoscaling.workshop.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.FuzzStatistics;
import dev.autoscaling.validation.testing.JsonTrees;
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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutations of the workshop's own objects (built in Java, and the workshop's YAML files) through the manifest
 * validator, as {@code workshop validate} reads them: text in, one result per document out, never an exception,
 * and the RabbitMQ password in no result.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class WorkshopObjectsFuzzTest {

  private static final String CANARY = "canary-Pa55w0rd-5b08";
  private static final List<JsonNode> SEEDS = new ArrayList<>();
  private static final FuzzStatistics STATISTICS = new FuzzStatistics("workshop objects through ManifestValidator");

  static {
    WorkshopConfig config = WorkshopConfig.defaults().withRabbitMq(RabbitMqCredentials.of("keda", CANARY));
    for (Object object : List.of(WorkshopManifests.rabbitMqScalerSecret(config),
        WorkshopManifests.rabbitMqTriggerAuthentication(config), WorkshopManifests.virtualWorkerScaledObject(config),
        WorkshopManifests.armNodePool(config, WorkshopManifests.AZURE_LINUX_NODECLASS),
        WorkshopManifests.azureLinuxNodeClass(config))) {
      SEEDS.add(Manifests.toTree(object));
    }
    for (String file : new String[] {"arm-nodepool-profile.yaml", "arm-nodepool-profile_v2.yaml",
        "virtual-worker-scaler.yaml"}) {
      SEEDS.addAll(JsonTrees.resourceDocuments("workshop/" + file));
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

  @Property(seed = "20260117")
  void shouldAnswerEveryMutationOfAWorkshopObject(@ForAll("seeds") JsonNode seed,
                                                  @ForAll("mutations") List<Mutation> mutations) {
    JsonNode object = Mutations.apply(seed, mutations);
    String yaml = yamlOrNull(object);

    STATISTICS.time(() -> {
      List<CheckedDocument> documents = yaml == null ? List.of()
          : ManifestValidator.detectingProvider().validate("fuzz.yaml", yaml);
      documents.forEach(document -> FuzzStatistics.assertBounded(document.result().report().violations()));
      assertThat(documents.toString()).doesNotContain(CANARY);
      // the tree itself, as a Java caller would pass it (also when it nests too deep to be written as YAML)
      assertThat(KedaValidation.validate(object).toString()).doesNotContain(CANARY);
    });
  }

  /** The object as YAML, or null when Jackson refuses to write it (nested deeper than it writes). */
  private static String yamlOrNull(JsonNode object) {
    try {
      return Manifests.toYaml(object);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @AfterContainer
  static void report() {
    STATISTICS.print();
  }
}
