package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {

  private static final SchemaNode SCHEMA = SchemaNode.compile(Manifests.parseAll("""
      type: object
      properties:
        spec:
          type: object
          properties:
            disruption:
              type: object
              default: {consolidateAfter: 0s}
              properties:
                consolidateAfter: {type: string}
                budgets:
                  type: array
                  default: [{nodes: 10%}]
                  items: {type: object, properties: {nodes: {type: string, default: 10%}, reasons: {type: array}}}
            untouched:
              type: object
              properties: {a: {type: string}}
            ports:
              type: array
              items: {type: object, properties: {protocol: {type: string, default: TCP}, port: {type: integer}}}
      """).get(0));

  @Test
  void shouldApplyDefaultsInsideDefaultsWithoutTouchingTheInput() {
    // Given
    JsonNode input = Manifests.parseAll("spec: {untouched: {a: x}, ports: [{port: 80}, {port: 53, protocol: UDP}]}")
        .get(0);
    String before = input.toString();

    // When
    JsonNode result = Defaults.applied(input, SCHEMA);

    // Then
    assertThat(input.toString()).isEqualTo(before);
    assertThat(result.toString()).isEqualTo("{\"spec\":{\"untouched\":{\"a\":\"x\"},"
        + "\"ports\":[{\"port\":80,\"protocol\":\"TCP\"},{\"port\":53,\"protocol\":\"UDP\"}],"
        + "\"disruption\":{\"consolidateAfter\":\"0s\",\"budgets\":[{\"nodes\":\"10%\"}]}}}");
    // what needed no default is shared, not copied
    assertThat(result.at("/spec/untouched")).isSameAs(input.at("/spec/untouched"));
    assertThat(result.at("/spec/ports/1")).isSameAs(input.at("/spec/ports/1"));
  }

  @Test
  void shouldReturnTheSameInstanceWhenNothingIsMissing() {
    JsonNode input = Manifests.parseAll("spec: {disruption: {consolidateAfter: 1s, budgets: [{nodes: '1'}]}}").get(0);

    assertThat(Defaults.applied(input, SCHEMA)).isSameAs(input);
  }
}
