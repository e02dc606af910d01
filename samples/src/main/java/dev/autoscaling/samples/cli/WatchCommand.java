package dev.autoscaling.samples.cli;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.monitor.JsonLines;
import dev.autoscaling.workshop.monitor.Monitor;
import dev.autoscaling.workshop.monitor.MonitorEvent;
import dev.autoscaling.workshop.monitor.Monitors;
import dev.autoscaling.workshop.monitor.QueueDepthMonitor;
import dev.autoscaling.workshop.monitor.RabbitMqManagementApi;
import dev.autoscaling.workshop.monitor.Subscription;
import dev.autoscaling.workshop.monitor.Timeline;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** {@code workshop watch}: the workshop's {@code watch kubectl ...} commands as typed, live timelines. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Follows the cluster live, a line per change, until interrupted.",
        "  keda       events of the HPA KEDA created (keda-hpa-<scaledobject>) and",
        "             the store's replica counts",
        "  karpenter  Karpenter's events (source=karpenter) and nodes with their",
        "             NodePool, arch and OS image",
        "  nodes      nodes, and which node each of the store's pods runs on",
        "  queue      the RabbitMQ queue depth (management API, through a",
        "             port-forward unless --rabbitmq-url), with the replica count",
        "             KEDA heads for beside the actual one",
        "RabbitMQ credentials: env RABBITMQ_USERNAME / RABBITMQ_PASSWORD (default: the",
        "store demo's). A cluster or broker that does not answer ends it (exit code 4)."})
final class WatchCommand implements Callable<Integer> {

  enum Target { keda, karpenter, nodes, queue }

  @Mixin
  KubeOptions kube;

  @Mixin
  NamespaceOption namespace;

  @Parameters(index = "0", paramLabel = "WHAT", description = "keda, karpenter, nodes or queue")
  Target target;

  @Option(names = "--json", description = "One JSON object per line instead of the timeline.")
  boolean json;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this long (default: never).")
  Long durationSeconds;

  @Option(names = "--rabbitmq-url", paramLabel = "URL",
      description = "The management API (e.g. http://127.0.0.1:15672) instead of a port-forward to svc/rabbitmq.")
  URI rabbitMqUrl;

  @Option(names = "--current-replicas", paramLabel = "N",
      description = "With --rabbitmq-url and no cluster: the virtual-worker replicas to compare KEDA's target with.")
  Integer currentReplicas;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "How often the queue is read (default: ${DEFAULT-VALUE}).")
  long intervalSeconds;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = namespace.applyTo(Workshops.defaults());
    boolean needsCluster = target != Target.queue || rabbitMqUrl == null || currentReplicas == null;
    KubernetesClient client = needsCluster ? kube.connect() : null;
    RabbitMqManagementApi api = null;
    try {
      Monitor monitor = switch (target) {
        case keda -> Monitors.together(
            Monitors.hpaEvents(client, config.namespace(), WorkshopManifests.SCALED_OBJECT),
            Monitors.deployments(client, config.namespace()));
        case karpenter -> Monitors.together(Monitors.karpenterEvents(client), Monitors.nodes(client));
        case nodes -> Monitors.together(Monitors.nodes(client), Monitors.pods(client, config.namespace()));
        case queue -> {
          RabbitMqCredentials credentials = config.rabbitMq();
          api = rabbitMqUrl != null ? Workshops.checked(() -> RabbitMqManagementApi.of(rabbitMqUrl, credentials))
              : RabbitMqManagementApi.portForward(client, config.namespace(), "rabbitmq", credentials);
          ScaledObject scaledObject = client == null ? null : client.resources(ScaledObject.class)
              .inNamespace(config.namespace()).withName(WorkshopManifests.SCALED_OBJECT).get();
          IntSupplier replicas = currentReplicas != null ? () -> currentReplicas
              : Monitors.currentReplicas(client, config.namespace(), WorkshopManifests.VIRTUAL_WORKER);
          ScaledObject previewed = scaledObject != null ? scaledObject
              : WorkshopManifests.virtualWorkerScaledObject(config);
          RabbitMqManagementApi opened = api;
          QueueDepthMonitor queue = Workshops.checked(() -> Monitors.queueDepth(opened, "/", config.queue(),
              Duration.ofSeconds(intervalSeconds)).previewing(previewed, replicas));
          // A broker that does not answer at the start is an error, not a watch of error lines that exits 0.
          MonitorEvent first = queue.sample();
          if (first.kind() == MonitorEvent.Kind.ERROR) {
            throw new Unavailable("the RabbitMQ management API at " + opened.address() + " does not answer ("
                + first.fields().get("error") + "); check --rabbitmq-url, or that svc/rabbitmq runs in "
                + config.namespace());
          }
          yield queue;
        }
      };
      Consumer<MonitorEvent> sink = json ? e -> out.println(JsonLines.json(e))
          : e -> out.println(Timeline.line(e, ZoneId.systemDefault()));
      // Ctrl-C ends the watch: the subscription is closed before the JVM goes.
      CountDownLatch stop = new CountDownLatch(1);
      Thread onInterrupt = new Thread(stop::countDown);
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      try (Subscription subscription = monitor.start(e -> {
        sink.accept(e);
        out.flush();
      })) {
        if (durationSeconds == null) {
          stop.await();
        } else {
          stop.await(durationSeconds, TimeUnit.SECONDS);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already going: nothing to undo
        }
      }
      out.flush();
      return 0;
    } finally {
      if (api != null) {
        api.close();
      }
      if (client != null) {
        client.close();
      }
    }
  }
}
