package dev.autoscaling.aks;

import java.time.Duration;
import java.util.Objects;

/**
 * One observation of a long-running operation, the value of every poller of {@link AksManager} and what its blocking
 * forms report to their listener: which operation, the state Azure reports (a feature or provider state such as
 * {@code Registering}, a poller status such as {@code IN_PROGRESS}, or {@code kept: <why>} for a delete that was not
 * sent), and how long the operation has run.
 */
public record Progress(String operation, String state, Duration elapsed) {

  public Progress {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
