package dev.autoscaling.workshop;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of the workshop's steps to plan or run, by id, both ends included: {@code Steps.all()},
 * {@code Steps.from("store")}, {@code Steps.to("load")}, {@code Steps.from("store").to("load")},
 * {@code Steps.only("nap")}. Replaces passing null for "from the start" or "to the end".
 */
public final class Steps {

  private static final Steps ALL = new Steps(null, null);

  private final String first;
  private final String last;

  private Steps(String first, String last) {
    this.first = first;
    this.last = last;
  }

  /** Every step, first to last (for a run: from the first step not yet completed). */
  public static Steps all() {
    return ALL;
  }

  /** From this step to the last. */
  public static Steps from(String step) {
    return new Steps(Objects.requireNonNull(step, "step"), null);
  }

  /** From the first step (for a run: the first not yet completed) to this one. */
  public static Steps upTo(String step) {
    return new Steps(null, Objects.requireNonNull(step, "step"));
  }

  /** This step alone. */
  public static Steps only(String step) {
    return new Steps(Objects.requireNonNull(step, "step"), step);
  }

  /** The same start, ending at this step. */
  public Steps to(String step) {
    return new Steps(first, Objects.requireNonNull(step, "step"));
  }

  /** The step to start at, when one is given. */
  public Optional<String> first() {
    return Optional.ofNullable(first);
  }

  /** The step to end at, when one is given. */
  public Optional<String> last() {
    return Optional.ofNullable(last);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Steps steps && Objects.equals(first, steps.first) && Objects.equals(last, steps.last);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, last);
  }

  @Override
  public String toString() {
    return "Steps[" + (first == null ? "first" : first) + " .. " + (last == null ? "last" : last) + "]";
  }
}
