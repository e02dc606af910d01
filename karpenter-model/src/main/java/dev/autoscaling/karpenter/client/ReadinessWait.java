package dev.autoscaling.karpenter.client;

import dev.autoscaling.karpenter.status.Readiness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How every wait of {@link DefaultKarpenterClient} is done: an informer (list once, then watch) over one object or
 * a labelled group, {@link Readiness} to judge each version seen, one deadline for the whole wait, and the last
 * seen versions kept so that a timeout can say what was not Ready and why.
 */
final class ReadinessWait<T extends HasMetadata> {

  private final String subject;
  private final int wanted;
  private final boolean single;
  // Sorted by name so that answers and messages come out in a stable order.
  private final Map<String, T> present = new ConcurrentSkipListMap<>();
  private final Map<String, T> gone = new ConcurrentSkipListMap<>();

  private ReadinessWait(String subject, int wanted, boolean single) {
    this.subject = subject;
    this.wanted = wanted;
    this.single = single;
  }

  /**
   * Until the named object is Ready. The name is checked here, before fabric8 sees it, so that every wait words a
   * missing name alike.
   *
   * @throws IllegalStateException when it is deleted before it becomes Ready (it will not come back by itself)
   */
  static <T extends HasMetadata> T one(Function<String, ? extends Informable<T>> byName, String kind, String name,
      Duration timeout) {
    requireName("name", kind, name);
    requireTimeout(timeout);
    return new ReadinessWait<T>(kind + " " + name, 1, true).await(byName.apply(name), timeout).get(0);
  }

  /**
   * Until at least {@code count} objects of the group are Ready; answers all the Ready ones. Objects deleted on
   * the way (Karpenter deletes a NodeClaim it cannot launch, then makes another) do not end the wait.
   */
  static <T extends HasMetadata> List<T> several(Informable<T> group, int count, String subject, Duration timeout) {
    if (count < 1) {
      throw new IllegalArgumentException("count: " + count + " is not a number of objects to wait for; pass 1 or more");
    }
    requireTimeout(timeout);
    return new ReadinessWait<T>(subject, count, false).await(group, timeout);
  }

  static void requireName(String parameter, String kind, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(parameter + ": is " + (name == null ? "null" : "blank")
          + "; pass the metadata.name of the " + kind + " (kubectl get " + kind.toLowerCase()
          + (kind.endsWith("s") ? "es" : "s") + ")");
    }
  }

  private static void requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " leaves no time to wait; pass a positive duration,"
          + " e.g. Duration.ofMinutes(5)");
    }
  }

  private List<T> await(Informable<T> source, Duration timeout) {
    // Starting the informer lists the objects first, which takes part of the time: measure from one deadline.
    Instant deadline = Instant.now().plus(timeout);
    CompletableFuture<List<T>> done = source.informOnCondition(this::seen);
    try {
      done.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
      return ready();
    } catch (TimeoutException e) {
      throw timedOut(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while waiting for " + subject + " to become Ready", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new KubernetesClientException("watching " + subject + " failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      done.cancel(true);
    }
  }

  /** Called by the informer with everything it holds, after each change. */
  private boolean seen(List<T> items) {
    Map<String, T> now = items.stream().collect(Collectors.toMap(ReadinessWait::name, item -> item, (a, b) -> b));
    for (String name : new ArrayList<>(present.keySet())) {
      if (!now.containsKey(name)) {
        gone.put(name, present.remove(name));
      }
    }
    present.putAll(now);
    if (single && !gone.isEmpty()) {
      T last = gone.values().iterator().next();
      throw new IllegalStateException(subject + " was deleted before it became Ready; last seen: "
          + Readiness.of(last).explanation());
    }
    return ready().size() >= wanted;
  }

  private List<T> ready() {
    return present.values().stream().filter(item -> Readiness.of(item).isReady()).toList();
  }

  private NotReadyException timedOut(Duration timeout) {
    List<T> notReady = present.values().stream().filter(item -> !Readiness.of(item).isReady()).toList();
    List<T> lastSeen = new ArrayList<>(notReady);
    lastSeen.addAll(gone.values());
    String within = " within " + text(timeout);
    if (single) {
      return new NotReadyException(lastSeen, timeout.toMillis(), notReady.isEmpty()
          ? subject + " was not found" + within + ": is the name right?"
          : subject + " was not Ready" + within + "; last seen: " + Readiness.of(notReady.get(0)).explanation());
    }
    List<T> ready = ready();
    StringBuilder message = new StringBuilder(subject + ": " + ready.size() + " of the " + wanted
        + " Ready wanted" + within);
    if (present.isEmpty() && gone.isEmpty()) {
      message.append("; none appeared (Karpenter makes them only for pending pods the NodePool can serve and when"
          + " the NodePool is Ready)");
    }
    if (!ready.isEmpty()) {
      message.append("; Ready: ").append(ready.stream().map(ReadinessWait::name).collect(Collectors.joining(", ")));
    }
    if (!notReady.isEmpty()) {
      message.append("; not Ready: ").append(notReady.stream()
          .map(item -> name(item) + " (" + Readiness.of(item).explanation() + ")").collect(Collectors.joining(", ")));
    }
    if (!gone.isEmpty()) {
      message.append("; deleted while waiting: ").append(gone.values().stream()
          .map(item -> name(item) + " (last seen: " + Readiness.of(item).explanation() + ")")
          .collect(Collectors.joining(", ")));
    }
    return new NotReadyException(lastSeen, timeout.toMillis(), message.toString());
  }

  private static String name(HasMetadata item) {
    return item.getMetadata().getName();
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1m30s}: how the timeout was most likely written. */
  static String text(Duration timeout) {
    if (timeout.toMillis() < 1000 || timeout.toMillisPart() != 0) {
      return timeout.toMillis() + "ms";
    }
    long seconds = timeout.toSeconds();
    return (seconds >= 60 ? seconds / 60 + "m" : "") + (seconds % 60 != 0 || seconds < 60 ? seconds % 60 + "s" : "");
  }
}
