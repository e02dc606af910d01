package dev.autoscaling.workshop.monitor;

/** A running monitor. Closing it stops the watch or the polling; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Stops the monitor; no exception, nothing more is sent to the sink once this returns. */
  @Override
  void close();
}
