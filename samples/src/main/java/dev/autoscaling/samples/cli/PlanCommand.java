package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.Workshop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code workshop plan}: every az command, kubectl command and manifest of the workshop; nothing is sent. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Prints what the workshop does, step by step: the az and kubectl commands and the manifests",
        "(validated against the pinned CRDs). Nothing is sent anywhere; Secret values are never shown."})
final class PlanCommand implements Callable<Integer> {

  @ParentCommand
  WorkshopCommand workshop;

  @Mixin
  StepRange steps;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Workshop plan = Workshops.load(workshop.config(StoreManifest.BUNDLED));
    spec.commandLine().getOut().print(Workshops.checked(() -> plan.plan(steps.from, steps.to)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
