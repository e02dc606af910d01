package dev.autoscaling.aks;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.CredentialResultsInner;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.CredentialResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The AKS cluster a spec names ({@code az aks}): create or update it idempotently, read it, fetch its credentials,
 * delete it if this SDK created it. Obtained from {@link AksManager#clusters()}.
 */
public final class Clusters {

  private static final Set<String> HALF_CREATED = Set.of("failed", "creating", "canceled");

  private final Arm arm;

  Clusters(Arm arm) {
    this.arm = arm;
  }

  /**
   * Starts creating the cluster, resumes a half-created one (Failed, Creating or Canceled: the same body again), or
   * does nothing (an already completed poller) when it matches the spec.
   *
   * @throws ClusterMismatchException when the cluster differs and {@code onDifference} is FAIL, or the difference
   *     is its location: nothing was sent
   */
  public SyncPoller<Progress, ClusterResult> beginCreateOrUpdate(AksClusterSpec spec, OnDifference onDifference) {
    Objects.requireNonNull(onDifference, "onDifference");
    Optional<ManagedClusterInner> existing = arm.cluster(spec);
    ClusterResult.Action action;
    ManagedClusterInner body;
    if (existing.isEmpty()) {
      action = ClusterResult.Action.CREATED;
      body = spec.toManagedCluster().withTags(Tags.of(arm.runId()));
    } else if (isHalfCreated(existing.get())) {
      // Same body again: ARM resumes a failed or interrupted create from where it stopped.
      action = ClusterResult.Action.RESUMED;
      body = spec.toManagedCluster().withTags(resumedTags(existing.get().tags()));
    } else {
      List<String> differences = AksCluster.of(spec.resourceGroup(), existing.get()).differencesFrom(spec);
      if (differences.isEmpty()) {
        return Pollers.completed(operation(ClusterResult.Action.UNCHANGED, spec),
            LongRunningOperationStatus.SUCCESSFULLY_COMPLETED.toString(),
            result(spec, ClusterResult.Action.UNCHANGED, existing.get()));
      }
      boolean movable = differences.stream().noneMatch(d -> d.startsWith("location"));
      if (onDifference == OnDifference.FAIL || !movable) {
        throw new ClusterMismatchException(operation(ClusterResult.Action.UNCHANGED, spec)
            + (movable ? "" : " (a cluster cannot move to another location)"), differences);
      }
      action = ClusterResult.Action.UPDATED;
      body = updated(existing.get(), spec);
    }
    String operation = operation(action, spec);
    return Pollers.arm(operation, arm.pollInterval(),
        ArmErrors.call(operation, () -> clusters().beginCreateOrUpdate(spec.resourceGroup(), spec.name(), body))
            .setPollInterval(arm.pollInterval()),
        cluster -> result(spec, action, cluster));
  }

  /** As {@link #beginCreateOrUpdate}, waiting, each poll reported to {@code progress}; says what was done. */
  public ClusterResult createOrUpdate(AksClusterSpec spec, OnDifference onDifference, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginCreateOrUpdate(spec, onDifference), arm.pollInterval(), progress);
  }

  /** The cluster as ARM has it now, or empty if it does not exist: a read, nothing is changed. */
  public Optional<AksCluster> get(AksClusterSpec spec) {
    return arm.cluster(spec).map(cluster -> AksCluster.of(spec.resourceGroup(), cluster));
  }

  /** The user kubeconfig ({@code az aks get-credentials}), in memory. */
  public AksCredentials userCredentials(AksClusterSpec spec) {
    String cluster = Arm.clusterName(spec);
    CredentialResultsInner results = ArmErrors.call("get credentials of " + cluster,
        () -> clusters().listClusterUserCredentials(spec.resourceGroup(), spec.name()));
    List<CredentialResult> kubeconfigs = results.kubeconfigs();
    if (kubeconfigs == null || kubeconfigs.isEmpty() || kubeconfigs.get(0).value() == null) {
      throw new AksProvisioningException("get credentials of " + cluster, 0, null, "AKS returned no kubeconfig",
          null);
    }
    return new AksCredentials(cluster, kubeconfigs.get(0).value());
  }

  /** The cluster's node pools, in ARM's order ({@code az aks nodepool list}). */
  public List<AgentPool> agentPools(AksClusterSpec spec) {
    return arm.agentPools(spec).stream().map(AgentPool::of).toList();
  }

  /**
   * Starts deleting the cluster, only if it carries {@code created-by: dev.autoscaling}. A cluster that is not
   * there, or not this SDK's, is kept: an already completed poller whose result says why.
   */
  public SyncPoller<Progress, Deletion> beginDelete(AksClusterSpec spec) {
    String resource = "cluster " + Arm.clusterName(spec);
    String operation = "delete " + resource;
    Optional<ManagedClusterInner> cluster = arm.cluster(spec);
    if (cluster.isEmpty() || !Tags.createdByUs(cluster.get().tags())) {
      String kept = cluster.isEmpty() ? "not found" : Tags.notOurs();
      return Pollers.completed(operation, "kept: " + kept, Deletion.kept(resource, kept));
    }
    return Pollers.arm(operation, arm.pollInterval(),
        ArmErrors.call(operation, () -> clusters().beginDelete(spec.resourceGroup(), spec.name()))
            .setPollInterval(arm.pollInterval()),
        none -> Deletion.deleted(resource));
  }

  /** As {@link #beginDelete}, waiting, each poll reported to {@code progress}. */
  public Deletion delete(AksClusterSpec spec, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginDelete(spec), arm.pollInterval(), progress);
  }

  private ManagedClustersClient clusters() {
    return arm.aks().getManagedClusters();
  }

  private static ClusterResult result(AksClusterSpec spec, ClusterResult.Action action, ManagedClusterInner cluster) {
    return new ClusterResult(spec.resourceGroup(), spec.name(), action,
        cluster == null ? null : cluster.provisioningState());
  }

  private static String operation(ClusterResult.Action action, AksClusterSpec spec) {
    String verb = switch (action) {
      case CREATED -> "create";
      case RESUMED -> "resume";
      case UPDATED -> "update";
      case UNCHANGED -> "check";
    };
    return verb + " cluster " + Arm.clusterName(spec);
  }

  private static boolean isHalfCreated(ManagedClusterInner cluster) {
    return cluster.provisioningState() != null
        && HALF_CREATED.contains(cluster.provisioningState().toLowerCase(Locale.ROOT));
  }

  /** A resumed cluster keeps its tags (and so its original run id); ours are added only to an untagged one. */
  private Map<String, String> resumedTags(Map<String, String> existing) {
    return existing == null || existing.isEmpty() ? Tags.of(arm.runId()) : existing;
  }

  /** The existing cluster with the spec's settings laid over it, so that nothing else it has is dropped. */
  private static ManagedClusterInner updated(ManagedClusterInner existing, AksClusterSpec spec) {
    ManagedClusterInner wanted = spec.toManagedCluster();
    ContainerServiceNetworkProfile network = existing.networkProfile() == null
        ? new ContainerServiceNetworkProfile() : existing.networkProfile();
    return existing
        .withWorkloadAutoScalerProfile(wanted.workloadAutoScalerProfile())
        .withNodeProvisioningProfile(wanted.nodeProvisioningProfile())
        .withNetworkProfile(network
            .withNetworkPlugin(wanted.networkProfile().networkPlugin())
            .withNetworkPluginMode(wanted.networkProfile().networkPluginMode())
            .withNetworkDataplane(wanted.networkProfile().networkDataplane()));
  }
}
