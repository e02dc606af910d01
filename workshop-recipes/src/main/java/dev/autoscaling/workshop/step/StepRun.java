package dev.autoscaling.workshop.step;

import org.jspecify.annotations.Nullable;

/** One step of a run: what apply did, what verify found, or the error that stopped it. */
public record StepRun(String step, StepOutcome outcome, @Nullable Verification verification,
    @Nullable String error) {

  public boolean succeeded() {
    return error == null && verification != null && !verification.failed();
  }
}
