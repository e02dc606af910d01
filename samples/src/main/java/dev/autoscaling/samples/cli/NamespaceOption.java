package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Option;

/** {@code --namespace}: where the store runs. */
final class NamespaceOption {

  @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the store (default: pets).")
  String namespace;

  WorkshopConfig applyTo(WorkshopConfig config) {
    return namespace == null ? config : Workshops.checked(() -> config.withNamespace(namespace));
  }
}
