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
  void shouldReadATopLevelJsonArrayAsOneDocumentAsKubectlDoes() {
    // kubectl hands "[...]" to the API server's decoding as one value, which it refuses as not an object
    List<JsonNode> documents = Manifests.parseAll("[{\"kind\": \"ConfigMap\"}, {\"kind\": \"Secret\"}]");

    assertThat(documents).singleElement().satisfies(d -> assertThat(d.size()).isEqualTo(2));
  }

  @Test
  void shouldRefuseAFieldSetTwiceNamingItsDocumentAndLine() {
    assertThatThrownBy(() -> Manifests.parseAll("a: 1\n---\nb: 1\nb: 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("strict decoding error: duplicate field \"b\" (set again on line 4; kubectl would silently keep"
            + " only this last value) (document 2, line 4)");
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

  /** The tree is built straight from the serializers; it must be exactly the tree Jackson's own route gives. */
  @Test
  void shouldBuildTheSameTreeAsJacksonsValueToTree() {
    // Given: every kind of value the serializers write, and a Kubernetes object with quantities and int-or-string
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("int", 7);
    values.put("long", 1L << 40);
    values.put("double", 0.25);
    values.put("float", 1.5f);
    values.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    values.put("decimal", new java.math.BigDecimal("1.10"));
    values.put("bool", true);
    values.put("null", null);
    values.put("text", "naïve \"quoted\"");
    values.put("bytes", new byte[] {1, 2, 3});
    values.put("list", List.of(1, List.of("a", java.util.Map.of("k", false)), java.util.Map.of()));
    values.put("pod", new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("p")
        .addToLabels("app", "x").endMetadata().withNewSpec().addNewContainer().withName("c")
        .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("250m")).endResources()
        .addNewPort().withContainerPort(80).endPort()
        .withNewReadinessProbe().withNewHttpGet().withPort(new io.fabric8.kubernetes.api.model.IntOrString("http"))
        .endHttpGet().endReadinessProbe().endContainer().endSpec().build());
    com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    new io.fabric8.kubernetes.client.utils.KubernetesSerialization(jackson, true);

    // When
    JsonNode tree = Manifests.toTree(values);

    // Then
    assertThat(tree).isEqualTo(jackson.valueToTree(values));
    assertThat(Manifests.toJson(tree)).isEqualTo(Manifests.toJson(values));
    assertThat(Manifests.toTree(null).isNull()).isTrue();
  }
}
