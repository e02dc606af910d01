package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrdDefaultsTest {

  @Test
  void shouldRemoveEveryDefaultOfThePinnedNodePool() throws Exception {
    // Given
    JsonNode crd = Manifests.parseAll(Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")))
        .get(0);

    // When
    List<String> removed = CrdDefaults.strip(crd);

    // Then
    assertThat(removed).containsExactlyInAnyOrder(
        "v1:spec.disruption",
        "v1:spec.disruption.budgets",
        "v1:spec.disruption.budgets[*].nodes",
        "v1:spec.disruption.consolidationPolicy",
        "v1:spec.template.spec.expireAfter",
        "v1:status.nodes");
    assertThat(Manifests.toYaml(crd)).doesNotContain("default:");
  }

  @Test
  void shouldKeepAPropertyThatIsNamedDefault() {
    // Given
    JsonNode crd = Manifests.parseAll("""
        kind: CustomResourceDefinition
        spec:
          versions:
          - name: v1
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  default:
                    type: string
                    default: x
                  items:
                    type: array
                    items:
                      type: object
                      default: {}
        """).get(0);

    // When
    List<String> removed = CrdDefaults.strip(crd);

    // Then
    assertThat(removed).containsExactly("v1:default", "v1:items[*]");
    JsonNode properties = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties");
    assertThat(properties.has("default")).isTrue();
    assertThat(properties.path("default").has("default")).isFalse();
  }

  @Test
  void shouldRejectADocumentThatIsNotACrd() {
    JsonNode pod = Manifests.parseAll("kind: Pod\n").get(0);

    assertThatThrownBy(() -> CrdDefaults.strip(pod))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind: expected CustomResourceDefinition, found 'Pod'");
  }

  @Test
  void shouldWriteTheStrippedCopyAndLeaveThePinnedFileAlone(@org.junit.jupiter.api.io.TempDir Path target)
      throws Exception {
    // Given
    Path pinned = PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml");
    String before = Files.readString(pinned);

    // When
    int count = StripCrdDefaults.stripInto(pinned, target);

    // Then
    assertThat(count).isEqualTo(6);
    assertThat(Files.readString(pinned)).isEqualTo(before);
    String copy = Files.readString(target.resolve("karpenter.sh_nodepools.yaml"));
    assertThat(copy).doesNotContain("default:").contains("consolidationPolicy");
    assertThat(Manifests.parseAll(copy).get(0).at("/spec/names/kind").asText()).isEqualTo("NodePool");
  }

  @Test
  void shouldNameTheMissingFile(@org.junit.jupiter.api.io.TempDir Path target) {
    Path missing = target.resolve("nope.yaml");

    assertThatThrownBy(() -> StripCrdDefaults.stripInto(missing, target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.yaml: no such CRD file");
  }
}
