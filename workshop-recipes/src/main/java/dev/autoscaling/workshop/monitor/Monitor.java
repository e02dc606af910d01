package dev.autoscaling.workshop.monitor;

import java.util.function.Consumer;

/**
 * A live view of one thing the workshop watches, in place of a {@code watch kubectl ...} loop. Created by
 * {@link Monitors}; started any number of times, each start with its own watch.
 *
 * <pre>{@code
 * try (Timeline timeline = Timeline.toTerminal();
 *      Subscription nodes = Monitors.nodes(client).start(timeline)) {
 *   ...
 * }
 * }</pre>
 */
public interface Monitor {

  /** The short source name each of its events carries, e.g. {@code nodes}. */
  String name();

  /**
   * Starts watching and sends each change to {@code sink}, from a background thread. Kubernetes monitors first send
   * what exists now (as {@link MonitorEvent.Kind#ADDED} or {@link MonitorEvent.Kind#EVENT}), before this returns.
   * The sink may be called from several threads when one sink serves several monitors; {@link Timeline} and
   * {@link JsonLines} are safe for that.
   */
  Subscription start(Consumer<MonitorEvent> sink);
}
