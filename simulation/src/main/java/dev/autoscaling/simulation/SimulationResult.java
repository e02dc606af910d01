package dev.autoscaling.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a run gave: the timeline of changes, the controllers' events, the summary and the assumptions made. */
public record SimulationResult(List<Sample> timeline, List<Event> events, Summary summary, List<String> assumptions) {

  public SimulationResult {
    timeline = List.copyOf(timeline);
    events = List.copyOf(events);
    assumptions = List.copyOf(assumptions);
  }

  /** The state at second {@code t}: the last sample recorded at or before it (the first if none is). */
  public Sample sampleAt(long t) {
    Sample last = timeline.get(0);
    for (Sample s : timeline) {
      if (s.t() > t) {
        break;
      }
      last = s;
    }
    return last;
  }

  /** The state at second {@code t}, recorded whenever one of its values changed. */
  public record Sample(long t, long queue, int desired, int ready, int pending, SortedMap<String, Integer> claims,
      int nodes, double usdPerHour) {
    public Sample {
      claims = new TreeMap<>(claims);
    }

    /** Everything but the time, to tell whether anything changed. */
    boolean sameAs(Sample o) {
      return o != null && queue == o.queue && desired == o.desired && ready == o.ready && pending == o.pending
          && claims.equals(o.claims) && nodes == o.nodes && Math.abs(usdPerHour - o.usdPerHour) < 1e-9;
    }

    public String toText() {
      return String.format(Locale.ROOT, "%8s  queue %5d  workers %3d desired %3d ready  pending %3d  nodes %2d"
          + "  %-40s $%.4f/h", clock(t), queue, desired, ready, pending, nodes, claims.isEmpty() ? "-"
          : claims.toString(), usdPerHour);
    }

    public String toJson() {
      StringBuilder c = new StringBuilder("{");
      claims.forEach((k, v) -> c.append(c.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return String.format(Locale.ROOT, "{\"type\":\"sample\",\"t\":%d,\"queue\":%d,\"desired\":%d,\"ready\":%d,"
          + "\"pending\":%d,\"nodeClaims\":%s},\"nodes\":%d,\"usdPerHour\":%.6f}", t, queue, desired, ready, pending,
          c, nodes, usdPerHour);
    }
  }

  /** What a controller did, as it would say it in a Kubernetes Event. */
  public record Event(long t, String source, String reason, String object, String message) {
    public String toText() {
      return String.format(Locale.ROOT, "%8s  %-10s %-22s %-40s %s", clock(t), source, reason, object, message);
    }

    public String toJson() {
      return "{\"type\":\"event\",\"t\":" + t + ",\"source\":" + json(source) + ",\"reason\":" + json(reason)
          + ",\"object\":" + json(object) + ",\"message\":" + json(message) + "}";
    }
  }

  /**
   * The run in figures: peak replicas of the scaled workload, peak NodeClaims per size, seconds from the last load
   * change until the queue was empty (null if it never was), node-hours and USD per size and in total (Karpenter's
   * nodes; the AKS system pool's separately).
   */
  public record Summary(long seconds, int peakReplicas, Map<String, Integer> peakNodes, Long drainSeconds,
      Map<String, Double> nodeHours, Map<String, Double> usd, double systemPoolUsd) {
    public Summary {
      peakNodes = new TreeMap<>(peakNodes);
      nodeHours = new TreeMap<>(nodeHours);
      usd = new TreeMap<>(usd);
    }

    public double totalUsd() {
      return usd.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public List<String> toText() {
      List<String> lines = new java.util.ArrayList<>();
      lines.add("simulated " + clock(seconds) + "; peak " + peakReplicas + " replicas; peak NodeClaims " + peakNodes);
      lines.add("queue drained " + (drainSeconds == null ? "never (still orders at the end)"
          : clock(drainSeconds) + " after the load's last change"));
      nodeHours.forEach((sku, h) -> lines.add(String.format(Locale.ROOT, "  %-22s %8.3f node-hours  $%.4f", sku, h,
          usd.get(sku))));
      lines.add(String.format(Locale.ROOT, "NAP nodes $%.4f; AKS system pool $%.4f; total $%.4f", totalUsd(),
          systemPoolUsd, totalUsd() + systemPoolUsd));
      return lines;
    }

    public String toJson() {
      StringBuilder s = new StringBuilder("{\"type\":\"summary\",\"seconds\":" + seconds + ",\"peakReplicas\":"
          + peakReplicas + ",\"drainSeconds\":" + drainSeconds + ",\"skus\":{");
      boolean first = true;
      for (String sku : nodeHours.keySet()) {
        s.append(first ? "" : ",").append(json(sku)).append(String.format(Locale.ROOT,
            ":{\"peakNodes\":%d,\"nodeHours\":%.6f,\"usd\":%.6f}", peakNodes.getOrDefault(sku, 0),
            nodeHours.get(sku), usd.get(sku)));
        first = false;
      }
      return s.append(String.format(Locale.ROOT, "},\"napUsd\":%.6f,\"systemPoolUsd\":%.6f}", totalUsd(),
          systemPoolUsd)).toString();
    }
  }

  static String clock(long t) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
  }

  static String json(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> {
          if (ch < 0x20) {
            s.append(String.format("\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
