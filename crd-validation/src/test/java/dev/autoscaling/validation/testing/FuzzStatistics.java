package dev.autoscaling.validation.testing;

import dev.autoscaling.validation.Violation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fuzzer did: how many inputs it tried, how long they took in all, and the slowest. Printed at the end of
 * the run, for the record; nothing is asserted on time.
 */
public final class FuzzStatistics {

  /** No message may grow with the input: a violation stays within this many characters. */
  public static final int MAX_VIOLATION_CHARS = 8 * 1024;

  private final String subject;
  private final AtomicLong tries = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong slowest = new AtomicLong();

  public FuzzStatistics(String subject) {
    this.subject = subject;
  }

  /** Runs one try, timing it. */
  public void time(Runnable attempt) {
    long start = System.nanoTime();
    try {
      attempt.run();
    } finally {
      long took = System.nanoTime() - start;
      tries.incrementAndGet();
      nanos.addAndGet(took);
      slowest.accumulateAndGet(took, Math::max);
    }
  }

  /** Every violation is of a bounded size. */
  public static void assertBounded(List<Violation> violations) {
    assertThat(violations).allSatisfy(v -> assertThat(v.toString().length()).isLessThan(MAX_VIOLATION_CHARS));
  }

  public void print() {
    System.out.printf(Locale.ROOT, "fuzz %s: %d tries, %.1f s in all, slowest %.0f ms%n", subject, tries.get(),
        nanos.get() / 1e9, slowest.get() / 1e6);
  }
}
