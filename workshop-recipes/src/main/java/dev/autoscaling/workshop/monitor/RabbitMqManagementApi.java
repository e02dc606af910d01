package dev.autoscaling.workshop.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoscaling.workshop.RabbitMqCredentials;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * RabbitMQ's management HTTP API, read with the JDK's HTTP client and basic authentication: the queue figures
 * KEDA's rabbitmq scaler reads in {@code protocol: http}. The password travels only in the {@code Authorization}
 * header: it is never part of a URL, a message or {@code toString}.
 *
 * <pre>{@code
 * // kubectl port-forward -n pets svc/rabbitmq 15672, done by the SDK and undone by close()
 * try (RabbitMqManagementApi api = RabbitMqManagementApi.portForward(client, "pets", "rabbitmq",
 *     RabbitMqCredentials.workshopDefaults())) {
 *   api.queue("/", "orders").messages();
 * }
 * }</pre>
 */
public final class RabbitMqManagementApi implements AutoCloseable {

  /** The management plugin's port, in the AKS store demo's Service as everywhere else. */
  public static final int MANAGEMENT_PORT = 15672;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final RabbitMqCredentials credentials;
  private final HttpClient http;
  private final LocalPortForward portForward;

  private RabbitMqManagementApi(URI base, RabbitMqCredentials credentials, LocalPortForward portForward) {
    this.base = base;
    this.credentials = credentials;
    this.portForward = portForward;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * @param base the API's address without path and without credentials, e.g. {@code http://127.0.0.1:15672}
   * @throws IllegalArgumentException when the address is not http(s) or carries credentials (the message does not
   *                                  repeat the address, which would repeat the password)
   */
  public static RabbitMqManagementApi of(URI base, RabbitMqCredentials credentials) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(credentials, "credentials");
    if (base.getRawUserInfo() != null) {
      throw new IllegalArgumentException("management API address: it carries credentials; give the address without"
          + " them (http://host:port) and the user as RabbitMqCredentials");
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("management API address: needs http:// or https://, got scheme '"
          + base.getScheme() + "'");
    }
    String text = base.toString();
    return new RabbitMqManagementApi(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text),
        credentials, null);
  }

  /**
   * Opens a port-forward to the Service's management port (as {@code kubectl port-forward svc/<service> 15672}
   * does) and reads the API through it; {@link #close()} closes the port-forward.
   */
  public static RabbitMqManagementApi portForward(KubernetesClient client, String namespace, String service,
                                                  RabbitMqCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    LocalPortForward forward = client.services().inNamespace(namespace).withName(service)
        .portForward(MANAGEMENT_PORT);
    return new RabbitMqManagementApi(URI.create("http://127.0.0.1:" + forward.getLocalPort()), credentials, forward);
  }

  /** Where requests go: the address given, or the local end of the port-forward. */
  public URI address() {
    return base;
  }

  /**
   * Reads one queue.
   *
   * @param vhost the virtual host, {@code /} for the default one
   * @throws IllegalStateException when the API answers with an error (queue missing, user refused, ...)
   * @throws UncheckedIOException  when the API cannot be reached
   */
  public QueueStats queue(String vhost, String queue) {
    String path = "/api/queues/" + segment(vhost) + "/" + segment(queue);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", credentials.basicAuthorizationHeader())
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("RabbitMQ management API at " + base + ": cannot reach it (" + describe(e)
          + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + path + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status != 200) {
      throw new IllegalStateException("GET " + base + path + ": " + status + " " + explain(status, vhost, queue));
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      JsonNode rate = body.path("message_stats").path("publish_details").path("rate");
      return new QueueStats(vhost, queue, body.path("messages").asLong(0), body.path("messages_ready").asLong(0),
          body.path("messages_unacknowledged").asLong(0),
          rate.isNumber() ? OptionalDouble.of(rate.asDouble()) : OptionalDouble.empty());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + base + path + ": the answer is not JSON", e);
    }
  }

  private String explain(int status, String vhost, String queue) {
    return switch (status) {
      case 401 -> "Unauthorized: user '" + credentials.username() + "' was refused (wrong password?)";
      case 403 -> "Forbidden: user '" + credentials.username() + "' may not read vhost '" + vhost + "'";
      case 404 -> "Not Found: no queue '" + queue + "' in vhost '" + vhost + "' (not declared yet?)";
      default -> "from the management API";
    };
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A path segment: {@code /} becomes {@code %2F}, a space {@code %20}, as the management API expects. */
  static String segment(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Closes the port-forward, if this API opened one. */
  @Override
  public void close() {
    if (portForward != null) {
      try {
        portForward.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing the port-forward to the RabbitMQ management API", e);
      }
    }
  }

  @Override
  public String toString() {
    return "RabbitMqManagementApi[" + base + " as " + credentials.username()
        + (portForward != null ? ", port-forwarded" : "") + "]";
  }
}
