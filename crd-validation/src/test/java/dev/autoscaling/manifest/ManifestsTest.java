package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestsTest {

  @Test
  void shouldKeepStringsThatLookLikeNumbersOrBooleansQuoted() {
    // Given
    ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("m").endMetadata()
        .addToData("value", "10").addToData("flag", "true").addToData("plain", "on-demand").build();

    // When
    String yaml = Manifests.toYaml(map);

    // Then
    assertThat(yaml).startsWith("---\n")
        .contains("value: \"10\"")
        .contains("flag: \"true\"")
        .contains("plain: on-demand");
    assertThat(Manifests.parse(yaml, ConfigMap.class)).isEqualTo(map);
  }

  @Test
  void shouldWriteAndReadMultipleDocumentsInOrder() {
    // Given
    List<ConfigMap> maps = List.of(
        new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().build(),
        new ConfigMapBuilder().withNewMetadata().withName("b").endMetadata().build());

    // When
    List<JsonNode> documents = Manifests.parseAll(Manifests.toYaml(maps) + "---\n");

    // Then
    assertThat(documents).extracting(d -> d.at("/metadata/name").asText()).containsExactly("a", "b");
  }

  @Test
  void shouldOmitUnsetFields() {
    ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().build();

    assertThat(Manifests.toJson(map)).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}");
  }

  @Test
  void shouldNameTheLineOfMalformedYaml() {
    assertThatThrownBy(() -> Manifests.parseAll("a: 1\nb: [\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid YAML or JSON")
        .hasMessageContaining("line");
  }

  @Test
  void shouldNotQuoteTheValueThatDidNotFit() {
    assertThatThrownBy(() -> Manifests.parse("metadata:\n  generation: s3cret-token\n", ConfigMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read ConfigMap: metadata.generation does not fit Long")
        .hasNoCause();
  }
}
