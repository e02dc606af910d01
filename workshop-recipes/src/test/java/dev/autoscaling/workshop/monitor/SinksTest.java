package dev.autoscaling.workshop.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SinksTest {

  private static final Instant AT = Instant.parse("2026-11-28T12:01:03Z");

  private static MonitorEvent rescale() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", "SuccessfulRescale");
    fields.put("count", 2);
    fields.put("type", null);
    return new MonitorEvent(AT, "hpa", MonitorEvent.Kind.EVENT, "horizontalpodautoscaler/keda-hpa-x",
        "SuccessfulRescale  New size: 4; reason: external metric\n  above target", fields);
  }

  @Test
  void shouldPrintOneCompactLinePerEvent() {
    // Given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Timeline timeline = new Timeline(new PrintStream(out, true, StandardCharsets.UTF_8), ZoneOffset.UTC, false,
        Clock.fixed(AT, ZoneOffset.UTC));

    // When
    timeline.accept(rescale());

    // Then: time, source padded, the message on one line
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("12:01:03 hpa       SuccessfulRescale  New size: 4; reason: external metric above target"
            + System.lineSeparator());
    assertThat(Timeline.line(rescale(), ZoneId.of("Europe/Paris"))).startsWith("13:01:03 hpa ");
  }

  @Test
  void shouldShowAProgressIndicatorOnlyOnATerminalAndEraseItBeforeTheNextLine() {
    // Given two timelines, one on a terminal, and a clock that moves on
    MutableClock clock = new MutableClock(AT);
    ByteArrayOutputStream tty = new ByteArrayOutputStream();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    Timeline onTerminal = new Timeline(new PrintStream(tty, true, StandardCharsets.UTF_8), ZoneOffset.UTC, true,
        clock);
    Timeline toFile = new Timeline(new PrintStream(file, true, StandardCharsets.UTF_8), ZoneOffset.UTC, false, clock);

    // When nothing happens for 1 s, then 5 s, then a line comes
    clock.now = AT.plusSeconds(1);
    onTerminal.tick();
    toFile.tick();
    String afterOneSecond = tty.toString(StandardCharsets.UTF_8);
    clock.now = AT.plusSeconds(5);
    onTerminal.tick();
    toFile.tick();
    onTerminal.accept(rescale());
    toFile.accept(rescale());

    // Then
    assertThat(afterOneSecond).isEmpty();
    assertThat(tty.toString(StandardCharsets.UTF_8)).isEqualTo("\r\033[Kwaiting | nothing new for 5s"
        + "\r\033[K12:01:03 hpa       SuccessfulRescale  New size: 4; reason: external metric above target"
        + System.lineSeparator());
    assertThat(file.toString(StandardCharsets.UTF_8)).doesNotContain("waiting").doesNotContain("\033");
  }

  @Test
  void shouldWriteOneJsonObjectPerLineWithTypedFields() throws Exception {
    // Given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLines json = JsonLines.to(new PrintStream(out, true, StandardCharsets.UTF_8));

    // When
    json.accept(rescale());
    json.accept(rescale());

    // Then
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("time").asText()).isEqualTo("2026-11-28T12:01:03Z");
    assertThat(first.get("source").asText()).isEqualTo("hpa");
    assertThat(first.get("kind").asText()).isEqualTo("EVENT");
    assertThat(first.get("subject").asText()).isEqualTo("horizontalpodautoscaler/keda-hpa-x");
    assertThat(first.get("message").asText()).contains("\n  above target");
    assertThat(first.get("fields").get("count").isInt()).isTrue();
    assertThat(first.get("fields").has("type")).as("null fields are left out").isFalse();
  }

  /** A clock a test moves by hand. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
