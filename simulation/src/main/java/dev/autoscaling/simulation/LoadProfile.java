package dev.autoscaling.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load over time: either producer replicas ({@code virtual-customer}, as {@code kubectl scale} sets them) or
 * messages per second into the queue. Written as points {@code TIME=VALUE}, comma separated: a value holds from its
 * time until the next point; {@code TIME~VALUE} ramps linearly from the previous point to this one. A value ending
 * in {@code /s} is messages per second, otherwise producer replicas; one profile uses one kind. Times are Go-style
 * durations ({@code 90s}, {@code 10m}, {@code 1h30m}).
 *
 * <pre>{@code
 * LoadProfile.parse("0s=4,30m=1")           // the workshop: 4 virtual customers for 30 minutes, then 1
 * LoadProfile.parse("0s=0/s,10m~2/s,1h=0/s") // ramp to 2 messages/s over 10 minutes, hold, stop at 1 h
 * }</pre>
 */
public final class LoadProfile {

  private record Point(long at, double value, boolean ramp) {
  }

  private final List<Point> points;
  private final boolean rate;
  private final String spec;

  private LoadProfile(List<Point> points, boolean rate, String spec) {
    this.points = List.copyOf(points);
    this.rate = rate;
    this.spec = spec;
  }

  /** @throws IllegalArgumentException naming the point that cannot be read */
  public static LoadProfile parse(String spec) {
    List<Point> points = new ArrayList<>();
    Boolean rate = null;
    long last = -1;
    for (String part : spec.split(",")) {
      String p = part.trim();
      boolean ramp = p.contains("~");
      String[] kv = p.split(ramp ? "~" : "=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("load point '" + p + "': write TIME=VALUE or TIME~VALUE (e.g. 10m=4)");
      }
      long at = seconds(kv[0].trim(), p);
      boolean isRate = kv[1].trim().endsWith("/s");
      if (rate != null && rate != isRate) {
        throw new IllegalArgumentException("load point '" + p + "': a profile is either producer replicas or"
            + " messages per second (/s), not both");
      }
      rate = isRate;
      double value;
      try {
        value = Double.parseDouble(isRate ? kv[1].trim().replace("/s", "") : kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("load point '" + p + "': the value must be a number");
      }
      if (value < 0 || at < last) {
        throw new IllegalArgumentException("load point '" + p + "': values are 0 or more and times increase");
      }
      last = at;
      points.add(new Point(at, value, ramp));
    }
    return new LoadProfile(points, Boolean.TRUE.equals(rate), spec);
  }

  /** Whether the values are messages per second (else producer replicas). */
  public boolean messagesPerSecond() {
    return rate;
  }

  /** The value at second {@code t}. */
  public double at(long t) {
    double value = 0;
    Point previous = null;
    for (Point p : points) {
      if (p.at() > t) {
        if (p.ramp() && previous != null) {
          return previous.value() + (p.value() - previous.value()) * (t - previous.at()) / (p.at() - previous.at());
        }
        return value;
      }
      value = p.value();
      previous = p;
    }
    return value;
  }

  /** When the load last changes: the time to drain counts from there. */
  public long lastChange() {
    return points.get(points.size() - 1).at();
  }

  static long seconds(String text, String where) {
    var m = java.util.regex.Pattern.compile("(\\d+)(h|m|s)").matcher(text);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      long n = Long.parseLong(m.group(1));
      total += "h".equals(m.group(2)) ? n * 3600 : "m".equals(m.group(2)) ? n * 60 : n;
      end = m.end();
    }
    if (end != text.length() || text.isEmpty()) {
      throw new IllegalArgumentException("'" + where + "': time '" + text + "' is not a duration like 90s, 10m, 1h30m");
    }
    return total;
  }

  /** A duration in the same notation, for {@code --duration}. */
  public static Duration duration(String text) {
    return Duration.ofSeconds(seconds(text, text));
  }

  @Override
  public String toString() {
    return spec;
  }
}
