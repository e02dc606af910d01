package dev.autoscaling.samples.cli;


import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the workshop CLI in-process, capturing what it prints. */
final class CliRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return WorkshopCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
