package dev.autoscaling.workshop.monitor;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kubernetes Events (core/v1, the form {@code kubectl events} reads) as monitor lines. */
final class KubernetesEvents {

  static final String KARPENTER = "karpenter";

  private KubernetesEvents() {
  }

  /** The Event's own component: {@code source.component} (core/v1) or {@code reportingComponent} (events.k8s.io). */
  static boolean isFromKarpenter(Event event) {
    String component = event.getSource() == null ? null : event.getSource().getComponent();
    return KARPENTER.equalsIgnoreCase(component) || KARPENTER.equalsIgnoreCase(event.getReportingComponent());
  }

  static boolean isAbout(Event event, String kind, String name) {
    ObjectReference about = event.getInvolvedObject();
    return about != null && kind.equals(about.getKind()) && name.equals(about.getName());
  }

  /** What {@code kubectl events} shows changing when an Event repeats: its count and its last time. */
  static Object shown(Event event) {
    return List.of(String.valueOf(event.getCount()), String.valueOf(event.getLastTimestamp()),
        String.valueOf(event.getSeries() == null ? null : event.getSeries().getCount()));
  }

  /**
   * @param withSubject whether the line names the object (Karpenter's events are about many objects; the HPA
   *                    monitor's are all about one)
   */
  static MonitorEvent describe(String source, MonitorEvent.Kind change, Event event, boolean withSubject,
                               Clock clock) {
    if (change == MonitorEvent.Kind.DELETED) {
      return null; // Events expire after an hour: that is not news
    }
    ObjectReference about = event.getInvolvedObject();
    String subject = about == null ? "event/" + event.getMetadata().getName()
        : about.getKind().toLowerCase(Locale.ROOT) + "/" + about.getName();
    String reason = event.getReason() == null ? "(no reason)" : event.getReason();
    String note = event.getMessage() == null ? "" : event.getMessage().strip();
    boolean warning = "Warning".equals(event.getType());
    StringBuilder message = new StringBuilder();
    if (warning) {
      message.append("Warning ");
    }
    message.append(reason);
    if (withSubject) {
      message.append("  ").append(subject);
    }
    if (!note.isEmpty()) {
      message.append("  ").append(note);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", event.getReason());
    fields.put("type", event.getType());
    fields.put("note", event.getMessage());
    fields.put("count", event.getCount());
    if (about != null) {
      fields.put("involvedKind", about.getKind());
      fields.put("involvedName", about.getName());
      fields.put("involvedNamespace", about.getNamespace());
    }
    fields.put("namespace", event.getMetadata().getNamespace());
    fields.put("sourceComponent", event.getSource() == null ? null : event.getSource().getComponent());
    fields.put("reportingComponent", event.getReportingComponent());
    return new MonitorEvent(when(event, clock), source, MonitorEvent.Kind.EVENT, subject, message.toString(), fields);
  }

  private static Instant when(Event event, Clock clock) {
    String[] candidates = {
        event.getLastTimestamp(),
        event.getEventTime() == null ? null : event.getEventTime().getTime(),
        event.getFirstTimestamp(),
        event.getMetadata().getCreationTimestamp()};
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        try {
          return Instant.parse(candidate);
        } catch (DateTimeParseException e) {
          // MicroTime with a zone offset or an odd format: try the next one
        }
      }
    }
    return clock.instant();
  }
}
