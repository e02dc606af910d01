package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.models.NetworkDataplane;
import com.azure.resourcemanager.containerservice.models.NodeProvisioningMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Create-or-update is idempotent, never overwrites silently, resumes half-created clusters, and fails clearly. */
class ClusterLifecycleTest {

  private static final String CLUSTER = "PUT";
  private static final String CLUSTER_PATH = ".*/managedclusters/workshopcluster";

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble().existingGroup("WorkshopRG", "eastus2", Map.of());
    aks = arm.configure()
        .withRunId("run-7")
        .authenticate(new CountingCredential("token-lifecycle"), arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldLeaveAMatchingClusterAloneWithoutAnyPut() throws Exception {
    // Given
    arm.existingCluster("WorkshopRG", "workshopcluster", spec.toManagedCluster().toJsonString(), "Succeeded");

    // When
    ClusterResult result = aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });

    // Then
    assertThat(result.action()).isEqualTo(ClusterResult.Action.UNCHANGED);
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).isEmpty();
    assertThat(aks.clusters().beginCreateOrUpdate(spec, OnDifference.FAIL).poll().getStatus().isComplete()).isTrue();
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).isEmpty();
  }

  @Test
  void shouldReportEveryDifferenceAndChangeNothingUnlessAskedToUpdate() throws Exception {
    // Given: a cluster made without KEDA, with manual provisioning and the Azure dataplane
    String body = AksClusterSpec.workshop().withNodeProvisioningMode(NodeProvisioningMode.MANUAL)
        .withNetworkDataplane(NetworkDataplane.AZURE).toManagedCluster().withWorkloadAutoScalerProfile(null)
        .toJsonString();
    arm.existingCluster("WorkshopRG", "workshopcluster", body, "Succeeded");

    // When
    ClusterMismatchException mismatch = catchThrowableOfType(ClusterMismatchException.class,
        () -> aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { }));

    // Then
    assertThat(mismatch.differences()).containsExactly(
        "workloadAutoScalerProfile.keda.enabled: wanted true, found false",
        "nodeProvisioningProfile.mode: wanted Auto, found Manual",
        "networkProfile.networkDataplane: wanted cilium, found azure");
    assertThat(mismatch).hasMessageContaining("OnDifference.UPDATE");
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).isEmpty();

    // When the caller asks for the update
    ClusterResult updated = aks.clusters().createOrUpdate(spec, OnDifference.UPDATE, p -> { });

    // Then
    assertThat(updated.action()).isEqualTo(ClusterResult.Action.UPDATED);
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).singleElement().satisfies(put -> {
      assertThat(put.json().at("/properties/workloadAutoScalerProfile/keda/enabled").asBoolean()).isTrue();
      assertThat(put.json().at("/properties/nodeProvisioningProfile/mode").asText()).isEqualTo("Auto");
      assertThat(put.json().at("/properties/networkProfile/networkDataplane").asText()).isEqualTo("cilium");
    });
  }

  @Test
  void shouldNeverMoveAClusterToAnotherLocationEvenWhenAskedToUpdate() throws Exception {
    // Given
    arm.existingCluster("WorkshopRG", "workshopcluster",
        AksClusterSpec.of("workshopcluster", "WorkshopRG", "westeurope").toManagedCluster().toJsonString(),
        "Succeeded");

    // When / Then
    assertThatThrownBy(() -> aks.clusters().createOrUpdate(spec, OnDifference.UPDATE, p -> { }))
        .isInstanceOf(ClusterMismatchException.class)
        .hasMessageContaining("location: wanted eastus2, found westeurope")
        .hasMessageContaining("cannot move");
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).isEmpty();
  }

  @Test
  void shouldSurfaceAFailedOperationAsOneExceptionAndResumeWhenRunAgain() {
    // Given
    arm.failNextClusterOperation("QuotaExceeded", "Operation could not be completed as it results in exceeding"
        + " approved standardDSv2Family Cores quota.");

    // When
    AksProvisioningException failure = catchThrowableOfType(AksProvisioningException.class,
        () -> aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { }));

    // Then
    assertThat(failure.errorCode()).isEqualTo("QuotaExceeded");
    assertThat(failure).hasMessage("create cluster WorkshopRG/workshopcluster: QuotaExceeded: Operation could not be"
        + " completed as it results in exceeding approved standardDSv2Family Cores quota.");
    assertThat(failure.getCause()).isNull();
    assertThat(arm.clusterProvisioningState("WorkshopRG", "workshopcluster")).isEqualTo("Failed");

    // When the same call runs again
    ClusterResult resumed = aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });

    // Then the same body was sent again, and the cluster is there
    assertThat(resumed.action()).isEqualTo(ClusterResult.Action.RESUMED);
    assertThat(resumed.provisioningState()).isEqualTo("Succeeded");
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).hasSize(2);
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH).get(1).json())
        .isEqualTo(arm.requests(CLUSTER, CLUSTER_PATH).get(0).json());
  }

  @Test
  void shouldResumeAClusterLeftCreating() throws Exception {
    // Given: a create that was interrupted (the process died while ARM was still creating)
    arm.existingCluster("WorkshopRG", "workshopcluster",
        spec.toManagedCluster().withTags(Tags.of("run-earlier")).toJsonString(), "Creating");

    // When
    ClusterResult result = aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });

    // Then: same body, keeping the earlier run's tags
    assertThat(result.action()).isEqualTo(ClusterResult.Action.RESUMED);
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).singleElement()
        .satisfies(put -> assertThat(put.json().at("/tags/dev.autoscaling-run-id").asText()).isEqualTo("run-earlier"));
  }

  @Test
  void shouldSurfaceAConflictClearly() {
    // Given
    arm.conflictNext("PUT", CLUSTER_PATH, "OperationNotAllowed",
        "Operation is not allowed because there's an in progress create managed cluster operation.");

    // When
    AksProvisioningException conflict = catchThrowableOfType(AksProvisioningException.class,
        () -> aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { }));

    // Then
    assertThat(conflict.httpStatus()).isEqualTo(409);
    assertThat(conflict.errorCode()).isEqualTo("OperationNotAllowed");
    assertThat(conflict).hasMessageStartingWith("create cluster WorkshopRG/workshopcluster: HTTP 409,"
        + " OperationNotAllowed: Operation is not allowed");
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).hasSize(1);
  }

  @Test
  void shouldHonourRetryAfterOnceWithoutARetryStorm() {
    // Given: ARM throttles the first GET of the cluster
    arm.throttleNext("GET", CLUSTER_PATH, 1);

    // When
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });

    // Then: one retry, after at least the second ARM asked for
    var gets = arm.requests("GET", CLUSTER_PATH);
    assertThat(gets.size()).isEqualTo(3); // throttled, retried, and the poller's final GET
    assertThat(Duration.ofNanos(gets.get(1).nanos() - gets.get(0).nanos())).isGreaterThanOrEqualTo(
        Duration.ofSeconds(1));
    assertThat(arm.requests(CLUSTER, CLUSTER_PATH)).hasSize(1);
  }
}
