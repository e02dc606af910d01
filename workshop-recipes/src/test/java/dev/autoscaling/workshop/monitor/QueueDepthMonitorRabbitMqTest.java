package dev.autoscaling.workshop.monitor;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.workshop.WorkshopManifests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue-depth monitor against a real RabbitMQ ({@code bash .ci/rabbitmq start}): messages published over AMQP,
 * read back through the management API. The broker refreshes queue statistics every 500 ms there
 * ({@code collect_statistics_interval}); the tests wait for a value, they do not sleep.
 */
class QueueDepthMonitorRabbitMqTest {

  private static final String QUEUE = "orders";
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Connection connection;
  private Channel channel;

  @BeforeEach
  void freshQueue() throws Exception {
    LocalRabbitMq.requireOrSkip(); // per test, so that a skip shows in the report as three skipped tests
    connection = LocalRabbitMq.connect();
    channel = connection.createChannel();
    channel.queueDelete(QUEUE);
    channel.queueDeclare(QUEUE, true, false, false, null);
    channel.confirmSelect();
  }

  @AfterEach
  void dropQueue() throws Exception {
    if (connection != null) {
      channel.queueDelete(QUEUE);
      connection.close();
    }
  }

  @Test
  void shouldReadTheDepthOfTheMessagesPublished() throws Exception {
    // Given
    publish(channel, 37);
    CollectingSink sink = new CollectingSink();
    long started = System.nanoTime();

    // When
    try (Subscription ignored = Monitors.queueDepth(LocalRabbitMq.MANAGEMENT_API, LocalRabbitMq.CREDENTIALS, "/",
        QUEUE, POLL).start(sink)) {
      MonitorEvent sample = sink.await(e -> Long.valueOf(37).equals(e.fields().get("messages")), TIMEOUT);

      // Then
      System.out.printf("measured: queue depth 37 read %d ms after the monitor started%n",
          (System.nanoTime() - started) / 1_000_000);
      assertThat(sample.kind()).isEqualTo(MonitorEvent.Kind.SAMPLE);
      assertThat(sample.message()).isEqualTo("orders: 37 messages (ready 37)");
      assertThat(sample.fields()).containsEntry("messagesReady", 37L).containsEntry("messagesUnacknowledged", 0L)
          .containsEntry("vhost", "/");
    }
    assertThat(sink.events()).noneMatch(e -> e.kind() == MonitorEvent.Kind.ERROR);
  }

  @Test
  void shouldReadAPositivePublishRateInMessageRateMode() throws Exception {
    // Given the workshop's ScaledObject in MessageRate mode, and a publisher that keeps going
    ScaledObject byRate = new ScaledObjectBuilder(WorkshopManifests.virtualWorkerScaledObject()).editSpec()
        .editFirstTrigger().addToMetadata("mode", "MessageRate").endTrigger().endSpec().build();
    // paced by the monitor, not by sleeping: 10 messages for each sample it takes (and 10 to begin with), so that
    // messages are published all along the intervals in which the broker measures the rate
    AtomicBoolean publishing = new AtomicBoolean(true);
    Semaphore samplesTaken = new Semaphore(1);
    Thread publisher = new Thread(() -> {
      try (Channel own = connection.createChannel()) {
        own.confirmSelect();
        while (publishing.get()) {
          if (samplesTaken.tryAcquire(1, TimeUnit.SECONDS)) {
            publish(own, 10);
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "test-publisher");
    publisher.start();
    CollectingSink sink = new CollectingSink();

    // When
    try (Subscription ignored = Monitors.queueDepth(LocalRabbitMq.MANAGEMENT_API, LocalRabbitMq.CREDENTIALS, "/",
        QUEUE, POLL).previewing(byRate, () -> 1).start(sink.andThen(sample -> samplesTaken.release()))) {
      MonitorEvent sample = sink.await(e -> e.fields().get("publishRate") instanceof Double rate && rate > 0,
          TIMEOUT);

      // Then
      System.out.println("measured: " + sample.message());
      assertThat(sample.fields()).containsEntry("mode", "MessageRate");
      assertThat((Double) sample.fields().get("metric")).isPositive().isEqualTo(sample.fields().get("publishRate"));
      assertThat(sample.message()).matches("orders: \\d+\\.\\d msg/s published, \\d+ messages \\(ready \\d+\\)"
          + " → KEDA heads for \\d+ replicas? \\(now 1\\)");
    } finally {
      publishing.set(false);
      publisher.join(10_000);
    }
  }

  @Test
  void shouldPreviewTheReplicasKedaHeadsForAsTheQueueGrows() throws Exception {
    // Given the workshop's ScaledObject (QueueLength, value "10"), one replica running, and both sinks
    ByteArrayOutputStream timelineOut = new ByteArrayOutputStream();
    ByteArrayOutputStream jsonOut = new ByteArrayOutputStream();
    Timeline timeline = new Timeline(new PrintStream(timelineOut, true, StandardCharsets.UTF_8), ZoneOffset.UTC,
        false, Clock.systemUTC());
    JsonLines json = JsonLines.to(new PrintStream(jsonOut, true, StandardCharsets.UTF_8));
    CollectingSink sink = new CollectingSink();
    QueueDepthMonitor monitor = Monitors.queueDepth(LocalRabbitMq.MANAGEMENT_API, LocalRabbitMq.CREDENTIALS, "/",
        QUEUE, POLL).previewing(WorkshopManifests.virtualWorkerScaledObject(), () -> 1);

    // When 37 orders wait, then 95
    try (Subscription ignored = monitor.start(timeline.andThen(json).andThen(sink))) {
      publish(channel, 37);
      MonitorEvent at37 = sink.await(e -> Long.valueOf(37).equals(e.fields().get("messages")), TIMEOUT);
      publish(channel, 58);
      MonitorEvent at95 = sink.await(e -> Long.valueOf(95).equals(e.fields().get("messages")), TIMEOUT);

      // Then: ceil(N / 10)
      assertThat(at37.message()).isEqualTo("orders: 37 messages (ready 37) → KEDA heads for 4 replicas (now 1)");
      assertThat(at37.fields()).containsEntry("previewReplicas", 4);
      assertThat(at95.message()).isEqualTo("orders: 95 messages (ready 95) → KEDA heads for 10 replicas (now 1)");
      assertThat(at95.fields()).containsEntry("previewReplicas", 10);
    }
    String timelineText = timelineOut.toString(StandardCharsets.UTF_8);
    String jsonText = jsonOut.toString(StandardCharsets.UTF_8);
    assertThat(timelineText).containsPattern(
        "\\d\\d:\\d\\d:\\d\\d queue     orders: 37 messages \\(ready 37\\) → KEDA heads for 4 replicas \\(now 1\\)");
    assertThat(jsonText).contains("\"previewReplicas\":10");
    String header = Base64.getEncoder().encodeToString(("username:" + LocalRabbitMq.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    for (String output : new String[] {timelineText, jsonText, monitor.toString()}) {
      assertThat(output).doesNotContain(LocalRabbitMq.PASSWORD).doesNotContain(header);
    }
  }

  private static void publish(Channel channel, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      channel.basicPublish("", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN,
          ("{\"order\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    channel.waitForConfirmsOrDie(10_000);
  }
}
