package dev.autoscaling.aks;

import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.resources.fluent.ResourceGroupsClient;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The resource group a spec names ({@code az group}). Obtained from {@link AksManager#resourceGroups()}.
 *
 * <p>Creating a group is one synchronous ARM request, so {@link #ensure} has no poller; deleting one is a
 * long-running operation, hence {@link #beginDelete} beside {@link #delete}.
 */
public final class ResourceGroups {

  private final Arm arm;
  // Groups that existed, untagged, before ensure looked: never deleted by this manager.
  private final Set<String> preExisting = ConcurrentHashMap.newKeySet();

  ResourceGroups(Arm arm) {
    this.arm = arm;
  }

  /**
   * Creates the group, tagged, if it does not exist. An existing group is left alone; if it does not carry this
   * SDK's tag it is remembered as pre-existing and this manager will not delete it.
   */
  public ResourceGroupResult ensure(AksClusterSpec spec) {
    String group = spec.resourceGroup();
    String operation = "create resource group " + group;
    if (ArmErrors.call(operation, () -> groups().checkExistence(group))) {
      ResourceGroupInner existing = ArmErrors.call(operation, () -> groups().get(group));
      if (!Tags.createdByUs(existing.tags())) {
        preExisting.add(group.toLowerCase(Locale.ROOT));
        return new ResourceGroupResult(group, existing.location(), true, false);
      }
      return new ResourceGroupResult(group, existing.location(), false, false);
    }
    ResourceGroupInner created = ArmErrors.call(operation, () -> groups().createOrUpdate(group,
        new ResourceGroupInner().withLocation(spec.location()).withTags(Tags.of(arm.runId()))));
    return new ResourceGroupResult(group, created.location(), false, true);
  }

  /**
   * Starts deleting the group, everything in it included, only if it carries {@code created-by: dev.autoscaling};
   * never a group that existed before {@link #ensure}, nor one holding the spec's cluster when this SDK did not
   * create that cluster. A kept group is an already completed poller whose result says why.
   */
  public SyncPoller<Progress, Deletion> beginDelete(AksClusterSpec spec) {
    String group = spec.resourceGroup();
    String resource = "resource group " + group;
    String operation = "delete " + resource;
    String kept = null;
    if (preExisting.contains(group.toLowerCase(Locale.ROOT))) {
      kept = "it existed before this SDK ensured it";
    } else if (!ArmErrors.call(operation, () -> groups().checkExistence(group))) {
      kept = "not found";
    } else if (!Tags.createdByUs(ArmErrors.call(operation, () -> groups().get(group)).tags())) {
      kept = Tags.notOurs();
    } else {
      Optional<ManagedClusterInner> cluster = arm.cluster(spec);
      if (cluster.isPresent() && !Tags.createdByUs(cluster.get().tags())) {
        kept = "it holds a cluster this SDK did not create";
      }
    }
    if (kept != null) {
      return Pollers.completed(operation, "kept: " + kept, Deletion.kept(resource, kept));
    }
    return Pollers.arm(operation, arm.pollInterval(),
        ArmErrors.call(operation, () -> groups().beginDelete(group)).setPollInterval(arm.pollInterval()),
        none -> Deletion.deleted(resource));
  }

  /** As {@link #beginDelete}, waiting, each poll reported to {@code progress}. */
  public Deletion delete(AksClusterSpec spec, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginDelete(spec), arm.pollInterval(), progress);
  }

  private ResourceGroupsClient groups() {
    return arm.resources().serviceClient().getResourceGroups();
  }
}
