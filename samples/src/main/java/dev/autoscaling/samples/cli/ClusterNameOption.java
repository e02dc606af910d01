package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Option;

/** {@code --cluster}: the AKS cluster's name, which also names the progress file. */
final class ClusterNameOption {

  @Option(names = "--cluster", paramLabel = "NAME", description = "AKS cluster name (default: workshopcluster).")
  String cluster;

  WorkshopConfig applyTo(WorkshopConfig config) {
    return cluster == null ? config : Workshops.checked(() -> config.withClusterName(cluster));
  }
}
