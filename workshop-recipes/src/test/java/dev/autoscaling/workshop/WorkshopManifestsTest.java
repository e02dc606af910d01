package dev.autoscaling.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.testing.JsonTrees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each manifest built with the generated builders serialises equal in meaning to the workshop's YAML. */
class WorkshopManifestsTest {

  @Test
  void shouldBuildTheKedaScalerExactlyAsTheWorkshopWritesIt() {
    List<JsonNode> workshop = JsonTrees.resourceDocuments("workshop/virtual-worker-scaler.yaml");

    assertThat(JsonTrees.treeOf(WorkshopManifests.rabbitMqScalerSecret(RabbitMqCredentials.workshopDefaults())))
        .isEqualTo(workshop.get(0));
    assertThat(JsonTrees.treeOf(WorkshopManifests.rabbitMqTriggerAuthentication())).isEqualTo(workshop.get(1));
    assertThat(JsonTrees.treeOf(WorkshopManifests.virtualWorkerScaledObject())).isEqualTo(workshop.get(2));
  }

  @Test
  void shouldBuildTheFirstArmNodePoolExactlyAsTheWorkshopWritesIt() {
    assertThat(JsonTrees.treeOf(WorkshopManifests.armNodePool(WorkshopManifests.DEFAULT_NODECLASS)))
        .isEqualTo(JsonTrees.resourceDocument("workshop/arm-nodepool-profile.yaml"));
  }

  @Test
  void shouldBuildTheAzureLinuxNodeClassAndSecondNodePoolExactlyAsTheWorkshopWritesThem() {
    List<JsonNode> workshop = JsonTrees.resourceDocuments("workshop/arm-nodepool-profile_v2.yaml");

    assertThat(JsonTrees.treeOf(WorkshopManifests.azureLinuxNodeClass())).isEqualTo(workshop.get(0));
    assertThat(JsonTrees.treeOf(WorkshopManifests.armNodePool(WorkshopManifests.AZURE_LINUX_NODECLASS)))
        .isEqualTo(workshop.get(1));
  }

  @Test
  void shouldGroupTheSixObjectsIntoTheWorkshopsThreeFilesInOrder() {
    List<WorkshopStage> stages = WorkshopManifests.stages(RabbitMqCredentials.workshopDefaults());

    assertThat(stages).extracting(WorkshopStage::name)
        .containsExactly("virtual-worker-scaler", "arm-nodepool-profile", "arm-nodepool-profile_v2");
    assertThat(stages).flatExtracting(WorkshopStage::objects).extracting(HasMetadata::getKind)
        .containsExactly("Secret", "TriggerAuthentication", "ScaledObject", "NodePool", "AKSNodeClass", "NodePool");
  }
}
