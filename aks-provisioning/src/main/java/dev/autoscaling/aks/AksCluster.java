package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.NetworkDataplane;
import com.azure.resourcemanager.containerservice.models.NetworkPlugin;
import com.azure.resourcemanager.containerservice.models.NetworkPluginMode;
import com.azure.resourcemanager.containerservice.models.NodeProvisioningMode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An AKS cluster as ARM reported it when it was read: the settings an {@link AksClusterSpec} decides, its state and
 * its tags. A snapshot, as the Azure SDK's resource objects are: it is not refreshed. Holds no credential.
 */
public final class AksCluster {

  private final String resourceGroup;
  private final String name;
  private final String location;
  private final String provisioningState;
  private final String kubernetesVersion;
  private final String fqdn;
  private final boolean kedaEnabled;
  private final NodeProvisioningMode nodeProvisioningMode;
  private final NetworkPlugin networkPlugin;
  private final NetworkPluginMode networkPluginMode;
  private final NetworkDataplane networkDataplane;
  private final Map<String, String> tags;

  private AksCluster(String resourceGroup, ManagedClusterInner cluster) {
    this.resourceGroup = resourceGroup;
    this.name = cluster.name();
    this.location = cluster.location();
    this.provisioningState = cluster.provisioningState();
    this.kubernetesVersion = cluster.currentKubernetesVersion();
    this.fqdn = cluster.fqdn();
    this.kedaEnabled = cluster.workloadAutoScalerProfile() != null
        && cluster.workloadAutoScalerProfile().keda() != null
        && Boolean.TRUE.equals(cluster.workloadAutoScalerProfile().keda().enabled());
    // No nodeProvisioningProfile is ARM's default, Manual.
    this.nodeProvisioningMode = cluster.nodeProvisioningProfile() == null
        || cluster.nodeProvisioningProfile().mode() == null
        ? NodeProvisioningMode.MANUAL : cluster.nodeProvisioningProfile().mode();
    ContainerServiceNetworkProfile network = cluster.networkProfile();
    this.networkPlugin = network == null ? null : network.networkPlugin();
    this.networkPluginMode = network == null ? null : network.networkPluginMode();
    this.networkDataplane = network == null ? null : network.networkDataplane();
    this.tags = cluster.tags() == null ? Map.of() : Map.copyOf(cluster.tags());
  }

  static AksCluster of(String resourceGroup, ManagedClusterInner cluster) {
    return new AksCluster(resourceGroup, cluster);
  }

  public String resourceGroup() {
    return resourceGroup;
  }

  public String name() {
    return name;
  }

  /** As ARM writes it, e.g. {@code eastus2}. */
  public String location() {
    return location;
  }

  /** {@code Succeeded}, {@code Creating}, {@code Updating}, {@code Failed}, ... */
  public String provisioningState() {
    return provisioningState;
  }

  /** The Kubernetes version the control plane runs; null when ARM did not say. */
  public @Nullable String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** The API server's host name; null until ARM has assigned it. */
  public @Nullable String fqdn() {
    return fqdn;
  }

  public boolean kedaEnabled() {
    return kedaEnabled;
  }

  /** {@code Auto} is Node Auto Provisioning (Karpenter); a cluster without the setting is {@code Manual}. */
  public NodeProvisioningMode nodeProvisioningMode() {
    return nodeProvisioningMode;
  }

  /** Null when ARM reported no network profile, as for the next two. */
  public @Nullable NetworkPlugin networkPlugin() {
    return networkPlugin;
  }

  public @Nullable NetworkPluginMode networkPluginMode() {
    return networkPluginMode;
  }

  public @Nullable NetworkDataplane networkDataplane() {
    return networkDataplane;
  }

  /** Unmodifiable. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Whether this SDK created it (the {@value AksManager#CREATED_BY_TAG} tag): only then does teardown delete it. */
  public boolean createdByThisSdk() {
    return Tags.createdByUs(tags);
  }

  /**
   * How the cluster differs from the spec, one line per field (KEDA, Node Auto Provisioning mode, network plugin,
   * mode and dataplane, location), e.g. {@code networkProfile.networkDataplane: wanted cilium, found azure}; empty
   * when it matches.
   */
  public List<String> differencesFrom(AksClusterSpec spec) {
    List<String> differences = new ArrayList<>();
    if (!kedaEnabled) {
      differences.add("workloadAutoScalerProfile.keda.enabled: wanted true, found false");
    }
    compare(differences, "nodeProvisioningProfile.mode", spec.nodeProvisioningMode(), nodeProvisioningMode);
    compare(differences, "networkProfile.networkPlugin", NetworkPlugin.AZURE, networkPlugin);
    compare(differences, "networkProfile.networkPluginMode", spec.networkPluginMode(), networkPluginMode);
    compare(differences, "networkProfile.networkDataplane", spec.networkDataplane(), networkDataplane);
    // ARM answers "eastus2" for a cluster created in "East US 2".
    String normalized = location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
    compare(differences, "location", spec.location(), normalized);
    return differences;
  }

  private static void compare(List<String> differences, String field, Object wanted, Object found) {
    if (!wanted.toString().equalsIgnoreCase(String.valueOf(found))) {
      differences.add(field + ": wanted " + wanted + ", found " + found);
    }
  }

  @Override
  public String toString() {
    return "AksCluster[" + resourceGroup + "/" + name + ", " + location + ", " + provisioningState + ", keda="
        + kedaEnabled + ", nodeProvisioningMode=" + nodeProvisioningMode + ", network=" + networkPlugin + "/"
        + networkPluginMode + "/" + networkDataplane + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AksCluster other && resourceGroup.equals(other.resourceGroup)
        && Objects.equals(name, other.name) && Objects.equals(location, other.location)
        && Objects.equals(provisioningState, other.provisioningState)
        && Objects.equals(kubernetesVersion, other.kubernetesVersion) && Objects.equals(fqdn, other.fqdn)
        && kedaEnabled == other.kedaEnabled && nodeProvisioningMode.equals(other.nodeProvisioningMode)
        && Objects.equals(networkPlugin, other.networkPlugin)
        && Objects.equals(networkPluginMode, other.networkPluginMode)
        && Objects.equals(networkDataplane, other.networkDataplane) && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceGroup, name, provisioningState);
  }
}
