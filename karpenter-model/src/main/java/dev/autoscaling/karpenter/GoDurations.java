package dev.autoscaling.karpenter;

import java.time.Duration;

/** {@link Duration} to the Go duration strings Karpenter's fields take ({@code 1s}, {@code 1h30m}). */
final class GoDurations {

  private GoDurations() {
  }

  /** Hours, minutes and seconds ({@code 720h}, {@code 1m30s}); sub-second parts are rejected, not rounded. */
  static String of(String field, Duration duration) {
    if (duration.isNegative() || duration.getNano() != 0) {
      throw new IllegalArgumentException(field + ": " + duration
          + " cannot be written: Karpenter takes a non-negative duration in whole seconds (e.g. Duration.ofSeconds(30))");
    }
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (rest > 0) {
      text.append(rest).append('s');
    }
    return text.toString();
  }

  /** Hours and minutes only, as budget durations are ({@code 8h}, {@code 1h30m}). */
  static String ofMinutes(String field, Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.toSecondsPart() != 0 || duration.getNano() != 0) {
      throw new IllegalArgumentException(field + ": " + duration
          + " cannot be written: a budget lasts whole minutes (cron has no seconds), e.g. Duration.ofHours(8)");
    }
    long minutes = duration.toMinutes();
    return (minutes >= 60 ? (minutes / 60) + "h" : "") + (minutes % 60 > 0 ? (minutes % 60) + "m" : "");
  }
}
