package dev.autoscaling.samples.cli;


import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the workshop CLI in-process, capturing what it prints. */
final class CliRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  /** The exit code of the last run, for tests that keep it beside the output. */
  int exit;

  int run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  /** With {@code stdin} as what {@code validate -} reads. */
  int run(InputStream stdin, String... args) {
    return run(validate -> validate.stdin = stdin, args);
  }

  /** With the {@code validate} command set up by the test first. */
  int run(java.util.function.Consumer<ValidateCommand> setUp, String... args) {
    // as main builds it: only the command named first, when one is
    picocli.CommandLine line = WorkshopCommand.commandLine(args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    picocli.CommandLine validate = line.getSubcommands().get("validate");
    if (validate != null) {
      setUp.accept((ValidateCommand) validate.getCommand());
    }
    return line.execute(args);
  }
}
