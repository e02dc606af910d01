package dev.autoscaling.samples.cli;

import picocli.CommandLine.Option;

/** {@code --from}/{@code --to}: the steps a command covers, both included (null: the first or the last). */
final class StepRange {

  @Option(names = "--from", paramLabel = "STEP", description = "First step (default: the first; `run`: the first not yet done).")
  String from;

  @Option(names = "--to", paramLabel = "STEP", description = "Last step (default: the last).")
  String to;
}
