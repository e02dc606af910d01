package dev.autoscaling.samples.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}, for the commands that would otherwise change something. */
final class DryRunOption {

  @Option(names = "--dry-run", description = "Show what would be done; send nothing to Azure or Kubernetes.")
  boolean dryRun;
}
