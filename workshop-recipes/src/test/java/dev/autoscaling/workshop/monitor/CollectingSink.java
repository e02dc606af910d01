package dev.autoscaling.workshop.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A sink that keeps what it gets, and lets a test wait for an event without fixed sleeps. */
final class CollectingSink implements Consumer<MonitorEvent> {

  private final List<MonitorEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(MonitorEvent event) {
    events.add(event);
    notifyAll();
  }

  synchronized List<MonitorEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> messages() {
    return events.stream().map(MonitorEvent::message).toList();
  }

  /** The first event matching, waiting for it up to {@code timeout}; fails the test naming what came instead. */
  synchronized MonitorEvent await(Predicate<MonitorEvent> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (MonitorEvent event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching event within " + timeout + "; got " + messages());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until at least {@code count} events arrived, and returns them all. */
  synchronized List<MonitorEvent> awaitCount(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " events within " + timeout + "; got " + messages());
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(events);
  }
}
