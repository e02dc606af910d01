package dev.autoscaling.aks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration is skipped when in place; teardown deletes only what this SDK created. */
class RegistrationAndTeardownTest {

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble();
    aks = arm.configure()
        .authenticate(new CountingCredential("token-teardown"), arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldPostNothingWhenFeatureAndProviderAreRegistered() {
    // Given
    arm.featureState("Registered").providerState("Registered");

    // When
    FeatureRegistration registration = aks.features().ensureNodeAutoProvisioning(p -> { });

    // Then
    assertThat(registration).isEqualTo(new FeatureRegistration("Registered", "Registered", false));
    assertThat(arm.requests()).extracting(ArmDouble.Request::method).containsOnly("GET");
    assertThat(arm.requests()).hasSize(2);
  }

  @Test
  void shouldRegisterAnUnregisteredProviderEvenWhenTheFeatureIsRegistered() {
    // Given
    arm.featureState("Registered").providerState("NotRegistered");

    // When
    var poller = aks.features().beginEnsureNodeAutoProvisioning();
    FeatureRegistration registration = poller.getFinalResult();

    // Then
    assertThat(registration.providerRegisterSent()).isTrue();
    assertThat(registration.providerState()).isEqualTo("Registered");
    assertThat(arm.requests("POST", ".*/features/.*")).isEmpty();
    assertThat(arm.requests("POST", ".*/providers/microsoft.containerservice/register")).hasSize(1);
  }

  @Test
  void shouldNeverDeleteAPreExistingGroupNorAClusterItDidNotCreate() throws Exception {
    // Given: the group existed, untagged, and holds a cluster made with az
    arm.existingGroup("WorkshopRG", "eastus2", Map.of("owner", "platform-team"));
    arm.existingCluster("WorkshopRG", "workshopcluster", spec.toManagedCluster().toJsonString(), "Succeeded");
    ResourceGroupResult group = aks.resourceGroups().ensure(spec);

    // When
    TeardownReport report = aks.teardown(spec, p -> { });

    // Then
    assertThat(group.preExisting()).isTrue();
    assertThat(arm.requests("PUT", ".*/resourcegroups/workshoprg")).isEmpty();
    assertThat(report.deleted()).isEmpty();
    assertThat(report.skipped()).containsExactly(
        "cluster WorkshopRG/workshopcluster: no tag created-by=dev.autoscaling, so not created by this SDK",
        "resource group WorkshopRG: it existed before this SDK ensured it");
    assertThat(arm.requests()).extracting(ArmDouble.Request::method).doesNotContain("DELETE");
    assertThat(arm.hasCluster("WorkshopRG", "workshopcluster")).isTrue();
  }

  @Test
  void shouldDeleteItsClusterButKeepTheGroupItFoundWhenTheGroupHadNoTag() throws Exception {
    // Given: a fresh provisioner (another process) finds an untagged group and a tagged cluster
    arm.existingGroup("WorkshopRG", "eastus2", Map.of());
    arm.existingCluster("WorkshopRG", "workshopcluster",
        spec.toManagedCluster().withTags(Tags.of("run-1")).toJsonString(), "Succeeded");

    // When
    TeardownReport report = aks.teardown(spec, p -> { });

    // Then
    assertThat(report.deleted()).containsExactly("cluster WorkshopRG/workshopcluster");
    assertThat(report.skipped()).containsExactly(
        "resource group WorkshopRG: no tag created-by=dev.autoscaling, so not created by this SDK");
    assertThat(arm.hasGroup("WorkshopRG")).isTrue();
    assertThat(arm.hasCluster("WorkshopRG", "workshopcluster")).isFalse();
  }
}
