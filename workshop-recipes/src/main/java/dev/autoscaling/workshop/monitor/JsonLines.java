package dev.autoscaling.workshop.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One JSON object per line, for files and tools ({@code jq}):
 *
 * <pre>
 * {"time":"2026-11-28T12:01:03Z","source":"queue","kind":"SAMPLE","subject":"queue/orders",
 *  "message":"orders: 37 messages (ready 37) → KEDA heads for 4 replicas (now 1)",
 *  "fields":{"vhost":"/","queue":"orders","messages":37,...}}
 * </pre>
 *
 * (one line in the output). Times are UTC instants. Safe to share between monitors.
 */
public final class JsonLines implements Consumer<MonitorEvent> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;

  private JsonLines(PrintStream out) {
    this.out = out;
  }

  public static JsonLines to(PrintStream out) {
    return new JsonLines(Objects.requireNonNull(out, "out"));
  }

  /** The JSON object for one event, on one line. */
  public static String json(MonitorEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("time", event.time().toString());
    node.put("source", event.source());
    node.put("kind", event.kind().name());
    node.put("subject", event.subject());
    node.put("message", event.message());
    node.set("fields", JSON.valueToTree(event.fields()));
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void accept(MonitorEvent event) {
    out.println(json(event));
    out.flush();
  }
}
