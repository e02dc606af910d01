package dev.autoscaling.workshop.monitor;

import dev.autoscaling.keda.ScalingPreview;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A RabbitMQ queue's depth, polled from the management API (RabbitMQ has no watch), one line when what it shows
 * changes. Given the ScaledObject that scales on the queue, each line also says where KEDA heads:
 *
 * <pre>{@code
 * Monitors.queueDepth(api, "/", "orders", Duration.ofSeconds(2))
 *     .previewing(WorkshopManifests.virtualWorkerScaledObject(), Monitors.currentReplicas(client, "pets", "virtual-worker"))
 *     .start(Timeline.toTerminal());
 * // 12:01:03 queue     orders: 37 messages (ready 37) → KEDA heads for 4 replicas (now 1)
 * }</pre>
 *
 * <p>As KEDA's rabbitmq scaler does: QueueLength mode reads {@code messages} ({@code messages_ready} with
 * {@code excludeUnacknowledged: "true"}), MessageRate mode reads the publish rate. Immutable: {@link #previewing}
 * returns a new monitor.
 */
public final class QueueDepthMonitor implements Monitor {

  private static final System.Logger LOG = System.getLogger(QueueDepthMonitor.class.getName());

  private final RabbitMqManagementApi api;
  private final String vhost;
  private final String queue;
  private final Duration interval;
  private final Clock clock;
  private final Preview preview;

  /** The ScaledObject, the index of its trigger on this queue, and that trigger's mode. */
  private record Preview(ScaledObject scaledObject, int trigger, boolean messageRate, boolean excludeUnacknowledged,
                         IntSupplier currentReplicas) {
  }

  static QueueDepthMonitor create(RabbitMqManagementApi api, String vhost, String queue, Duration interval,
                                  Clock clock) {
    return new QueueDepthMonitor(api, vhost, queue, interval, clock, null);
  }

  private QueueDepthMonitor(RabbitMqManagementApi api, String vhost, String queue, Duration interval, Clock clock,
                            Preview preview) {
    this.api = Objects.requireNonNull(api, "api");
    this.vhost = Objects.requireNonNull(vhost, "vhost");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: must be above zero, got " + interval);
    }
    this.clock = clock;
    this.preview = preview;
  }

  /**
   * The same monitor, with each line saying how many replicas KEDA and the HPA head for (see {@link ScalingPreview}).
   *
   * @param scaledObject    a ScaledObject with a {@code rabbitmq} trigger whose {@code queueName} is this queue
   * @param currentReplicas the replicas running now, asked at every sample, e.g.
   *                        {@link Monitors#currentReplicas(io.fabric8.kubernetes.client.KubernetesClient, String, String)}
   * @throws IllegalArgumentException when no trigger reads this queue, its mode is not QueueLength or MessageRate, or
   *                                  the preview cannot evaluate the ScaledObject (another trigger, formulas, ...)
   */
  public QueueDepthMonitor previewing(ScaledObject scaledObject, IntSupplier currentReplicas) {
    Objects.requireNonNull(scaledObject, "scaledObject");
    Objects.requireNonNull(currentReplicas, "currentReplicas");
    List<Triggers> triggers = scaledObject.getSpec() == null || scaledObject.getSpec().getTriggers() == null
        ? List.of() : scaledObject.getSpec().getTriggers();
    List<String> queues = new ArrayList<>();
    for (int i = 0; i < triggers.size(); i++) {
      Triggers trigger = triggers.get(i);
      Map<String, String> metadata = trigger.getMetadata() == null ? Map.of() : trigger.getMetadata();
      if (!"rabbitmq".equals(trigger.getType())) {
        continue;
      }
      queues.add(metadata.get("queueName"));
      if (queue.equals(metadata.get("queueName"))) {
        String where = "spec.triggers[" + i + "].metadata.mode";
        String mode = metadata.getOrDefault("mode", "QueueLength");
        if (!mode.equals("QueueLength") && !mode.equals("MessageRate")) {
          throw new IllegalArgumentException(where + ": '" + mode + "' is neither QueueLength nor MessageRate");
        }
        Preview candidate = new Preview(scaledObject, i, mode.equals("MessageRate"),
            "true".equalsIgnoreCase(metadata.get("excludeUnacknowledged")), currentReplicas);
        ScalingPreview.of(scaledObject).currentReplicas(1).metric(i, 0).evaluate(); // fails now rather than later
        return new QueueDepthMonitor(api, vhost, queue, interval, clock, candidate);
      }
    }
    throw new IllegalArgumentException("spec.triggers: no rabbitmq trigger of ScaledObject "
        + scaledObject.getMetadata().getName() + " reads queue '" + queue + "' (its rabbitmq triggers read "
        + queues + ")");
  }

  @Override
  public String name() {
    return "queue";
  }

  /** Reads the queue once, now. Never throws for an unreachable API: that is an {@code ERROR} event. */
  public MonitorEvent sample() {
    String subject = "queue/" + queue;
    QueueStats stats;
    try {
      stats = api.queue(vhost, queue);
    } catch (RuntimeException e) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("vhost", vhost);
      fields.put("queue", queue);
      fields.put("error", e.getMessage());
      return new MonitorEvent(clock.instant(), name(), MonitorEvent.Kind.ERROR, subject,
          queue + ": cannot read the queue: " + e.getMessage(), fields);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("vhost", vhost);
    fields.put("queue", queue);
    fields.put("messages", stats.messages());
    fields.put("messagesReady", stats.messagesReady());
    fields.put("messagesUnacknowledged", stats.messagesUnacknowledged());
    if (stats.publishRate().isPresent()) {
      fields.put("publishRate", stats.publishRate().getAsDouble());
    }
    double rate = stats.publishRate().orElse(0);
    String depth = stats.messages() + " messages (ready " + stats.messagesReady() + ")";
    StringBuilder message = new StringBuilder(queue).append(": ");
    if (preview != null && preview.messageRate()) {
      message.append(decimal(rate)).append(" msg/s published, ").append(depth);
    } else {
      message.append(depth);
    }
    if (preview != null) {
      double metric = preview.messageRate() ? rate
          : preview.excludeUnacknowledged() ? stats.messagesReady() : stats.messages();
      fields.put("mode", preview.messageRate() ? "MessageRate" : "QueueLength");
      fields.put("metric", metric);
      fields.put("scaledObject", preview.scaledObject().getMetadata().getName());
      try {
        int now = preview.currentReplicas().getAsInt();
        ScalingPreview.Result result = ScalingPreview.of(preview.scaledObject()).currentReplicas(now)
            .metric(preview.trigger(), metric).evaluate();
        fields.put("currentReplicas", now);
        fields.put("previewReplicas", result.replicas());
        fields.put("active", result.active());
        fields.put("reasons", result.reasons());
        message.append(" → KEDA heads for ").append(result.replicas())
            .append(result.replicas() == 1 ? " replica" : " replicas").append(" (now ").append(now).append(")");
      } catch (RuntimeException e) {
        fields.put("previewError", e.getMessage());
        message.append(" → no preview: ").append(e.getMessage());
      }
    }
    return new MonitorEvent(clock.instant(), name(), MonitorEvent.Kind.SAMPLE, subject, message.toString(), fields);
  }

  /** Polls every interval, the first time at once; a line only when it differs from the previous one. */
  @Override
  public Subscription start(Consumer<MonitorEvent> sink) {
    Objects.requireNonNull(sink, "sink");
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "queue-depth-" + queue);
      thread.setDaemon(true);
      return thread;
    });
    String[] last = {null};
    AtomicBoolean closed = new AtomicBoolean();
    poller.scheduleWithFixedDelay(() -> {
      try {
        MonitorEvent event = sample();
        if (!closed.get() && !event.message().equals(last[0])) {
          last[0] = event.message();
          sink.accept(event);
        }
      } catch (RuntimeException e) {
        // a failing sink must not end the polling, which the executor would do silently
        LOG.log(System.Logger.Level.WARNING, "queue-depth monitor of " + queue + ": the sink failed", e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      closed.set(true);
      poller.shutdownNow();
      try {
        poller.awaitTermination(interval.toMillis() + 15_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  @Override
  public String toString() {
    return "QueueDepthMonitor[" + queue + " in vhost " + vhost + " every " + interval + " via " + api + "]";
  }
}
