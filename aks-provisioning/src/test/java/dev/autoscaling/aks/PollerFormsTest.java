package dev.autoscaling.aks;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code begin*} form of every long-running operation: a {@code SyncPoller<Progress, R>} that sends what the
 * blocking form sends, reports ARM's states, ends with the same result, and fails as the Azure SDK's pollers do
 * (FAILED status, {@code getFinalResult()} throws ARM's code and message).
 */
class PollerFormsTest {

  private static final String CLUSTER_PATH = ".*/managedclusters/workshopcluster";
  private static final String GROUP_PATH = ".*/resourcegroups/workshoprg";

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble();
    aks = arm.configure().withRunId("run-poller").authenticate(new CountingCredential("token-poller"), arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldCreateTheClusterThroughThePollerReportingEachArmState() {
    // Given
    aks.resourceGroups().ensure(spec);
    arm.inProgressPolls(2);

    // When
    SyncPoller<Progress, ClusterResult> poller = aks.clusters().beginCreateOrUpdate(spec, OnDifference.FAIL);
    List<PollResponse<Progress>> responses = pollToTheEnd(poller);
    ClusterResult result = poller.getFinalResult();

    // Then: the PUT went out when the poller was made; two InProgress polls, then Succeeded
    assertThat(arm.requests("PUT", CLUSTER_PATH)).hasSize(1);
    assertThat(responses).extracting(PollResponse::getStatus).containsExactly(
        LongRunningOperationStatus.IN_PROGRESS, LongRunningOperationStatus.IN_PROGRESS,
        LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
    assertThat(responses).extracting(r -> r.getValue().operation())
        .containsOnly("create cluster WorkshopRG/workshopcluster");
    assertThat(result).isEqualTo(new ClusterResult("WorkshopRG", "workshopcluster", ClusterResult.Action.CREATED,
        "Succeeded"));
    assertThat(aks.clusters().get(spec)).hasValueSatisfying(cluster -> {
      assertThat(cluster.provisioningState()).isEqualTo("Succeeded");
      assertThat(cluster.differencesFrom(spec)).isEmpty();
      assertThat(cluster.createdByThisSdk()).isTrue();
      assertThat(cluster.tags()).containsEntry(AksManager.RUN_ID_TAG, "run-poller");
    });
  }

  @Test
  void shouldAnswerTheEndAgainWithoutCallingArmOncePollingIsOver() {
    // Given
    aks.resourceGroups().ensure(spec);
    SyncPoller<Progress, ClusterResult> poller = aks.clusters().beginCreateOrUpdate(spec, OnDifference.FAIL);
    poller.getFinalResult();
    int sent = arm.requests().size();

    // When
    PollResponse<Progress> again = poller.poll();

    // Then
    assertThat(again.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
    assertThat(arm.requests()).hasSize(sent);
  }

  @Test
  void shouldReportAFailedOperationAsFailedAndThrowArmsErrorFromGetFinalResult() {
    // Given
    aks.resourceGroups().ensure(spec);
    arm.failNextClusterOperation("QuotaExceeded", "Operation could not be completed as it results in exceeding"
        + " approved standardDSv2Family Cores quota.");
    SyncPoller<Progress, ClusterResult> poller = aks.clusters().beginCreateOrUpdate(spec, OnDifference.FAIL);

    // When
    PollResponse<Progress> end = poller.waitForCompletion();
    AksProvisioningException failure = catchThrowableOfType(AksProvisioningException.class, poller::getFinalResult);

    // Then: the same exception the blocking form throws (ClusterLifecycleTest)
    assertThat(end.getStatus()).isEqualTo(LongRunningOperationStatus.FAILED);
    assertThat(end.getValue()).isEqualTo(new Progress("create cluster WorkshopRG/workshopcluster", "FAILED",
        end.getValue().elapsed()));
    assertThat(failure.errorCode()).isEqualTo("QuotaExceeded");
    assertThat(failure).hasMessage("create cluster WorkshopRG/workshopcluster: QuotaExceeded: Operation could not be"
        + " completed as it results in exceeding approved standardDSv2Family Cores quota.");
  }

  @Test
  void shouldTaintThroughThePollerOnceAndFinishAtOnceWhenTheTaintIsThere() {
    // Given
    aks.resourceGroups().ensure(spec);
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });

    // When
    TaintResult first = aks.systemPool().beginTaint(spec, SystemPoolTaint.noSchedule()).getFinalResult();
    SyncPoller<Progress, TaintResult> second = aks.systemPool().beginTaint(spec, SystemPoolTaint.noSchedule());
    PollResponse<Progress> secondPoll = second.poll();

    // Then
    assertThat(first).isEqualTo(new TaintResult("nodepool1", List.of("CriticalAddonsOnly=true:NoSchedule"), true));
    assertThat(secondPoll.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
    assertThat(second.getFinalResult().changed()).isFalse();
    assertThat(arm.requests("PUT", ".*/agentpools/.*")).hasSize(1);
    assertThat(aks.systemPool().get(spec)).isEqualTo(new AgentPool("nodepool1",
        com.azure.resourcemanager.containerservice.models.AgentPoolMode.SYSTEM,
        List.of("CriticalAddonsOnly=true:NoSchedule"), "Succeeded"));
  }

  @Test
  void shouldTearDownThroughOnePollerTheClusterFirstThenTheGroup() {
    // Given: both created by this manager
    aks.resourceGroups().ensure(spec);
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });
    arm.clearRequests();

    // When
    SyncPoller<Progress, TeardownReport> poller = aks.beginTeardown(spec);
    List<PollResponse<Progress>> responses = pollToTheEnd(poller);
    TeardownReport report = poller.getFinalResult();

    // Then: each stage reports its own operation, and the whole ends once
    List<String> operations = responses.stream().map(r -> r.getValue().operation()).distinct().toList();
    assertThat(operations).containsExactly("delete cluster WorkshopRG/workshopcluster",
        "delete resource group WorkshopRG");
    assertThat(responses.subList(0, responses.size() - 1)).extracting(PollResponse::getStatus)
        .containsOnly(LongRunningOperationStatus.IN_PROGRESS);
    assertThat(report).isEqualTo(new TeardownReport(
        List.of("cluster WorkshopRG/workshopcluster", "resource group WorkshopRG"), List.of()));

    // Then: the group's DELETE was sent only after the cluster's operation had ended
    List<String> lines = arm.requestLines().stream().map(String::toLowerCase).toList();
    int clusterDelete = indexOf(lines, "delete /subscriptions/.*/managedclusters/workshopcluster");
    int groupDelete = indexOf(lines, "delete /subscriptions/[^/]*/resourcegroups/workshoprg");
    int lastClusterPoll = lastIndexOf(lines, "get /subscriptions/.*/providers/microsoft.containerservice/locations/"
        + ".*/operations/.*");
    assertThat(clusterDelete).isLessThan(lastClusterPoll);
    assertThat(lastClusterPoll).isLessThan(groupDelete);
    assertThat(arm.hasCluster("WorkshopRG", "workshopcluster")).isFalse();
    assertThat(arm.hasGroup("WorkshopRG")).isFalse();
  }

  @Test
  void shouldStopTheTeardownBeforeTheGroupWhenArmRefusesTheClustersDelete() {
    // Given
    aks.resourceGroups().ensure(spec);
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });
    arm.conflictNext("DELETE", CLUSTER_PATH, "OperationNotAllowed",
        "Operation is not allowed because there's an in progress update managed cluster operation.");

    // When
    AksProvisioningException conflict = catchThrowableOfType(AksProvisioningException.class,
        () -> aks.teardown(spec, p -> { }));

    // Then
    assertThat(conflict.httpStatus()).isEqualTo(409);
    assertThat(conflict.operation()).isEqualTo("delete cluster WorkshopRG/workshopcluster");
    assertThat(arm.requests("DELETE", GROUP_PATH)).isEmpty();
    assertThat(arm.hasGroup("WorkshopRG")).isTrue();
  }

  @Test
  void shouldKeepWhatThisSdkDidNotCreateWithoutSendingADelete() throws Exception {
    // Given: a group tagged by an earlier run (so not pre-existing for this manager) holding a cluster made with az
    arm.existingGroup("WorkshopRG", "eastus2", Tags.of("run-earlier"));
    arm.existingCluster("WorkshopRG", "workshopcluster", spec.toManagedCluster().toJsonString(), "Succeeded");

    // When
    SyncPoller<Progress, Deletion> cluster = aks.clusters().beginDelete(spec);
    PollResponse<Progress> clusterPoll = cluster.poll();
    Deletion group = aks.resourceGroups().delete(spec, p -> { });

    // Then: both done at once, each saying why it was kept
    assertThat(clusterPoll.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
    assertThat(clusterPoll.getValue().state()).isEqualTo("kept: no tag created-by=dev.autoscaling, so not created"
        + " by this SDK");
    assertThat(cluster.getFinalResult()).isEqualTo(new Deletion("cluster WorkshopRG/workshopcluster", false,
        "no tag created-by=dev.autoscaling, so not created by this SDK"));
    assertThat(group).isEqualTo(new Deletion("resource group WorkshopRG", false,
        "it holds a cluster this SDK did not create"));
    assertThat(arm.requests()).extracting(ArmDouble.Request::method).doesNotContain("DELETE");
    assertThat(arm.hasCluster("WorkshopRG", "workshopcluster")).isTrue();
  }

  @Test
  void shouldReportTheSameRegistrationThroughThePollerAsThroughTheBlockingForm() {
    // Given
    arm.featureState("NotRegistered").providerState("Registered");

    // When
    SyncPoller<Progress, FeatureRegistration> poller = aks.features().beginEnsureNodeAutoProvisioning();
    List<PollResponse<Progress>> responses = pollToTheEnd(poller);

    // Then: the feature registers first, then the provider is registered again
    assertThat(responses).extracting(r -> r.getValue().state()).startsWith("feature Registering")
        .endsWith("provider Registered");
    assertThat(poller.getFinalResult()).isEqualTo(new FeatureRegistration("Registered", "Registered", true));
    assertThat(aks.features().ensureNodeAutoProvisioning(p -> { }))
        .isEqualTo(new FeatureRegistration("Registered", "Registered", false));
    assertThat(arm.requests("POST", ".*/features/nodeautoprovisioningpreview/register")).hasSize(1);
    assertThat(arm.requests("POST", ".*/providers/microsoft.containerservice/register")).hasSize(1);
  }

  /** Polls as a caller of the poller would, with no wait between polls: ends when ARM says so. */
  private static <R> List<PollResponse<Progress>> pollToTheEnd(SyncPoller<Progress, R> poller) {
    List<PollResponse<Progress>> responses = new ArrayList<>();
    PollResponse<Progress> response;
    do {
      response = poller.poll();
      responses.add(response);
    } while (!response.getStatus().isComplete() && responses.size() < 100);
    return responses;
  }

  private static int lastIndexOf(List<String> lines, String regex) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    throw new AssertionError("no request " + regex + " in " + lines);
  }

  private static int indexOf(List<String> lines, String regex) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    throw new AssertionError("no request " + regex + " in " + lines);
  }
}
