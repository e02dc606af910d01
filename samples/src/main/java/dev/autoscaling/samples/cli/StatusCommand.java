package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code workshop status}: which steps are done, which failed, and where the next run starts. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows the saved progress: each step done, failed or still to do.",
        "Reads the progress file only; no cluster is contacted."})
final class StatusCommand implements Callable<Integer> {

  @Mixin
  ClusterNameOption cluster;

  @Mixin
  NamespaceOption namespace;

  @Mixin
  ProgressFile progressFile;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = namespace.applyTo(cluster.applyTo(Workshops.defaults()));
    Path file = progressFile.resolve(config);
    if (!Files.exists(file)) {
      out.println("no progress saved in " + file + ": nothing has run yet (workshop run, or workshop demo)");
      out.flush();
      return 0;
    }
    ProgressStore progress = ProgressStore.file(file);
    Workshop recipe = Workshops.load(config);
    String next = null;
    for (Step step : recipe.steps()) {
      String mark;
      if (progress.isCompleted(step.id())) {
        mark = "done   ";
      } else if (step.id().equals(progress.failed())) {
        mark = "FAILED ";
      } else {
        mark = "to do  ";
      }
      if (next == null && !progress.isCompleted(step.id())) {
        next = step.id();
      }
      out.println(mark + step.id() + "  " + step.title());
    }
    out.println(next == null ? "all steps done (" + file + ")" : "next run starts at " + next + " (" + file + ")");
    out.flush();
    return 0;
  }
}
