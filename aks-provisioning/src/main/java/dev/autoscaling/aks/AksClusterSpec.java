package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolMode;
import com.azure.resourcemanager.containerservice.models.AgentPoolType;
import com.azure.resourcemanager.containerservice.models.ContainerServiceLinuxProfile;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.ContainerServiceSshConfiguration;
import com.azure.resourcemanager.containerservice.models.ContainerServiceSshPublicKey;
import com.azure.resourcemanager.containerservice.models.ManagedClusterAgentPoolProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterIdentity;
import com.azure.resourcemanager.containerservice.models.ManagedClusterNodeProvisioningProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterWorkloadAutoScalerProfile;
import com.azure.resourcemanager.containerservice.models.ManagedClusterWorkloadAutoScalerProfileKeda;
import com.azure.resourcemanager.containerservice.models.NetworkDataplane;
import com.azure.resourcemanager.containerservice.models.NetworkPlugin;
import com.azure.resourcemanager.containerservice.models.NetworkPluginMode;
import com.azure.resourcemanager.containerservice.models.NodeProvisioningMode;
import com.azure.resourcemanager.containerservice.models.OSType;
import com.azure.resourcemanager.containerservice.models.ResourceIdentityType;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The system pool {@code az aks create} makes: its name, node count. */
  public static final String SYSTEM_POOL = "nodepool1";
  static final int SYSTEM_POOL_NODES = 3;

  // AKS: 1-63 characters, letters, digits, '-' and '_', starting and ending with a letter or digit.
  private static final Pattern CLUSTER_NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$");
  // ARM: 1-90 characters, letters, digits, '.', '_', '-', '(' and ')', not ending with '.'.
  private static final Pattern RESOURCE_GROUP = Pattern.compile("^[-\\w._()]{0,89}[-\\w_()]$");
  private static final Pattern LOCATION = Pattern.compile("^[a-z][a-z0-9]*$");

  private final String name;
  private final String resourceGroup;
  private final String location;
  private final NetworkPluginMode networkPluginMode;
  private final NetworkDataplane networkDataplane;
  private final NodeProvisioningMode nodeProvisioningMode;
  private final boolean systemPoolAutoscaling;
  private final String sshPublicKey;

  private AksClusterSpec(String name, String resourceGroup, String location, NetworkPluginMode networkPluginMode,
      NetworkDataplane networkDataplane, NodeProvisioningMode nodeProvisioningMode, boolean systemPoolAutoscaling,
      String sshPublicKey) {
    this.name = name;
    this.resourceGroup = resourceGroup;
    this.location = location;
    this.networkPluginMode = networkPluginMode;
    this.networkDataplane = networkDataplane;
    this.nodeProvisioningMode = nodeProvisioningMode;
    this.systemPoolAutoscaling = systemPoolAutoscaling;
    this.sshPublicKey = sshPublicKey;
  }

  /**
   * @throws IllegalArgumentException naming every field that is wrong, and the rule it breaks
   */
  public static AksClusterSpec of(String name, String resourceGroup, String location) {
    return validated(new AksClusterSpec(name, resourceGroup, location, NetworkPluginMode.OVERLAY,
        NetworkDataplane.CILIUM, NodeProvisioningMode.AUTO, false, null));
  }

  private static AksClusterSpec validated(AksClusterSpec spec) {
    String name = spec.name;
    String resourceGroup = spec.resourceGroup;
    String location = spec.location;
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
    if (NodeProvisioningMode.AUTO.equals(spec.nodeProvisioningMode)) {
      if (!NetworkPluginMode.OVERLAY.equals(spec.networkPluginMode)
          || !NetworkDataplane.CILIUM.equals(spec.networkDataplane)) {
        problems.add("nodeProvisioningMode Auto: Node Auto Provisioning is set up here with Azure CNI overlay and"
            + " the Cilium dataplane (networkPluginMode overlay, networkDataplane cilium)");
      }
      if (spec.systemPoolAutoscaling) {
        problems.add("systemPoolAutoscaling: Node Auto Provisioning cannot be enabled while the cluster autoscaler"
            + " runs on a pool: turn one of them off");
      }
    }
    if (spec.sshPublicKey != null && !spec.sshPublicKey.matches("^ssh-(rsa|ed25519) [A-Za-z0-9+/=]+( .*)?$")) {
      problems.add("sshPublicKey: an OpenSSH public key such as 'ssh-rsa AAAA...'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid AKS cluster spec:\n  " + String.join("\n  ", problems));
    }
    return spec;
  }

  public AksClusterSpec withNetworkPluginMode(NetworkPluginMode mode) {
    return validated(new AksClusterSpec(name, resourceGroup, location, mode, networkDataplane, nodeProvisioningMode,
        systemPoolAutoscaling, sshPublicKey));
  }

  public AksClusterSpec withNetworkDataplane(NetworkDataplane dataplane) {
    return validated(new AksClusterSpec(name, resourceGroup, location, networkPluginMode, dataplane,
        nodeProvisioningMode, systemPoolAutoscaling, sshPublicKey));
  }

  public AksClusterSpec withNodeProvisioningMode(NodeProvisioningMode mode) {
    return validated(new AksClusterSpec(name, resourceGroup, location, networkPluginMode, networkDataplane, mode,
        systemPoolAutoscaling, sshPublicKey));
  }

  /** The cluster autoscaler on the system pool (incompatible with Node Auto Provisioning). */
  public AksClusterSpec withSystemPoolAutoscaling(boolean enabled) {
    return validated(new AksClusterSpec(name, resourceGroup, location, networkPluginMode, networkDataplane,
        nodeProvisioningMode, enabled, sshPublicKey));
  }

  /** The nodes' SSH public key ({@code ssh-rsa AAAA...}), e.g. {@link SshKeyPair#publicKey()}. */
  public AksClusterSpec withSshPublicKey(String publicKey) {
    return validated(new AksClusterSpec(name, resourceGroup, location, networkPluginMode, networkDataplane,
        nodeProvisioningMode, systemPoolAutoscaling, publicKey));
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

  /**
   * The body of the ARM request that creates the cluster ({@code PUT .../managedClusters/<name>}), as JSON, without
   * the tags the manager adds: see {@link AksManager#plan} for the body as sent.
   */
  public String toJson() {
    try {
      return toManagedCluster().toJsonString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The ARM resource the Azure SDK sends to create the cluster, complete enough for a real PUT: what
   * {@code az aks create} adds implicitly (a System pool {@code nodepool1} of 3 Linux VMSS nodes, a system-assigned
   * identity, a DNS prefix, RBAC) is written out here. The VM size is left to AKS, which picks one by quota.
   * Package-private: the Azure SDK's {@code *Inner} models are not part of this module's API.
   */
  ManagedClusterInner toManagedCluster() {
    return new ManagedClusterInner()
        .withLocation(location)
        .withIdentity(new ManagedClusterIdentity().withType(ResourceIdentityType.SYSTEM_ASSIGNED))
        .withDnsPrefix(dnsPrefix())
        .withEnableRbac(true)
        .withAgentPoolProfiles(List.of(new ManagedClusterAgentPoolProfile()
            .withName(SYSTEM_POOL)
            .withMode(AgentPoolMode.SYSTEM)
            .withCount(SYSTEM_POOL_NODES)
            .withType(AgentPoolType.VIRTUAL_MACHINE_SCALE_SETS)
            .withOsType(OSType.LINUX)
            .withEnableAutoScaling(systemPoolAutoscaling)
            // ARM rejects the autoscaler without bounds; the CLI's own example uses 1..3.
            .withMinCount(systemPoolAutoscaling ? 1 : null)
            .withMaxCount(systemPoolAutoscaling ? SYSTEM_POOL_NODES : null)))
        .withWorkloadAutoScalerProfile(new ManagedClusterWorkloadAutoScalerProfile()
            .withKeda(new ManagedClusterWorkloadAutoScalerProfileKeda().withEnabled(true)))
        .withNodeProvisioningProfile(new ManagedClusterNodeProvisioningProfile().withMode(nodeProvisioningMode))
        .withNetworkProfile(new ContainerServiceNetworkProfile()
            .withNetworkPlugin(NetworkPlugin.AZURE)
            .withNetworkPluginMode(networkPluginMode)
            .withNetworkDataplane(networkDataplane))
        .withLinuxProfile(sshPublicKey == null ? null : new ContainerServiceLinuxProfile().withAdminUsername("azureuser")
            .withSsh(new ContainerServiceSshConfiguration().withPublicKeys(
                List.of(new ContainerServiceSshPublicKey().withKeyData(sshPublicKey)))));
  }

  /**
   * As the CLI derives it ({@code <name[:10]>-<rg[:16]>}, only letters, digits and '-', starting with a letter),
   * without the CLI's subscription suffix, which a spec does not know: the API server's FQDN adds a random part.
   */
  public String dnsPrefix() {
    String prefix = (cut(name, 10) + "-" + cut(resourceGroup, 16)).replaceAll("[^A-Za-z0-9-]", "");
    return Character.isLetter(prefix.charAt(0)) ? prefix : "a" + prefix;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  NetworkPluginMode networkPluginMode() {
    return networkPluginMode;
  }

  NetworkDataplane networkDataplane() {
    return networkDataplane;
  }

  NodeProvisioningMode nodeProvisioningMode() {
    return nodeProvisioningMode;
  }

  /** The equivalent Azure CLI call, one argument per element, for dry runs. */
  public List<String> azCreateCommand() {
    return List.of("az", "aks", "create",
        "--name", name,
        "--resource-group", resourceGroup,
        "--enable-keda",
        "--node-provisioning-mode", nodeProvisioningMode.toString(),
        "--network-plugin", "azure",
        "--network-plugin-mode", networkPluginMode.toString(),
        "--network-dataplane", networkDataplane.toString(),
        "--generate-ssh-keys");
  }

  @Override
  public String toString() {
    return "AksClusterSpec[name=" + name + ", resourceGroup=" + resourceGroup + ", location=" + location + "]";
  }
}
