package dev.autoscaling.workshop.monitor;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pods as monitor lines: where each one runs, its phase, how many of its containers are ready. */
final class PodChanges {

  static final String UNSCHEDULED = "(not scheduled)";

  private PodChanges() {
  }

  static Object shown(Pod pod) {
    return List.of(node(pod), phase(pod), readyContainers(pod), containers(pod));
  }

  static MonitorEvent describe(MonitorEvent.Kind change, Pod pod, Clock clock) {
    String name = pod.getMetadata().getName();
    String node = node(pod);
    String message = change == MonitorEvent.Kind.DELETED
        ? Lines.verb(change) + name + "  (was on " + node + ")"
        : Lines.verb(change) + name + " → " + node + "  " + phase(pod) + "  ready " + readyContainers(pod) + "/"
            + containers(pod);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pod", name);
    fields.put("namespace", pod.getMetadata().getNamespace());
    fields.put("node", pod.getSpec() == null ? null : pod.getSpec().getNodeName());
    fields.put("phase", phase(pod));
    fields.put("readyContainers", readyContainers(pod));
    fields.put("containers", containers(pod));
    return new MonitorEvent(clock.instant(), "pods", change, "pod/" + name, message, fields);
  }

  static String node(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return node == null || node.isEmpty() ? UNSCHEDULED : node;
  }

  /** The phase, or {@code Terminating} once deletion began (as {@code kubectl get pods} shows it). */
  static String phase(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return "Terminating";
    }
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
  }

  private static int readyContainers(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return (int) pod.getStatus().getContainerStatuses().stream().filter(s -> Boolean.TRUE.equals(s.getReady()))
        .count();
  }

  private static int containers(Pod pod) {
    List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    int declared = pod.getSpec() == null || pod.getSpec().getContainers() == null ? 0
        : pod.getSpec().getContainers().size();
    return Math.max(declared, statuses == null ? 0 : statuses.size());
  }
}
