package dev.autoscaling.validation;

import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour on realistic objects, against the pinned Azure Karpenter and KEDA CRDs. */
class WorkshopObjectsTest {

  static CrdValidator azure;
  static CrdValidator keda;

  static final String NODEPOOL = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata:
        name: arm-nodepool
      spec:
        weight: 10
        disruption:
          consolidationPolicy: WhenEmptyOrUnderutilized
          consolidateAfter: 1s
        template:
          spec:
            nodeClassRef:
              group: karpenter.azure.com
              kind: AKSNodeClass
              name: default
            requirements:
            - key: kubernetes.io/arch
              operator: In
              values: [arm64]
            - key: kubernetes.io/os
              operator: In
              values: [linux]
            - key: karpenter.sh/capacity-type
              operator: In
              values: [on-demand]
            - key: karpenter.azure.com/sku-family
              operator: In
              values: [D]
      """;

  @BeforeAll
  static void load() throws Exception {
    azure = CrdValidator.fromYaml(
        Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")),
        Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml")));
    keda = CrdValidator.fromYaml(Files.readString(PinnedFiles.crd("keda/keda.sh_scaledobjects.yaml")));
  }

  @Test
  void shouldAcceptTheWorkshopNodePool() {
    assertThat(azure.validate(NODEPOOL).violations()).isEmpty();
  }

  @Test
  void shouldReportEveryViolationAtOnceWithItsPath() {
    // Given four mistakes
    String bad = NODEPOOL
        .replace("weight: 10", "weight: 1000")
        .replace("consolidateAfter: 1s", "consolidateAfter: soon")
        .replace("values: [arm64]", "values: []")
        .replace("key: kubernetes.io/os", "key: karpenter.sh/os");

    // When
    ValidationReport report = azure.validate(bad);

    // Then
    assertThat(report.errors()).extracting(Violation::path, Violation::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple("spec.weight", "maximum"),
            org.assertj.core.groups.Tuple.tuple("spec.disruption.consolidateAfter", "pattern"))
        .extracting(t -> t.toList().get(0))
        .contains("spec.template.spec.requirements", "spec.template.spec.requirements[1].key");
    assertThat(report.errors()).anySatisfy(v -> assertThat(v.message())
        .isEqualTo("requirements with operator 'In' must have a value defined"));
    assertThat(report.errors()).anySatisfy(v -> assertThat(v.message())
        .isEqualTo("label domain \"karpenter.sh\" is restricted"));
  }

  @Test
  void shouldRejectAnUnknownFieldAsKubectlApplyDoesAndSuggestTheRightOne() {
    String scaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker}
        spec:
          scaleTargetRef: {name: worker}
          minReplicas: 1
          triggers:
          - type: rabbitmq
            metadata: {queueName: orders}
        """;

    // kubectl apply's default, strict field validation
    assertThat(keda.validate(scaledObject).violations()).singleElement().satisfies(e -> {
      assertThat(e.isError()).isTrue();
      assertThat(e.path()).isEqualTo("spec.minReplicas");
      assertThat(e.message()).isEqualTo(
          "strict decoding error: unknown field \"spec.minReplicas\"; did you mean spec.minReplicaCount?");
    });
    // --validate=warn: the API server drops the field and says so
    ValidationReport warned = keda.withFieldValidation(FieldValidation.WARN).validate(scaledObject);
    assertThat(warned.isValid()).isTrue();
    assertThat(warned.warnings()).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("spec.minReplicas");
      assertThat(w.message()).isEqualTo(
          "unknown field \"spec.minReplicas\", dropped by the API server; did you mean spec.minReplicaCount?");
    });
    // --validate=ignore: not a word
    assertThat(keda.withFieldValidation(FieldValidation.IGNORE).validate(scaledObject).violations()).isEmpty();
  }

  @Test
  void shouldApplyStructuralDefaultsBeforeCel() {
    // AK1 needs imageFamily when fipsMode is FIPS; imageFamily defaults to Ubuntu, so this is accepted.
    ValidationReport report = azure.validate("""
        apiVersion: karpenter.azure.com/v1beta1
        kind: AKSNodeClass
        metadata: {name: fips}
        spec:
          fipsMode: FIPS
        """);

    assertThat(report.violations()).isEmpty();
  }

  @Test
  void shouldRejectReadingAnAbsentFieldAsAnEvaluationError() {
    ValidationReport report = azure.validate(NODEPOOL.replace("  values: [arm64]\n", "\n"));

    assertThat(report.errors()).anySatisfy(v -> {
      assertThat(v.path()).isEqualTo("spec.template.spec.requirements");
      assertThat(v.message()).startsWith("rule could not be evaluated").contains("values");
    });
  }

  @Test
  void shouldCheckTransitionRulesOnlyOnUpdate() {
    String otherGroup = NODEPOOL.replace("group: karpenter.azure.com", "group: karpenter.example.com");

    assertThat(azure.validate(otherGroup).violations()).isEmpty();
    assertThat(azure.validateUpdate(otherGroup, NODEPOOL).errors()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.template.spec.nodeClassRef");
      assertThat(v.message()).isEqualTo("nodeClassRef.group is immutable");
    });
  }
}
