package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the Azure steps act: subscription, resource group, region and cluster name. */
final class AzureOptions {

  @Option(names = "--subscription", paramLabel = "ID",
      description = "Azure subscription id (default: none, and the Azure steps are a dry run).")
  String subscription;

  @Option(names = "--resource-group", paramLabel = "NAME", description = "Resource group (default: WorkshopRG).")
  String resourceGroup;

  @Option(names = "--location", paramLabel = "REGION", description = "Azure region (default: eastus2).")
  String location;

  @Mixin
  ClusterNameOption cluster;

  WorkshopConfig applyTo(WorkshopConfig config) {
    return Workshops.checked(() -> {
      WorkshopConfig result = cluster.applyTo(config);
      if (subscription != null) {
        result = result.withSubscription(subscription);
      }
      if (resourceGroup != null) {
        result = result.withResourceGroup(resourceGroup);
      }
      if (location != null) {
        result = result.withLocation(location);
      }
      return result;
    });
  }
}
