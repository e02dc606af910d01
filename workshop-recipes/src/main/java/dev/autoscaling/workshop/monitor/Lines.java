package dev.autoscaling.workshop.monitor;

/** Wording shared by the monitors' lines. */
final class Lines {

  private Lines() {
  }

  /** {@code added}, {@code changed} or {@code deleted}, padded so that names line up. */
  static String verb(MonitorEvent.Kind change) {
    return switch (change) {
      case ADDED -> "added   ";
      case MODIFIED -> "changed ";
      case DELETED -> "deleted ";
      default -> "";
    };
  }
}
