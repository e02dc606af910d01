package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.Workshop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code workshop plan}: every az command, kubectl command and manifest of the workshop; nothing is sent. */
// Workshop.plan with String ends on purpose: its errors name this command's --from/--to options.
@SuppressWarnings("deprecation")
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Prints what the workshop does, step by step, and sends nothing.",
        "The az and kubectl commands and the manifests, validated against the pinned",
        "CRDs. Secret values are never shown."})
final class PlanCommand implements Callable<Integer> {

  @Mixin
  WorkshopOptions workshop;

  @Mixin
  StepRange steps;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Workshop plan = Workshops.load(workshop.config());
    spec.commandLine().getOut().print(Workshops.checked(() -> plan.plan(steps.from, steps.to)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
