package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workshop's Azure sequence as data, for dry runs: each step with its {@code az} command, ARM method, path and
 * JSON body, exactly as {@link AksManager} would send it. Built without calling Azure, so it cannot know what
 * already exists: the provisioner skips what is already in place (no PUT for a matching cluster, no taint PUT when
 * the taint is there), and the taint step's real body is the pool as ARM returns it with the taint added.
 *
 * <p>The {@code az} commands are the workshop's own; the ARM bodies add the {@code created-by} and run-id tags that
 * let {@link AksManager#teardown} tell what it created.
 */
public record AksPlan(List<PlannedOperation> operations) {

  static final String AKS_API = "2025-09-01";
  static final String FEATURES_API = "2021-07-01";
  static final String RESOURCES_API = "2025-04-01";

  public AksPlan {
    operations = List.copyOf(operations);
  }

  /** The workshop's sequence: feature, provider, group, cluster, credentials, system pool, taint. */
  public static AksPlan of(String subscriptionId, String runId, AksClusterSpec spec, SystemPoolTaint taint) {
    String sub = "/subscriptions/" + subscriptionId;
    String feature = sub + "/providers/Microsoft.Features/providers/" + AzCommands.CONTAINER_SERVICE + "/features/"
        + AzCommands.NAP_FEATURE;
    String group = sub + "/resourcegroups/" + spec.resourceGroup();
    String cluster = clusterPath(subscriptionId, spec);
    String pool = AksClusterSpec.SYSTEM_POOL;
    Map<String, String> tags = Tags.of(runId);
    List<PlannedOperation> ops = new ArrayList<>();
    ops.add(new PlannedOperation("Register the Node Auto Provisioning preview feature (skipped when Registered)",
        AzCommands.featureRegister(), "POST", feature + "/register?api-version=" + FEATURES_API, null));
    ops.add(new PlannedOperation("Wait until the feature is Registered", AzCommands.featureShow(), "GET",
        feature + "?api-version=" + FEATURES_API, null));
    ops.add(new PlannedOperation("Register the resource provider again so that the feature applies (skipped when"
        + " the feature and provider were already Registered)", AzCommands.providerRegister(), "POST",
        sub + "/providers/" + AzCommands.CONTAINER_SERVICE + "/register?api-version=" + RESOURCES_API, null));
    ops.add(new PlannedOperation("Create the resource group (an existing one is left alone, and never deleted)",
        AzCommands.groupCreate(spec), "PUT", group + "?api-version=" + RESOURCES_API,
        json(new ResourceGroupInner().withLocation(spec.location()).withTags(tags))));
    ops.add(new PlannedOperation("Create the cluster (a matching one is left alone; a half-created one is resumed)",
        AzCommands.aksCreate(spec), "PUT", cluster + "?api-version=" + AKS_API,
        json(spec.toManagedCluster().withTags(tags))));
    ops.add(new PlannedOperation("Fetch the user kubeconfig (kept in memory, never printed)",
        AzCommands.getCredentials(spec), "POST", cluster + "/listClusterUserCredential?api-version=" + AKS_API,
        null));
    ops.add(new PlannedOperation("Find the system pool by its mode", AzCommands.systemPoolName(spec), "GET",
        cluster + "/agentPools?api-version=" + AKS_API, null));
    ops.add(new PlannedOperation("Taint the system pool with " + taint.asTaintString()
        + (taint.evictsRunningPods() ? " (evicts running pods without the toleration)" : ""),
        AzCommands.taintSystemPool(spec, pool, taint), "PUT",
        cluster + "/agentPools/" + pool + "?api-version=" + AKS_API, json(taintedSystemPool(spec, taint))));
    return new AksPlan(ops);
  }

  /** Teardown: the cluster and then the group, each only if this SDK's tag is on it. */
  public static AksPlan teardown(String subscriptionId, AksClusterSpec spec) {
    String cluster = clusterPath(subscriptionId, spec);
    return new AksPlan(List.of(
        new PlannedOperation("Delete the cluster, if tagged created-by: " + AksManager.CREATED_BY,
            AzCommands.aksDelete(spec), "DELETE", cluster + "?api-version=" + AKS_API, null),
        new PlannedOperation("Delete the resource group, if tagged created-by: " + AksManager.CREATED_BY
            + " and it did not exist before", AzCommands.groupDelete(spec), "DELETE",
            "/subscriptions/" + subscriptionId + "/resourcegroups/" + spec.resourceGroup() + "?api-version="
                + RESOURCES_API, null)));
  }

  static String clusterPath(String subscriptionId, AksClusterSpec spec) {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + spec.resourceGroup()
        + "/providers/Microsoft.ContainerService/managedClusters/" + spec.name();
  }

  /** The system pool as the spec creates it, with the taint: what the taint PUT carries on a fresh cluster. */
  private static AgentPoolInner taintedSystemPool(AksClusterSpec spec, SystemPoolTaint taint) {
    ManagedClusterAgentPoolProfile profile = spec.toManagedCluster().agentPoolProfiles().get(0);
    return new AgentPoolInner()
        .withMode(profile.mode())
        .withCount(profile.count())
        .withTypePropertiesType(profile.type())
        .withOsType(profile.osType())
        .withEnableAutoScaling(profile.enableAutoScaling())
        .withNodeTaints(List.of(taint.asTaintString()));
  }

  private static String json(com.azure.json.JsonSerializable<?> model) {
    try {
      return model.toJsonString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
