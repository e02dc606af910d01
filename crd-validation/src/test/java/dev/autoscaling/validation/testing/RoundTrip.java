package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses a manifest into its model class and checks it serialises back to the same JSON tree. */
public final class RoundTrip {

  private RoundTrip() {
  }

  /** @return the parsed object, for further assertions */
  public static <T> T assertRoundTrip(String resource, Class<T> type) {
    // Given
    JsonNode written = JsonTrees.resourceDocument(resource);

    // When
    T parsed = Manifests.convert(written, type);

    // Then
    assertThat(parsed).isInstanceOf(type);
    assertThat(JsonTrees.treeOf(parsed))
        .as("%s read as %s and written back", resource, type.getSimpleName())
        .isEqualTo(written);
    return parsed;
  }
}
