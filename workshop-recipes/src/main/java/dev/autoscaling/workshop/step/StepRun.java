package dev.autoscaling.workshop.step;

/** One step of a run: what apply did, what verify found, or the error that stopped it. */
public record StepRun(String step, StepOutcome outcome, Verification verification, String error) {

  public boolean succeeded() {
    return error == null && verification != null && !verification.failed();
  }
}
