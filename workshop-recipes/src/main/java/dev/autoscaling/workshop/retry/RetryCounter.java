package dev.autoscaling.workshop.retry;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sees every attempt of the client's HTTP requests and counts the ones fabric8's own retry loop
 * ({@code StandardHttpClient}: 429, 5xx and I/O failures, at most {@code requestRetryBackoffLimit} times, with
 * exponential backoff) repeats. It retries nothing itself; it only makes the retry of a 429 or 503 wait for the
 * server's {@code Retry-After}, which fabric8 7.7 reads but does not wait for (its scheduler takes the backoff
 * interval alone).
 *
 * <p>Attempts are told apart by method and URI: two identical requests in flight at once would share a count.
 */
final class RetryCounter implements Interceptor {

  static final String NAME = "workshop-retry-counter";

  private final int limit;
  private final KubernetesRetries retries;
  // failed attempts in a row of one request, by "METHOD uri"
  private final Map<String, Integer> failedInARow = new ConcurrentHashMap<>();

  RetryCounter(int limit, KubernetesRetries retries) {
    this.limit = limit;
    this.retries = retries;
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (!retryable(response.code())) {
      failedInARow.remove(key(request));
    }
  }

  // fabric8 calls this for every answer that is not a success, before it decides to retry.
  @Override
  public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    if (!retryable(response.code())) {
      return CompletableFuture.completedFuture(false);
    }
    String key = key(response.request());
    int failed = failedInARow.merge(key, 1, Integer::sum);
    if (failed > limit) {
      failedInARow.remove(key);
      retries.gaveUp(reason(response.code()));
      return CompletableFuture.completedFuture(false);
    }
    retries.retried(reason(response.code()));
    long retryAfter = retryAfterSeconds(response);
    if (retryAfter <= 0) {
      return CompletableFuture.completedFuture(false);
    }
    // false: this interceptor sends nothing again; fabric8's backoff starts once this completes.
    return CompletableFuture.supplyAsync(() -> false,
        CompletableFuture.delayedExecutor(retryAfter, TimeUnit.SECONDS));
  }

  // fabric8 calls this only while it may still retry, and retries I/O failures: each call is a retry.
  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    if (failure instanceof IOException) {
      retries.retried("connection failed (" + failure.getClass().getSimpleName() + ")");
    }
  }

  private static boolean retryable(int code) {
    return code == 429 || code >= 500;
  }

  private static String key(HttpRequest request) {
    return request == null ? "" : request.method() + " " + request.uri();
  }

  private static long retryAfterSeconds(HttpResponse<?> response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return 0;
    }
    try {
      // The API server sends seconds (1 to 60 or so); an HTTP date is left to fabric8's backoff.
      return Math.min(Long.parseLong(value.trim()), 60);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String reason(int code) {
    return switch (code) {
      case 429 -> "429 Too Many Requests";
      case 500 -> "500 Internal Server Error";
      case 502 -> "502 Bad Gateway";
      case 503 -> "503 Service Unavailable";
      case 504 -> "504 Gateway Timeout";
      default -> "HTTP " + code;
    };
  }
}
