package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.Progress;
import dev.autoscaling.workshop.WorkshopConfig;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

  /** The step done through the Azure SDK. */
  abstract StepOutcome applyOnAzure(WorkshopContext context, AksManager azure);

  /** The state the step leaves on Azure, read back. */
  abstract List<Verification.Check> verifyOnAzure(WorkshopContext context, AksManager azure);

  /** Progress lines of the Azure SDK's long-running operations: state and elapsed time. */
  static Consumer<Progress> progressOf(WorkshopContext context) {
    return p -> context.progress(p.operation() + ": " + p.state() + " (" + p.elapsed().toSeconds() + " s)");
  }

  static Verification.Check check(String what, boolean passed, String evidence) {
    return new Verification.Check(what, passed ? Verification.Status.PASSED : Verification.Status.FAILED, evidence);
  }

  @Override
  public StepOutcome apply(WorkshopContext context) {
    Optional<AksManager> azure = context.azure();
    if (azure.isPresent()) {
      return applyOnAzure(context, azure.get());
    }
    List<String> lines = azCommands().stream().map(c -> "dry run (no Azure credentials): " + StepPlan.shellLine(c))
        .toList();
    lines.forEach(context::progress);
    return new StepOutcome(id(), lines, 0);
  }

  @Override
  public Verification verify(WorkshopContext context) {
    Optional<AksManager> azure = context.azure();
    if (azure.isPresent()) {
      return new Verification(id(), verifyOnAzure(context, azure.get()));
    }
    return new Verification(id(), List.of(ManifestStep.notObservable(title(),
        "dry run: nothing was sent to Azure")));
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    return new StepOutcome(id(), List.of("dry run: nothing was created on Azure"), 0);
  }
}
