package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Mixin;

/** The options that describe the workshop a command plans or runs: where in Azure, which namespace, which store. */
final class WorkshopOptions {

  @Mixin
  AzureOptions azure;

  @Mixin
  NamespaceOption namespace;

  @Mixin
  StoreManifestOption store;

  /** The configuration these options describe, the workshop's values where none is given. */
  WorkshopConfig config() {
    return store.applyTo(namespace.applyTo(azure.applyTo(Workshops.defaults())));
  }
}
