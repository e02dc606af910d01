package dev.autoscaling.aks;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.containerservice.fluent.ContainerServiceManagementClient;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.resources.ResourceManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the parts of an {@link AksManager} share: the Azure SDK's clients (its low-level, {@code fluent} layer, whose
 * {@code *Inner} models stay inside this package), the poll interval, and this run's id for the tags. The reads more
 * than one part needs are here too.
 */
record Arm(ContainerServiceManagementClient aks, ResourceManager resources, String subscriptionId,
    Duration pollInterval, String runId) {

  /** The cluster as ARM has it now, or empty if it does not exist. */
  Optional<ManagedClusterInner> cluster(AksClusterSpec spec) {
    try {
      return Optional.of(aks.getManagedClusters().getByResourceGroup(spec.resourceGroup(), spec.name()));
    } catch (ManagementException e) {
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
        return Optional.empty();
      }
      throw ArmErrors.failure("get cluster " + clusterName(spec), e);
    }
  }

  List<AgentPoolInner> agentPools(AksClusterSpec spec) {
    return ArmErrors.call("list agent pools of " + clusterName(spec),
        () -> aks.getAgentPools().list(spec.resourceGroup(), spec.name()).stream().toList());
  }

  static String clusterName(AksClusterSpec spec) {
    return spec.resourceGroup() + "/" + spec.name();
  }
}
