package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterNodeProvisioningProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterWorkloadAutoScalerProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterWorkloadAutoScalerProfileKeda;
import com.azure.resourcemanager.containerservice.models.NetworkDataplane;
import com.azure.resourcemanager.containerservice.models.NetworkPlugin;
import com.azure.resourcemanager.containerservice.models.NetworkPluginMode;
import com.azure.resourcemanager.containerservice.models.NodeProvisioningMode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The AKS cluster the workshop creates: KEDA add-on, Node Auto Provisioning (Karpenter), Azure CNI in overlay mode
 * with the Cilium dataplane. Immutable; {@link #workshop()} has the workshop's names.
 *
 * <pre>{@code
 * az aks create --name workshopcluster --resource-group WorkshopRG --enable-keda \
 *   --node-provisioning-mode Auto --network-plugin azure --network-plugin-mode overlay \
 *   --network-dataplane cilium --generate-ssh-keys
 * }</pre>
 */
public final class AksClusterSpec {

  // AKS: 1-63 characters, letters, digits, '-' and '_', starting and ending with a letter or digit.
  private static final Pattern CLUSTER_NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$");
  // ARM: 1-90 characters, letters, digits, '.', '_', '-', '(' and ')', not ending with '.'.
  private static final Pattern RESOURCE_GROUP = Pattern.compile("^[-\\w._()]{0,89}[-\\w_()]$");
  private static final Pattern LOCATION = Pattern.compile("^[a-z][a-z0-9]*$");

  private final String name;
  private final String resourceGroup;
  private final String location;

  private AksClusterSpec(String name, String resourceGroup, String location) {
    this.name = name;
    this.resourceGroup = resourceGroup;
    this.location = location;
  }

  /**
   * @throws IllegalArgumentException naming every field that is wrong, and the rule it breaks
   */
  public static AksClusterSpec of(String name, String resourceGroup, String location) {
    List<String> problems = new ArrayList<>();
    if (name == null || !CLUSTER_NAME.matcher(name).matches()) {
      problems.add("name '" + name + "': 1-63 letters, digits, '-' or '_', starting and ending with a letter or digit");
    }
    if (resourceGroup == null || !RESOURCE_GROUP.matcher(resourceGroup).matches()) {
      problems.add("resourceGroup '" + resourceGroup
          + "': 1-90 letters, digits, '.', '_', '-', '(' or ')', not ending with '.'");
    }
    if (location == null || !LOCATION.matcher(location).matches()) {
      problems.add("location '" + location + "': an Azure region name such as eastus2 (lower case, no spaces)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid AKS cluster spec:\n  " + String.join("\n  ", problems));
    }
    return new AksClusterSpec(name, resourceGroup, location);
  }

  /** The workshop's cluster: {@code workshopcluster} in {@code WorkshopRG}, {@code eastus2}. */
  public static AksClusterSpec workshop() {
    return of("workshopcluster", "WorkshopRG", "eastus2");
  }

  public String name() {
    return name;
  }

  public String resourceGroup() {
    return resourceGroup;
  }

  public String location() {
    return location;
  }

  /** The ARM resource the Azure SDK sends to create the cluster. */
  public ManagedClusterInner toManagedCluster() {
    return new ManagedClusterInner()
        .withLocation(location)
        .withDnsPrefix(name)
        .withWorkloadAutoScalerProfile(new ManagedClusterWorkloadAutoScalerProfile()
            .withKeda(new ManagedClusterWorkloadAutoScalerProfileKeda().withEnabled(true)))
        .withNodeProvisioningProfile(new ManagedClusterNodeProvisioningProfile().withMode(NodeProvisioningMode.AUTO))
        .withNetworkProfile(new ContainerServiceNetworkProfile()
            .withNetworkPlugin(NetworkPlugin.AZURE)
            .withNetworkPluginMode(NetworkPluginMode.OVERLAY)
            .withNetworkDataplane(NetworkDataplane.CILIUM));
  }

  /** The equivalent Azure CLI call, one argument per element, for dry runs. */
  public List<String> azCreateCommand() {
    return List.of("az", "aks", "create",
        "--name", name,
        "--resource-group", resourceGroup,
        "--enable-keda",
        "--node-provisioning-mode", "Auto",
        "--network-plugin", "azure",
        "--network-plugin-mode", "overlay",
        "--network-dataplane", "cilium",
        "--generate-ssh-keys");
  }

  @Override
  public String toString() {
    return "AksClusterSpec[name=" + name + ", resourceGroup=" + resourceGroup + ", location=" + location + "]";
  }
}
