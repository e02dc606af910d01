package dev.autoscaling.workshop.step;

import dev.autoscaling.workshop.WorkshopConfig;

import java.util.List;

/**
 * A step done on Azure Resource Manager. Without Azure credentials in the context it is a dry run: the plan's
 * {@code az} commands are what it would do, and apply says so instead of pretending.
 */
abstract class AzureStep implements Step {

  private final WorkshopConfig config;

  AzureStep(WorkshopConfig config) {
    this.config = config;
  }

  WorkshopConfig config() {
    return config;
  }

  abstract List<List<String>> azCommands();

  abstract List<String> notes();

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), azCommands(), List.of(), List.of(), notes());
  }

  @Override
  public StepOutcome apply(WorkshopContext context) {
    List<String> lines = azCommands().stream().map(c -> "dry run (no Azure credentials): " + StepPlan.shellLine(c))
        .toList();
    lines.forEach(context::progress);
    return new StepOutcome(id(), lines, 0);
  }

  @Override
  public Verification verify(WorkshopContext context) {
    return new Verification(id(), List.of(ManifestStep.notObservable(title(),
        "dry run: nothing was sent to Azure")));
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    return new StepOutcome(id(), List.of("dry run: nothing was created on Azure"), 0);
  }
}
