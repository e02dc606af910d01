package dev.autoscaling.workshop.retry;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How often the workshop's Kubernetes client repeats a request the API server could not serve (429 Too Many
 * Requests, any 5xx, a connection that failed), and how often it did. The retrying itself is fabric8's
 * ({@code requestRetryBackoffLimit}, {@code requestRetryBackoffInterval}: exponential backoff from the interval,
 * doubling up to 32 times it); this sets the bound, waits at least the server's {@code Retry-After}, and counts.
 *
 * <pre>{@code
 * KubernetesRetries retries = KubernetesRetries.defaults();           // 6 retries, from 250 ms: ~16 s in all
 * KubernetesClient client = retries.newClient(Config.autoConfigure(null));
 * RunReport report = workshop.run(WorkshopContext.cluster(config, client).withRetries(retries), progress, Steps.all());
 * report.retries();                                                    // {"429 Too Many Requests": 2}
 * }</pre>
 *
 * <p>fabric8 retries writes too: a server-side apply is idempotent, so a repeated PATCH stores the same object.
 */
public final class KubernetesRetries {

  /** Enough for an API server's brief overload or a control-plane restart, short enough to fail in seconds. */
  public static final int DEFAULT_LIMIT = 6;
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  private final int limit;
  private final Duration interval;
  private final Map<String, Integer> retried = new TreeMap<>();
  private final Map<String, Integer> gaveUp = new TreeMap<>();

  private KubernetesRetries(int limit, Duration interval) {
    this.limit = limit;
    this.interval = interval;
  }

  public static KubernetesRetries defaults() {
    return of(DEFAULT_LIMIT, DEFAULT_INTERVAL);
  }

  /**
   * @param limit    retries of one request at most (0: none); the request is sent at most {@code limit + 1} times
   * @param interval the wait before the first retry, doubled for each next one
   */
  public static KubernetesRetries of(int limit, Duration interval) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + ": give 0 (no retry) or more");
    }
    if (interval == null || interval.isNegative() || interval.isZero() || interval.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("interval " + interval + ": give a positive duration in milliseconds,"
          + " e.g. Duration.ofMillis(250)");
    }
    return new KubernetesRetries(limit, interval);
  }

  /**
   * A client of {@code config}'s cluster that retries as this says and counts here. Sets the retry settings on
   * {@code config} itself, which the client then shares.
   */
  public KubernetesClient newClient(Config config) {
    config.setRequestRetryBackoffLimit(limit);
    config.setRequestRetryBackoffInterval((int) interval.toMillis());
    RetryCounter counter = new RetryCounter(limit, this);
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(RetryCounter.NAME, counter))
        .build();
  }

  public int limit() {
    return limit;
  }

  public Duration interval() {
    return interval;
  }

  /** Retries so far, by what the server answered: {@code {"429 Too Many Requests": 2, "503 Service Unavailable": 1}}. */
  public synchronized Map<String, Integer> retried() {
    return Map.copyOf(retried);
  }

  /** Requests that still failed after {@link #limit()} retries, by their last answer. */
  public synchronized Map<String, Integer> gaveUp() {
    return Map.copyOf(gaveUp);
  }

  synchronized void retried(String reason) {
    retried.merge(reason, 1, Integer::sum);
  }

  synchronized void gaveUp(String reason) {
    gaveUp.merge(reason, 1, Integer::sum);
  }

  /** {@code "3 retries (2 after 429 Too Many Requests, 1 after 503 Service Unavailable)"}, or {@code "no retries"}. */
  public static String describe(Map<String, Integer> retried) {
    int total = retried.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return "no retries";
    }
    return total + (total == 1 ? " retry (" : " retries (") + new TreeMap<>(retried).entrySet().stream()
        .map(e -> e.getValue() + " after " + e.getKey()).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return "KubernetesRetries[limit=" + limit + ", interval=" + interval.toMillis() + "ms, " + describe(retried())
        + "]";
  }
}
