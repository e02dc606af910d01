package dev.autoscaling.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a wait's timeout message words a condition: as {@code kubectl describe} users read it. */
class StatusConditionsTest {

  @Test
  void shouldDescribeAConditionWithItsReasonAndMessage() {
    Object scaledObject = yaml("""
        status:
          conditions:
          - {type: Active, status: 'False', reason: ScalerNotActive}
          - {type: Ready, status: 'False', reason: ScaledObjectCheckFailed, message: Target resource doesn't exist}
        """);

    assertThat(StatusConditions.describe(scaledObject, "Ready"))
        .isEqualTo("Ready=False (ScaledObjectCheckFailed: Target resource doesn't exist)");
    assertThat(StatusConditions.describe(scaledObject, "Active")).isEqualTo("Active=False (ScalerNotActive)");
    assertThat(StatusConditions.isTrue(scaledObject, "Ready")).isFalse();
  }

  @Test
  void shouldSayWhenTheConditionOrAnyStatusIsMissing() {
    assertThat(StatusConditions.describe(yaml("status: {conditions: [{type: Active, status: 'True'}]}"),
        "Ready")).isEqualTo("Ready not reported");
    assertThat(StatusConditions.describe(yaml("metadata: {name: x}"), "Ready"))
        .isEqualTo("no status conditions yet");
    assertThat(StatusConditions.describe(yaml("status: {conditions: [{type: Ready, status: 'True'}]}"),
        "Ready")).isEqualTo("Ready=True");
  }

  private static Object yaml(String text) {
    return Manifests.parseAll(text).get(0);
  }
}
