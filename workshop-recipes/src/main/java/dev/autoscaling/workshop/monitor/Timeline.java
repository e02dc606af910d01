package dev.autoscaling.workshop.monitor;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A compact live timeline, one line per change, local time first:
 *
 * <pre>
 * 12:01:03 hpa       SuccessfulRescale  New size: 4; reason: external metric s0-rabbitmq-orders(...) above target
 * 12:01:04 pods      added   virtual-worker-7c9d-x2k → aks-arm-nodepool-x4k2p  Pending  ready 0/1
 * </pre>
 *
 * <p>On a terminal, while nothing happens, one self-erasing status line says for how long; written anywhere else
 * (a file, a pipe, CI logs) there is none. Safe to share between monitors.
 */
public final class Timeline implements Consumer<MonitorEvent>, AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final String CLEAR_LINE = "\r\033[K";
  private static final char[] SPINNER = {'|', '/', '-', '\\'};
  /** Idle time before the indicator shows: no flicker between lines that come in bursts. */
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final int SOURCE_WIDTH = 9;

  private final PrintStream out;
  private final ZoneId zone;
  private final boolean tty;
  private final Clock clock;
  private ScheduledExecutorService ticker;
  private Instant lastLine;
  private boolean indicatorShown;
  private int frame;

  Timeline(PrintStream out, ZoneId zone, boolean tty, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.zone = zone;
    this.tty = tty;
    this.clock = clock;
    this.lastLine = clock.instant();
  }

  /** Lines only, no progress indicator, times in this machine's zone. */
  public static Timeline to(PrintStream out) {
    return new Timeline(out, ZoneId.systemDefault(), false, Clock.systemUTC());
  }

  /** Standard output; with the progress indicator when standard output is a terminal. */
  public static Timeline toTerminal() {
    Timeline timeline = new Timeline(System.out, ZoneId.systemDefault(), System.console() != null,
        Clock.systemUTC());
    if (timeline.tty) {
      timeline.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline-progress");
        thread.setDaemon(true);
        return thread;
      });
      timeline.ticker.scheduleAtFixedRate(timeline::tick, 1, 1, TimeUnit.SECONDS);
    }
    return timeline;
  }

  /** The line for one event, without line break: {@code HH:mm:ss source message}. */
  public static String line(MonitorEvent event, ZoneId zone) {
    String source = event.source().length() >= SOURCE_WIDTH ? event.source()
        : event.source() + " ".repeat(SOURCE_WIDTH - event.source().length());
    return TIME.format(event.time().atZone(zone)) + " " + source + " "
        + event.message().replaceAll("\\s*\\R\\s*", " ");
  }

  @Override
  public synchronized void accept(MonitorEvent event) {
    clearIndicator();
    out.println(line(event, zone));
    out.flush();
    lastLine = clock.instant();
  }

  /** Redraws the progress indicator when on a terminal and nothing was printed for a moment. */
  synchronized void tick() {
    Duration idle = Duration.between(lastLine, clock.instant());
    if (!tty || idle.compareTo(QUIET) < 0) {
      return;
    }
    out.print(CLEAR_LINE + "waiting " + SPINNER[frame++ % SPINNER.length] + " nothing new for "
        + idle.toSeconds() + "s");
    out.flush();
    indicatorShown = true;
  }

  private void clearIndicator() {
    if (indicatorShown) {
      out.print(CLEAR_LINE);
      indicatorShown = false;
    }
  }

  /** Stops the indicator and erases it; the stream stays open. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearIndicator();
    out.flush();
  }
}
