package dev.autoscaling.workshop;

import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;

import java.util.List;
import java.util.Map;

/**
 * What a workshop run did, step by step; {@link #succeeded()} when every step ran and nothing failed. {@code retries}
 * counts the Kubernetes requests the client repeated during the run, by what the server answered
 * ({@code "503 Service Unavailable"}), when the context knew its client's {@link
 * dev.autoscaling.workshop.retry.KubernetesRetries}.
 */
public record RunReport(List<StepRun> steps, Map<String, Integer> retries) {

  public RunReport {
    steps = List.copyOf(steps);
    retries = Map.copyOf(retries);
  }

  public RunReport(List<StepRun> steps) {
    this(steps, Map.of());
  }

  /** Requests repeated in all. */
  public int retried() {
    return retries.values().stream().mapToInt(Integer::intValue).sum();
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
