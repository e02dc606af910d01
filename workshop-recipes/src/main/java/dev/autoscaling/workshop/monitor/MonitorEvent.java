package dev.autoscaling.workshop.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a monitor saw: a Kubernetes object added, changed or deleted, a Kubernetes Event, or a sample of a
 * RabbitMQ queue. {@code message} is the human line without time and source (what {@link Timeline} prints);
 * {@code fields} holds the same facts typed (numbers as numbers), in a stable order, for {@link JsonLines}.
 *
 * @param time    when it happened: the Event's own time for Kubernetes Events, otherwise when it was observed
 * @param source  the monitor that saw it: {@code hpa}, {@code karpenter}, {@code nodes}, {@code pods},
 *                {@code deploy} or {@code queue}
 * @param kind    what kind of change
 * @param subject what it is about, e.g. {@code node/aks-arm-nodepool-x4k2p} or {@code queue/orders}
 * @param message the human-readable summary
 * @param fields  typed facts; never null values, never a secret
 */
public record MonitorEvent(Instant time, String source, Kind kind, String subject, String message,
                           Map<String, Object> fields) {

  /** What a monitor saw happen. */
  public enum Kind {
    /** A watched object appeared (including those present when the monitor started). */
    ADDED,
    /** A watched object changed in a way the monitor reports. */
    MODIFIED,
    /** A watched object went away. */
    DELETED,
    /** A Kubernetes Event was recorded, or recorded again. */
    EVENT,
    /** A polled value, e.g. a queue's depth. */
    SAMPLE,
    /** The monitor could not read what it watches; it keeps trying. */
    ERROR
  }

  public MonitorEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Map<String, Object> copy = new LinkedHashMap<>();
    if (fields != null) {
      fields.forEach((key, value) -> {
        if (value != null) {
          copy.put(key, value);
        }
      });
    }
    fields = Collections.unmodifiableMap(copy);
  }
}
