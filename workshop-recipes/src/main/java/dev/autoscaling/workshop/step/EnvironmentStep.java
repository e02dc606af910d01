package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AzCommands;
import dev.autoscaling.workshop.WorkshopConfig;

import java.util.List;

/** "Environment Preparation", Azure side: the resource group, the AKS cluster with KEDA and NAP, credentials. */
public final class EnvironmentStep extends AzureStep {

  public EnvironmentStep(WorkshopConfig config) {
    super(config);
  }

  @Override
  public String id() {
    return "environment";
  }

  @Override
  public String title() {
    return "Create resource group " + config().resourceGroup() + " and AKS cluster " + config().clusterName()
        + " (KEDA, Node Auto Provisioning, Azure CNI overlay, Cilium)";
  }

  @Override
  List<List<String>> azCommands() {
    return List.of(AzCommands.groupCreate(config().aksCluster()), AzCommands.aksCreate(config().aksCluster()),
        AzCommands.getCredentials(config().aksCluster()));
  }

  @Override
  List<String> notes() {
    return List.of("the cluster takes several minutes; the credentials stay in memory unless a kubeconfig file is"
        + " asked for");
  }
}
