package dev.autoscaling.workshop.monitor;

import com.sun.net.httpserver.HttpServer;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopManifests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The management API client and the queue monitor's lines, against a stub of the API (no broker needed). */
class RabbitMqManagementApiTest {

  private static final String SECRET = "s3cr3t-Pa55";
  private static final RabbitMqCredentials CREDENTIALS = RabbitMqCredentials.of("username", SECRET);

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{}";

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getRawPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  private URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void shouldReadAQueueWithBasicAuthAndTheDefaultVhostEncoded() {
    // Given
    body = """
        {"name":"orders","vhost":"/","messages":37,"messages_ready":30,"messages_unacknowledged":7,
         "message_stats":{"publish":37,"publish_details":{"rate":12.4}}}""";
    RabbitMqManagementApi api = RabbitMqManagementApi.of(address(), CREDENTIALS);

    // When
    QueueStats stats = api.queue("/", "orders");

    // Then
    assertThat(requests).containsExactly("/api/queues/%2F/orders Basic dXNlcm5hbWU6czNjcjN0LVBhNTU=");
    assertThat(stats.messages()).isEqualTo(37);
    assertThat(stats.messagesReady()).isEqualTo(30);
    assertThat(stats.messagesUnacknowledged()).isEqualTo(7);
    assertThat(stats.publishRate()).hasValue(12.4);
    assertThat(api).hasToString("RabbitMqManagementApi[" + address() + " as username]");
  }

  @Test
  void shouldSayWhatWentWrongWithoutThePassword() {
    // Given
    RabbitMqManagementApi api = RabbitMqManagementApi.of(address(), CREDENTIALS);

    // When / Then
    status = 401;
    assertThatThrownBy(() -> api.queue("/", "orders")).isInstanceOf(IllegalStateException.class)
        .hasMessage("GET " + address() + "/api/queues/%2F/orders: 401 Unauthorized: user 'username' was refused"
            + " (wrong password?)")
        .hasMessageNotContaining(SECRET);
    status = 404;
    assertThatThrownBy(() -> api.queue("/", "orders"))
        .hasMessageEndingWith("404 Not Found: no queue 'orders' in vhost '/' (not declared yet?)");
    assertThatThrownBy(() -> RabbitMqManagementApi.of(URI.create(CREDENTIALS.managementUrl("127.0.0.1:15672")),
        CREDENTIALS)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET)
        .hasMessageContaining("carries credentials");
  }

  @Test
  void shouldReportAnUnreachableApiAsAnErrorEventAndKeepGoing() throws IOException {
    // Given a port nobody listens on
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    QueueDepthMonitor monitor = Monitors.queueDepth(URI.create("http://127.0.0.1:" + closedPort), CREDENTIALS, "/",
        "orders", Duration.ofSeconds(1));

    // When
    MonitorEvent event = monitor.sample();

    // Then
    assertThat(event.kind()).isEqualTo(MonitorEvent.Kind.ERROR);
    assertThat(event.message()).startsWith("orders: cannot read the queue: RabbitMQ management API at http://127.0.0.1:"
        + closedPort + ": cannot reach it").doesNotContain(SECRET);
    assertThatThrownBy(() -> RabbitMqManagementApi.of(URI.create("http://127.0.0.1:" + closedPort), CREDENTIALS)
        .queue("/", "orders")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void shouldSayWhereKedaHeadsForTheQueueDepth() {
    // Given the workshop's ScaledObject (QueueLength, value 10) and one replica running
    body = """
        {"name":"orders","vhost":"/","messages":37,"messages_ready":37,"messages_unacknowledged":0}""";
    QueueDepthMonitor monitor = Monitors.queueDepth(address(), CREDENTIALS, "/", "orders", Duration.ofSeconds(1))
        .previewing(WorkshopManifests.virtualWorkerScaledObject(), () -> 1);

    // When
    MonitorEvent event = monitor.sample();

    // Then: ceil(37 / 10) = 4
    assertThat(event.message()).isEqualTo("orders: 37 messages (ready 37) → KEDA heads for 4 replicas (now 1)");
    assertThat(event.fields()).containsEntry("previewReplicas", 4).containsEntry("currentReplicas", 1)
        .containsEntry("mode", "QueueLength").containsEntry("metric", 37.0).containsEntry("active", true);
    assertThat(JsonLines.json(event)).doesNotContain(SECRET).doesNotContain("dXNlcm5hbWU6czNjcjN0LVBhNTU=");
  }

  @Test
  void shouldRefuseAScaledObjectThatDoesNotReadTheQueue() {
    // Given
    QueueDepthMonitor monitor = Monitors.queueDepth(address(), CREDENTIALS, "/", "payments", Duration.ofSeconds(1));

    // When / Then
    assertThatThrownBy(() -> monitor.previewing(WorkshopManifests.virtualWorkerScaledObject(), () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec.triggers: no rabbitmq trigger of ScaledObject virtual-worker-rabbitmq-scaledobject reads"
            + " queue 'payments' (its rabbitmq triggers read [orders])");
  }
}
