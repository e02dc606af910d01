package dev.autoscaling.aks;

import java.time.Duration;
import java.util.Objects;

/**
 * One observation of a long-running operation, as the blocking calls of {@link AksProvisioner} report it to their
 * listener: which operation, the state Azure reports (a feature or provider state such as {@code Registering}, or a
 * poller status such as {@code IN_PROGRESS}), and how long the operation has run.
 */
public record Progress(String operation, String state, Duration elapsed) {

  public Progress {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
