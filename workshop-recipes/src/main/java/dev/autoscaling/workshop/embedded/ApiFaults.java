package dev.autoscaling.workshop.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the embedded API server injects on request, for tests of how a client lives with a real API server: answers
 * it gives when overloaded or failing (429 with Retry-After, 500, 503), watches it closes, and going away in the
 * middle of a request. Nothing is injected unless asked for: {@code workshop demo} runs without faults.
 *
 * <p>A rule matches a request by method and path, the query left out
 * ({@code "PATCH", "/apis/apps/v1/namespaces/pets/deployments/order-service"}). A request answered with a fault is
 * not processed: nothing is stored. It still counts in {@link EmbeddedApiServer#takeRequests()}.
 *
 * <pre>{@code
 * server.faults().answerTooManyRequests("PATCH", path, 1, 2);   // the next 2 PATCHes: 429, Retry-After: 1
 * server.faults().answer("PATCH", path, 503, 2);                 // the next 2: 503
 * server.faults().answer("PATCH", path, 500, ApiFaults.ALWAYS);  // every one: 500
 * server.faults().goAwayAt("PATCH", path);                       // the server stops when this request arrives
 * server.faults().closeWatches("/apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects");
 * }</pre>
 */
public final class ApiFaults {

  /** For {@code times}: every matching request, until {@link #clear()}. */
  public static final int ALWAYS = -1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final OpenWatches watches;
  private final Runnable goAway;
  private final AtomicInteger injected = new AtomicInteger();

  ApiFaults(OpenWatches watches, Runnable goAway) {
    this.watches = watches;
    this.goAway = goAway;
  }

  /** The next {@code times} requests (or {@link #ALWAYS}) answer {@code code} with the API server's Status body. */
  public ApiFaults answer(String method, String path, int code, int times) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("code " + code + ": a fault is a 4xx or 5xx answer");
    }
    return add(new Rule(method, path, times, code, 0, false));
  }

  /** The next {@code times} requests answer 429 Too Many Requests with {@code Retry-After: retryAfterSeconds}. */
  public ApiFaults answerTooManyRequests(String method, String path, int retryAfterSeconds, int times) {
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds " + retryAfterSeconds + ": the API server says 1 or more");
    }
    return add(new Rule(method, path, times, 429, retryAfterSeconds, false));
  }

  /**
   * The server goes away when the next matching request arrives: that request is never answered, its connection and
   * every other one close, and the port refuses connections until {@link EmbeddedApiServer#comeBack()}. What the
   * server stored until then is kept.
   */
  public ApiFaults goAwayAt(String method, String path) {
    return add(new Rule(method, path, 1, 0, 0, true));
  }

  /**
   * Closes every open watch on the collection {@code path} (a named object's watch is on its collection, with a
   * field selector), as an API server does when a watch times out or the server restarts.
   *
   * @return how many watches were open there
   */
  public int closeWatches(String path) {
    return watches.close(path);
  }

  /** Forgets every rule not used up yet. */
  public void clear() {
    rules.clear();
  }

  /** Requests answered with a fault so far. */
  public int injected() {
    return injected.get();
  }

  private ApiFaults add(Rule rule) {
    if (rule.times == 0 || rule.times < ALWAYS) {
      throw new IllegalArgumentException("times " + rule.times + ": give 1 or more, or ApiFaults.ALWAYS");
    }
    rules.add(rule);
    return this;
  }

  /** The fault for this request, or null to process it. */
  MockResponse respond(RecordedRequest request) {
    String path = request.getPath();
    int query = path.indexOf('?');
    String withoutQuery = query < 0 ? path : path.substring(0, query);
    for (Rule rule : rules) {
      if (rule.matches(request.getMethod(), withoutQuery) && rule.use()) {
        injected.incrementAndGet();
        if (rule.goAway) {
          goAway.run();
          // Never sent: the server closes the connection first. A body is needed for the delay to apply.
          return new MockResponse().setResponseCode(503).setBody("{}").setBodyDelay(1, TimeUnit.HOURS);
        }
        return status(rule.code, rule.retryAfterSeconds);
      }
    }
    return null;
  }

  /** The Status an API server sends with such a code (k8s.io/apimachinery {@code api/errors}). */
  private static MockResponse status(int code, int retryAfterSeconds) {
    ObjectNode status = JSON.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    switch (code) {
      case 429 -> {
        status.put("message", "Too many requests, please try again later.");
        status.put("reason", "TooManyRequests");
        status.putObject("details").put("retryAfterSeconds", retryAfterSeconds);
      }
      case 500 -> {
        status.put("message", "Internal error occurred: injected by the embedded API server");
        status.put("reason", "InternalError");
      }
      case 503 -> {
        status.put("message", "the server is currently unable to handle the request");
        status.put("reason", "ServiceUnavailable");
      }
      case 504 -> {
        status.put("message", "the server was unable to return a response in the time allotted");
        status.put("reason", "Timeout");
      }
      default -> status.put("message", "injected by the embedded API server");
    }
    status.put("code", code);
    MockResponse response = new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(status.toString());
    return retryAfterSeconds > 0 ? response.setHeader("Retry-After", retryAfterSeconds) : response;
  }

  private static final class Rule {

    private final String method;
    private final String path;
    private final int times;
    private final int code;
    private final int retryAfterSeconds;
    private final boolean goAway;
    private final AtomicInteger left;

    Rule(String method, String path, int times, int code, int retryAfterSeconds, boolean goAway) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
      this.times = times;
      this.code = code;
      this.retryAfterSeconds = retryAfterSeconds;
      this.goAway = goAway;
      this.left = new AtomicInteger(times);
    }

    boolean matches(String requestMethod, String requestPath) {
      return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }

    /** Takes one use of the rule; false once used up. */
    boolean use() {
      return times == ALWAYS || left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
  }
}
