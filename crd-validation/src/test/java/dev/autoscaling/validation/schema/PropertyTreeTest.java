package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.ModelFidelity;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyTreeTest {

  private static final String SCHEMA = """
      type: object
      required: [spec]
      properties:
        spec:
          type: object
          required: [mode]
          anyOf:
          - required: [a]
          - required: [b]
          properties:
            mode:
              type: string
              enum: [Auto, Manual]
            replicas:
              x-kubernetes-int-or-string: true
              anyOf:
              - type: integer
              - type: string
            a: {type: integer, format: int32}
            b: {type: number}
            labels:
              type: object
              additionalProperties: {type: string}
            raw:
              type: object
              x-kubernetes-preserve-unknown-fields: true
      """;

  @Test
  void shouldFlattenTypesRequiredEnumsAndMaps() {
    // When
    PropertyTree tree = PropertyTree.of(Manifests.parseAll(SCHEMA).get(0));

    // Then
    assertThat(tree.properties()).containsOnlyKeys(
        "spec", "spec.mode", "spec.replicas", "spec.a", "spec.b", "spec.labels", "spec.labels.*", "spec.raw");
    assertThat(tree.properties().get("spec").required()).isTrue();
    assertThat(tree.properties().get("spec.mode"))
        .isEqualTo(new PropertyTree.Property("string", true, Set.of("Auto", "Manual"), false));
    assertThat(tree.properties().get("spec.replicas").type()).isEqualTo("int-or-string");
    // required only in one anyOf branch: not required as such
    assertThat(tree.properties().get("spec.a").required()).isFalse();
    assertThat(tree.properties().get("spec.b").type()).isEqualTo("number");
    assertThat(tree.properties().get("spec.raw").preserveUnknownFields()).isTrue();
  }

  @Test
  void shouldReportEveryDifferenceButIgnoreShapesBelowFreeFormFields() {
    // Given
    JsonNode expected = Manifests.parseAll(SCHEMA).get(0);
    JsonNode actual = Manifests.parseAll(SCHEMA
        .replace("a: {type: integer, format: int32}", "a: {type: string}")
        .replace("enum: [Auto, Manual]", "enum: [Auto]")
        .replace("b: {type: number}", "c: {type: number}")
        .replace("x-kubernetes-preserve-unknown-fields: true",
            "x-kubernetes-preserve-unknown-fields: true\n      properties: {x: {type: string}}")).get(0);
    expected = Manifests.parseAll(SCHEMA.replace("x-kubernetes-preserve-unknown-fields: true",
        "x-kubernetes-preserve-unknown-fields: true\n      properties: {y: {type: string}}")).get(0);

    // When
    var differences = PropertyTree.of(actual).differencesFrom(PropertyTree.of(expected));

    // Then
    assertThat(differences).containsExactly(
        "spec.a: expected integer, found string",
        "spec.b: missing (expected number)",
        "spec.c: not in the expected schema (found number)",
        "spec.mode: expected string, required, enum [Auto, Manual], found string, required, enum [Auto]");
  }

  @Test
  void shouldFindBothServedAksNodeClassVersionsStructurallyIdentical() {
    // The fact sheet says v1alpha2 and v1beta1 differ only in descriptions.
    var crd = PinnedFiles.crd("karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml");

    PropertyTree v1alpha2 = ModelFidelity.pinned(crd, "v1alpha2");
    PropertyTree v1beta1 = ModelFidelity.pinned(crd, "v1beta1");

    assertThat(v1beta1.properties()).hasSizeGreaterThan(50);
    assertThat(v1alpha2.differencesFrom(v1beta1)).isEmpty();
  }
}
