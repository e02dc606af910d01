package dev.autoscaling.aks;

import java.util.List;

/**
 * The Azure CLI commands equivalent to what this module does through the Azure SDK, for dry runs and for readers
 * who know the workshop: each method returns one command line, one argument per element.
 */
public final class AzCommands {

  /** The subscription feature that enabled Node Auto Provisioning while it was in preview. */
  public static final String NAP_FEATURE = "NodeAutoProvisioningPreview";
  public static final String CONTAINER_SERVICE = "Microsoft.ContainerService";

  private AzCommands() {
  }

  public static List<String> featureRegister() {
    return List.of("az", "feature", "register", "--namespace", CONTAINER_SERVICE, "--name", NAP_FEATURE);
  }

  public static List<String> featureShow() {
    return List.of("az", "feature", "show", "--namespace", CONTAINER_SERVICE, "--name", NAP_FEATURE);
  }

  /** Re-registering the provider makes a newly registered feature apply to the subscription. */
  public static List<String> providerRegister() {
    return List.of("az", "provider", "register", "--namespace", CONTAINER_SERVICE);
  }

  public static List<String> groupCreate(AksClusterSpec spec) {
    return List.of("az", "group", "create", "--name", spec.resourceGroup(), "--location", spec.location());
  }

  public static List<String> aksCreate(AksClusterSpec spec) {
    return spec.azCreateCommand();
  }

  public static List<String> getCredentials(AksClusterSpec spec) {
    return List.of("az", "aks", "get-credentials", "--resource-group", spec.resourceGroup(), "--name", spec.name());
  }

  /**
   * The system pool's name, found by its mode rather than by position (the workshop takes the first pool, which
   * is the system pool only on a fresh cluster).
   */
  public static List<String> systemPoolName(AksClusterSpec spec) {
    return List.of("az", "aks", "nodepool", "list", "--resource-group", spec.resourceGroup(), "--cluster-name",
        spec.name(), "--query", "[?mode=='System'].name | [0]", "--output", "tsv");
  }

  public static List<String> taintSystemPool(AksClusterSpec spec, String pool, SystemPoolTaint taint) {
    return List.of("az", "aks", "nodepool", "update", "--resource-group", spec.resourceGroup(), "--cluster-name",
        spec.name(), "--name", pool, "--node-taints", taint.asTaintString());
  }

  /** Teardown: {@link AksManager#teardown} only deletes a cluster tagged as created by this SDK. */
  public static List<String> aksDelete(AksClusterSpec spec) {
    return List.of("az", "aks", "delete", "--resource-group", spec.resourceGroup(), "--name", spec.name(), "--yes");
  }

  /** Teardown: {@link AksManager#teardown} never deletes a group that existed before, or one without the tag. */
  public static List<String> groupDelete(AksClusterSpec spec) {
    return List.of("az", "group", "delete", "--name", spec.resourceGroup(), "--yes");
  }

  /** The workshop's whole Azure sequence, in order. */
  public static List<List<String>> workshopSequence(AksClusterSpec spec, String systemPool, SystemPoolTaint taint) {
    return List.of(featureRegister(), featureShow(), providerRegister(), groupCreate(spec), aksCreate(spec),
        getCredentials(spec), systemPoolName(spec), taintSystemPool(spec, systemPool, taint));
  }
}
