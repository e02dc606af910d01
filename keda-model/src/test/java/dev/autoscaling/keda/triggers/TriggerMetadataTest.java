package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerMetadataTest {

  /** Numbers as KEDA's scalers parse them: a decimal for rabbitmq's value, a whole number for its pageSize. */
  @ParameterizedTest(name = "value {0}, pageSize {0}")
  @CsvSource(delimiter = '|', value = {
      "10    | true  | true",
      "-1    | true  | true",
      "0.5   | true  | false",
      ".5    | true  | false",
      "5.    | true  | false",
      "-.5   | true  | false",
      "-     | false | false",
      ".     | false | false",
      "-.    | false | false",
      "1e3   | false | false",
      "1.2.3 | false | false",
      "ten   | false | false",
      "0x1F  | false | false"})
  void shouldTellNumbersFromText(String text, boolean decimal, boolean whole) {
    Map<String, String> metadata = Map.of("queueName", "orders", "mode", "QueueLength", "value", text,
        "pageSize", text);

    var problems = TriggerMetadata.check("rabbitmq", metadata, "m").stream().map(Violation::path).toList();

    assertThat(problems.contains("m[value]")).as("value " + text + " rejected").isEqualTo(!decimal);
    assertThat(problems.contains("m[pageSize]")).as("pageSize " + text + " rejected").isEqualTo(!whole);
  }
}
