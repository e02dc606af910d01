package dev.autoscaling.validation;

import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever comes in, the answer is a clear violation naming the document and place: no stack trace, no hang. */
@Timeout(20)
class BadInputTest {

  static CrdValidator validator;

  @BeforeAll
  static void load() throws Exception {
    validator = CrdValidator.fromYaml(Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")));
  }

  private static Violation only(List<DocumentResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0).report().errors()).hasSize(1);
    return results.get(0).report().errors().get(0);
  }

  @Test
  void shouldNameTheLineOfMalformedYaml() {
    Violation v = only(validator.validateDocuments("apiVersion: karpenter.sh/v1\nkind: NodePool\nspec: [\n"));

    assertThat(v.rule()).isEqualTo("syntax");
    assertThat(v.message()).startsWith("not valid YAML or JSON").contains("line");
  }

  @Test
  void shouldAskForApiVersionAndKind() {
    List<DocumentResult> results = validator.validateDocuments("metadata: {name: x}\n");

    assertThat(results.get(0).checked()).isFalse();
    assertThat(results.get(0).report().errors()).extracting(Violation::path).containsExactly("apiVersion", "kind");
  }

  @Test
  void shouldSayWhichCrdsAreLoadedForAnUnknownKind() {
    Violation v = only(validator.validateDocuments("apiVersion: karpenter.sh/v2\nkind: NodePool\n"));

    assertThat(v.message()).isEqualTo("no CRD loaded for karpenter.sh/v2 NodePool; loaded: karpenter.sh/v1 NodePool");
  }

  @Test
  void shouldRejectAScalarWhereAnObjectBelongs() {
    List<DocumentResult> results = validator.validateDocuments(
        "---\napiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: a}\nspec: 42\n---\njust text\n");

    assertThat(results).hasSize(2);
    // a wrong type is one of the errors after which the API server runs no CEL rule, and says so
    assertThat(results.get(0).report().errors()).extracting(Violation::path, Violation::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec", "must be an object, not an integer"),
        org.assertj.core.groups.Tuple.tuple("", "some validation rules were not checked because the object was"
            + " invalid; correct the existing errors to complete validation"));
    assertThat(results.get(1).index()).isEqualTo(1);
    assertThat(results.get(1).report().errors()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("a Kubernetes object must be a mapping, not string"));
  }

  @Test
  void shouldAnswerAFiveMegabyteDocumentClearly() {
    // Given a NodePool with 5 MB of annotation text (the API server's request limit is 3 MiB)
    String big = "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: big\n  annotations:\n    a: \""
        + "x".repeat(5 * 1024 * 1024) + "\"\nspec: {}\n";

    // When
    List<DocumentResult> results = validator.validateDocuments(big);

    // Then
    Violation v = only(results);
    assertThat(v.rule()).isEqualTo("syntax");
    assertThat(v.message()).contains("exceeds").contains("3 MiB");
  }

  @Test
  void shouldAnswerDeeplyNestedInputClearly() {
    String deep = "apiVersion: karpenter.sh/v1\nkind: NodePool\nspec:\n  template:\n    metadata:\n      annotations: "
        + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

    Violation v = only(validator.validateDocuments(deep));

    assertThat(v.rule()).isEqualTo("syntax");
    assertThat(v.message()).contains("nest");
  }
}
