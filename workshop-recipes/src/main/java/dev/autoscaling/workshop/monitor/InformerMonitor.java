package dev.autoscaling.workshop.monitor;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Kubernetes monitor on a fabric8 informer: one line when an object appears or goes away, and one when what the
 * monitor shows of it ({@code state}) changes; updates that change nothing shown (status heartbeats, resource
 * versions) are not reported.
 */
final class InformerMonitor<T extends HasMetadata> implements Monitor {

  /** Turns a change into the line to report, or null for none. */
  @FunctionalInterface
  interface Describer<T> {
    MonitorEvent describe(MonitorEvent.Kind change, T resource);
  }

  private final String name;
  private final Function<ResourceEventHandler<T>, SharedIndexInformer<T>> inform;
  private final Predicate<T> wanted;
  private final Function<T, Object> state;
  private final Describer<T> describer;

  InformerMonitor(String name, Function<ResourceEventHandler<T>, SharedIndexInformer<T>> inform, Predicate<T> wanted,
                  Function<T, Object> state, Describer<T> describer) {
    this.name = name;
    this.inform = inform;
    this.wanted = wanted;
    this.state = state;
    this.describer = describer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Subscription start(Consumer<MonitorEvent> sink) {
    Objects.requireNonNull(sink, "sink");
    Map<String, Object> shown = new ConcurrentHashMap<>();
    ResourceEventHandler<T> handler = new ResourceEventHandler<>() {
      @Override
      public void onAdd(T resource) {
        if (wanted.test(resource)) {
          shown.put(key(resource), state.apply(resource));
          send(MonitorEvent.Kind.ADDED, resource);
        }
      }

      @Override
      public void onUpdate(T before, T resource) {
        if (!wanted.test(resource)) {
          return;
        }
        Object now = state.apply(resource);
        if (!Objects.equals(shown.put(key(resource), now), now)) {
          send(MonitorEvent.Kind.MODIFIED, resource);
        }
      }

      @Override
      public void onDelete(T resource, boolean finalStateUnknown) {
        if (shown.remove(key(resource)) != null || wanted.test(resource)) {
          send(MonitorEvent.Kind.DELETED, resource);
        }
      }

      private void send(MonitorEvent.Kind change, T resource) {
        MonitorEvent event = describer.describe(change, resource);
        if (event != null) {
          sink.accept(event);
        }
      }
    };
    SharedIndexInformer<T> informer = inform.apply(handler);
    return informer::close;
  }

  private static String key(HasMetadata resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  @Override
  public String toString() {
    return "Monitor[" + name + "]";
  }
}
