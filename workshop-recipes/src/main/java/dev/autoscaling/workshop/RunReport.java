package dev.autoscaling.workshop;

import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;

import java.util.List;

/** What a workshop run did, step by step; {@link #succeeded()} when every step ran and nothing failed. */
public record RunReport(List<StepRun> steps) {

  public RunReport {
    steps = List.copyOf(steps);
  }

  public boolean succeeded() {
    return steps.stream().allMatch(StepRun::succeeded);
  }

  /** Writes sent by the steps' apply (Kubernetes and Azure). */
  public int writes() {
    return steps.stream().filter(s -> s.outcome() != null).mapToInt(s -> s.outcome().writes()).sum();
  }

  public long checks(Verification.Status status) {
    return steps.stream().filter(s -> s.verification() != null)
        .flatMap(s -> s.verification().checks().stream()).filter(c -> c.status() == status).count();
  }
}
