package dev.autoscaling.workshop.monitor;

import dev.autoscaling.workshop.RabbitMqCredentials;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The workshop's {@code watch kubectl ...} commands as live, typed monitors: fabric8 informers for Kubernetes
 * (a watch, not a polling loop), the management API for RabbitMQ. Start one with a sink, {@link Timeline} for a
 * terminal or {@link JsonLines} for a file, and close the {@link Subscription} to stop.
 *
 * <pre>{@code
 * import static dev.autoscaling.workshop.monitor.Monitors.*;
 *
 * try (Timeline out = Timeline.toTerminal();
 *      Subscription watching = together(hpaEvents(client, "pets", "virtual-worker-rabbitmq-scaledobject"),
 *          karpenterEvents(client), nodes(client), pods(client, "pets")).start(out)) {
 *   ...
 * }
 * }</pre>
 */
public final class Monitors {

  private static final Clock CLOCK = Clock.systemUTC();

  private Monitors() {
  }

  /** The name of the HPA KEDA creates for a ScaledObject: {@code keda-hpa-<scaledobject>}. */
  public static String hpaName(String scaledObjectName) {
    return "keda-hpa-" + scaledObjectName;
  }

  /**
   * The Events of the HPA KEDA created for a ScaledObject: its rescales and its failures to read the metric.
   * {@code kubectl events -w -n pets --for hpa/keda-hpa-virtual-worker-rabbitmq-scaledobject}.
   */
  public static Monitor hpaEvents(KubernetesClient client, String namespace, String scaledObjectName) {
    Objects.requireNonNull(client, "client");
    String hpa = hpaName(Objects.requireNonNull(scaledObjectName, "scaledObjectName"));
    Objects.requireNonNull(namespace, "namespace");
    // The namespace's events, filtered here: a field selector on involvedObject.name would save a little traffic on
    // a real API server, but fabric8's mock server does not evaluate nested field selectors.
    return new InformerMonitor<Event>("hpa",
        handler -> client.v1().events().inNamespace(namespace).inform(handler, 0),
        event -> KubernetesEvents.isAbout(event, "HorizontalPodAutoscaler", hpa),
        KubernetesEvents::shown,
        (change, event) -> KubernetesEvents.describe("hpa", change, event, false, CLOCK));
  }

  /**
   * Karpenter's Events in every namespace (about NodePools, NodeClaims, nodes and the pods it places): those whose
   * {@code source.component} or {@code reportingComponent} is {@code karpenter}.
   */
  public static Monitor karpenterEvents(KubernetesClient client) {
    Objects.requireNonNull(client, "client");
    return new InformerMonitor<Event>("karpenter",
        handler -> client.v1().events().inAnyNamespace().inform(handler, 0),
        KubernetesEvents::isFromKarpenter,
        KubernetesEvents::shown,
        (change, event) -> KubernetesEvents.describe("karpenter", change, event, true, CLOCK));
  }

  /**
   * Nodes appearing and going away, with the NodePool that made them ({@code karpenter.sh/nodepool}, or AKS's
   * {@code kubernetes.azure.com/agentpool} for the system pool), architecture, OS image and readiness.
   * {@code watch kubectl get nodes -L karpenter.sh/nodepool -L kubernetes.io/arch}.
   */
  public static Monitor nodes(KubernetesClient client) {
    Objects.requireNonNull(client, "client");
    return new InformerMonitor<Node>("nodes",
        handler -> client.nodes().inform(handler, 0),
        node -> true,
        NodeChanges::shown,
        (change, node) -> NodeChanges.describe(change, node, CLOCK));
  }

  /** Which node each pod of a namespace runs on, its phase and readiness. {@code watch kubectl get pods -o wide}. */
  public static Monitor pods(KubernetesClient client, String namespace) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(namespace, "namespace");
    return new InformerMonitor<Pod>("pods",
        handler -> client.pods().inNamespace(namespace).inform(handler, 0),
        pod -> true,
        PodChanges::shown,
        (change, pod) -> PodChanges.describe(change, pod, CLOCK));
  }

  /** The replicas of each Deployment of a namespace, asked and ready. {@code watch kubectl get deployments}. */
  public static Monitor deployments(KubernetesClient client, String namespace) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(namespace, "namespace");
    return new InformerMonitor<Deployment>("deploy",
        handler -> client.apps().deployments().inNamespace(namespace).inform(handler, 0),
        deployment -> true,
        DeploymentChanges::shown,
        (change, deployment) -> DeploymentChanges.describe(change, deployment, CLOCK));
  }

  /**
   * A queue's depth, polled through the management API every {@code interval}.
   *
   * @param vhost the virtual host, {@code /} for the default one
   */
  public static QueueDepthMonitor queueDepth(RabbitMqManagementApi api, String vhost, String queue,
                                             Duration interval) {
    return QueueDepthMonitor.create(api, vhost, queue, interval, CLOCK);
  }

  /**
   * A queue's depth, polled every {@code interval} from the management API at {@code managementApi}
   * (e.g. {@code http://127.0.0.1:15672}, without credentials in it).
   */
  public static QueueDepthMonitor queueDepth(URI managementApi, RabbitMqCredentials credentials, String vhost,
                                             String queue, Duration interval) {
    return queueDepth(RabbitMqManagementApi.of(managementApi, credentials), vhost, queue, interval);
  }

  /**
   * The replicas a Deployment runs now, as the HPA counts them ({@code status.replicas}), read at each call: the
   * {@code currentReplicas} of {@link QueueDepthMonitor#previewing}.
   *
   * @throws IllegalStateException at a call, when the Deployment does not exist
   */
  public static IntSupplier currentReplicas(KubernetesClient client, String namespace, String deployment) {
    Objects.requireNonNull(client, "client");
    return () -> {
      Deployment found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
      if (found == null) {
        throw new IllegalStateException("deployment " + namespace + "/" + deployment + ": not found");
      }
      return DeploymentChanges.current(found);
    };
  }

  /** Several monitors into one sink; closing the subscription stops them all. */
  public static Monitor together(Monitor... monitors) {
    List<Monitor> all = List.of(monitors);
    return new Monitor() {
      @Override
      public String name() {
        return all.stream().map(Monitor::name).collect(Collectors.joining("+"));
      }

      @Override
      public Subscription start(Consumer<MonitorEvent> sink) {
        List<Subscription> started = new ArrayList<>();
        Subscription stopAll = () -> {
          for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
          }
        };
        try {
          for (Monitor monitor : all) {
            started.add(monitor.start(sink));
          }
        } catch (RuntimeException e) {
          stopAll.close();
          throw e;
        }
        return stopAll;
      }

      @Override
      public String toString() {
        return "Monitor[" + name() + "]";
      }
    };
  }
}
