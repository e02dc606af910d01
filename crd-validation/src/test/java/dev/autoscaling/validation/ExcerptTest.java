package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.Mutations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTest {

  @Test
  void shouldKeepShortValuesWhole() {
    JsonNode value = Manifests.parseAll("{a: [1, 'two', true, null, {b: 2.5}]}").get(0);

    assertThat(Excerpt.of("worker")).isEqualTo("worker");
    assertThat(Excerpt.of(value)).isEqualTo(value.toString());
  }

  @Test
  void shouldCutLongValuesAndSayHowLongTheyWere() {
    String cut = Excerpt.of("x".repeat(2_500_000));

    assertThat(cut).isEqualTo("x".repeat(Excerpt.MAX_CHARS) + "... (2500000 characters)");
  }

  @Test
  void shouldCutLargeAndDeepJsonWithoutRecursingThroughIt() {
    assertThat(Excerpt.of(Mutations.nested(50_000, false))).startsWith("{\"a\":{\"a\":").hasSizeLessThan(1_100);
    assertThat(Excerpt.of(Mutations.nested(50_000, true))).startsWith("[[[[").hasSizeLessThan(1_100);
    assertThat(Excerpt.of(Manifests.parseAll("[" + "1, ".repeat(100_000) + "1]").get(0))).hasSizeLessThan(1_100);
  }
}
