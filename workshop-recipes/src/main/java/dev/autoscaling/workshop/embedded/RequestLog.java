package dev.autoscaling.workshop.embedded;

import io.fabric8.mockwebserver.http.RecordedRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the embedded server received, as {@code METHOD path?query}, kept across a restart of its listener
 * ({@link EmbeddedApiServer#comeBack()}): what request budgets count and what tests wait on.
 */
final class RequestLog {

  private final List<String> all = new ArrayList<>();
  private int taken;

  synchronized void record(RecordedRequest request) {
    all.add(request.getMethod() + " " + request.getPath());
    notifyAll();
  }

  synchronized int count() {
    return all.size();
  }

  /** The requests since the last call. */
  synchronized List<String> take() {
    List<String> since = List.copyOf(all.subList(taken, all.size()));
    taken = all.size();
    return since;
  }

  /** Waits until {@code count} requests in all match; false when the time runs out first. */
  synchronized boolean await(Predicate<String> line, int count, Duration timeout) {
    return Awaiting.until(this, () -> all.stream().filter(line).count() >= count, timeout);
  }
}
