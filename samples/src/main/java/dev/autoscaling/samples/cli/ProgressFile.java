package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --progress-file}: where run, status and teardown keep the progress of a cluster's workshop. */
final class ProgressFile {

  @Option(names = "--progress-file", paramLabel = "FILE",
      description = "Where progress is kept (default: ~/.autoscaling-workshop/<cluster>-<namespace>.json).")
  Path file;

  Path resolve(WorkshopConfig config) {
    return file != null ? file : Path.of(System.getProperty("user.home"), ".autoscaling-workshop",
        config.clusterName() + "-" + config.namespace() + ".json");
  }
}
