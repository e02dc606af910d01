package dev.autoscaling.workshop.step;

/**
 * One section of the workshop. A step says what it would do ({@link #plan()}, no I/O), does it idempotently
 * ({@link #apply}), checks that the cluster reached the state the workshop expects ({@link #verify}, with watches
 * and a timeout) and removes only what it created ({@link #teardown}).
 */
public interface Step {

  /** A short, stable name used by {@code --from}/{@code --to} and in the progress file: {@code keda-scaler}. */
  String id();

  /** The workshop section this step stands for. */
  String title();

  StepPlan plan();

  StepOutcome apply(WorkshopContext context);

  Verification verify(WorkshopContext context);

  StepOutcome teardown(WorkshopContext context);
}
