package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerMetadataTest {

  /**
   * Numbers as KEDA's scalers parse them (Go's encoding/json): a JSON number for rabbitmq's value (so {@code 1e3},
   * but not {@code .5} or {@code 5.}), a JSON integer for its pageSize.
   */
  @ParameterizedTest(name = "value {0}, pageSize {0}")
  @CsvSource(delimiter = '|', value = {
      "10    | true  | true",
      "-1    | true  | true",
      "0     | true  | true",
      "0.5   | true  | false",
      "1e3   | true  | false",
      "2.5E-1| true  | false",
      ".5    | false | false",
      "5.    | false | false",
      "-.5   | false | false",
      "010   | false | false",
      "+5    | false | false",
      "-     | false | false",
      ".     | false | false",
      "-.    | false | false",
      "1.2.3 | false | false",
      "ten   | false | false",
      "0x1F  | false | false",
      "99999999999999999999 | true | false"})
  void shouldTellNumbersFromText(String text, boolean decimal, boolean whole) {
    Map<String, String> metadata = Map.of("queueName", "orders", "mode", "QueueLength", "value", text,
        "pageSize", text);

    // only the parse findings: KEDA's own range checks (pageSize 1 or more, a value above 0) are ScalerChecksTest's
    var problems = TriggerMetadata.check("rabbitmq", metadata, "m").stream()
        .filter(v -> v.message().startsWith("not a")).map(Violation::path).toList();

    assertThat(problems.contains("m[value]")).as("value " + text + " rejected").isEqualTo(!decimal);
    assertThat(problems.contains("m[pageSize]")).as("pageSize " + text + " rejected").isEqualTo(!whole);
  }
}
