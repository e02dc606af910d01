package dev.autoscaling.workshop.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for what a test needs the server to have seen, on a monitor its writers notify: no polling, no sleeping. */
final class Awaiting {

  private Awaiting() {
  }

  /**
   * Waits on {@code monitor}, which the caller holds, until {@code condition} holds.
   *
   * @return false if the time ran out first (or the thread was interrupted)
   */
  static boolean until(Object monitor, BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
