package dev.autoscaling.workshop.step;

import java.util.List;

/** The verdict of {@link Step#verify}: each check with its evidence. */
public record Verification(String step, List<Check> checks) {

  /** PASSED and FAILED were observed; NOT_OBSERVABLE says why the check could not be made here. */
  public enum Status { PASSED, FAILED, NOT_OBSERVABLE }

  public record Check(String what, Status status, String evidence) {
  }

  public Verification {
    checks = List.copyOf(checks);
  }

  public boolean failed() {
    return checks.stream().anyMatch(c -> c.status() == Status.FAILED);
  }
}
