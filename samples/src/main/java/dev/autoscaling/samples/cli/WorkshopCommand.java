package dev.autoscaling.samples.cli;

import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.DidYouMean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workshop}: the reference workshop (KEDA + Karpenter on AKS), driven by the SDK. Each command declares the
 * options it uses (mixins), so that its {@code --help} shows those and no others; only {@code --verbose} is common.
 */
@Command(
    name = "workshop",
    mixinStandardHelpOptions = true,
    versionProvider = WorkshopVersion.class,
    description = {"Runs the 'Scaling with KEDA and Karpenter' workshop with the autoscaling SDK.",
        "Start with `workshop demo`: it needs no Azure account and no cluster."})
public final class WorkshopCommand implements Runnable {

  /** The commands, in the order {@code workshop --help} lists them. */
  private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, PlanCommand.class, RunCommand.class,
      StatusCommand.class, WatchCommand.class, TeardownCommand.class, RenderCommand.class, ValidateCommand.class,
      SimulateCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    // No subcommand: fail like any usage error, naming the commands there are.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
        + String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList()));
  }

  /** The command line with the workshop's error handling: a message, no stack trace unless --verbose. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * As {@link #commandLine()}, for these arguments: when the first one names a command (other than {@code help}),
   * only that command is built beside the root, and the arguments are parsed and run the same way.
   * Why: picocli reflects over every command's options, mixins and their types when it builds them; for a one-file
   * {@code workshop validate} that was a fifth of the work done before the file was read.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(List.of(command));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    WorkshopCommand root = new WorkshopCommand();
    CommandLine line = new CommandLine(root);
    commands.forEach(line::addSubcommand);
    for (CommandLine command : line.getSubcommands().values()) {
      // commands with exit codes of their own (validate, simulate) keep their list
      if (command.getCommandSpec().usageMessage().exitCodeList().isEmpty()
          && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
            .exitCodeList(ExitCode.helpList());
      }
    }
    line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println(name(commandLine) + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (root.verbose) {
        e.printStackTrace(err);
      } else if (!(e instanceof UserError) && !(e instanceof Unavailable)) {
        err.println("(--verbose shows where it came from)");
      }
      err.flush();
      return (e instanceof UserError ? ExitCode.USAGE : e instanceof Unavailable ? ExitCode.UNAVAILABLE
          : ExitCode.FAILED).code();
    });
    // A usage mistake: the one error and where to look, not the whole usage (kubectl's manners).
    line.setParameterExceptionHandler((e, args) -> {
      CommandLine commandLine = e.getCommandLine();
      PrintWriter err = commandLine.getErr();
      err.println(name(commandLine) + ": " + e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
        List<String> names = new ArrayList<>(commandLine.getSubcommands().keySet());
        commandLine.getCommandSpec().options().forEach(option -> names.addAll(List.of(option.names())));
        String typed = unmatched.getUnmatched().get(0);
        String suggestion = DidYouMean.suggest(typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed,
            names);
        if (suggestion != null) {
          err.println("Did you mean: " + suggestion + "?");
        }
      }
      err.println("See '" + name(commandLine) + " --help'.");
      err.flush();
      return ExitCode.USAGE.code();
    });
    return line;
  }

  /** {@code workshop run}: the command as typed. */
  private static String name(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName(" ");
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("validate")) {
      // the CEL environment is set up on the second core while picocli reads the command line
      Thread prepare = new Thread(CrdValidator::prepare, "cel-prepare");
      prepare.setDaemon(true);
      prepare.start();
    }
    System.exit(commandLine(args).execute(args));
  }
}
