package dev.autoscaling.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code workshop}: the reference workshop (KEDA + Karpenter on AKS), driven by the SDK. */
@Command(
    name = "workshop",
    mixinStandardHelpOptions = true,
    versionProvider = WorkshopVersion.class,
    description = "Runs the 'Scaling with KEDA and Karpenter' workshop with the autoscaling SDK.",
    subcommands = {RenderCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class WorkshopCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand: show what there is, and fail like any usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkshopCommand()).execute(args));
  }
}
