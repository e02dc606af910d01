package dev.autoscaling.validation.cost;

import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule costs estimated as the API server estimates them when a CRD is created. */
class RuleCostsTest {

  private static RuleCost costOf(CrdValidator validator, String version, String path, String rulePrefix) {
    return validator.ruleCosts().get(version).stream()
        .filter(c -> c.schemaPath().equals(path) && c.rule().startsWith(rulePrefix))
        .findFirst().orElseThrow();
  }

  @Test
  void shouldEstimateAMapKeyRuleAsTheApiServerDoes() throws Exception {
    CrdValidator aks = CrdValidator.fromYaml(
        Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml")));

    // 393,215 possible entries (3 MiB / 8 bytes), each costing 7: a map key is sized 0, so matches() costs 2
    RuleCost tags = costOf(aks, "karpenter.azure.com/AKSNodeClass v1beta1", "spec.tags", "self.all(k, !k.matches(");

    assertThat(tags.total()).isEqualTo(2_752_507L);
    assertThat(tags.exceedsLimit()).isFalse();
  }

  @Test
  void shouldMultiplyTheBodyByTheListLimit() throws Exception {
    CrdValidator pools = CrdValidator.fromYaml(
        Files.readString(PinnedFiles.crd("karpenter-azure/karpenter.sh_nodepools.yaml")));

    RuleCost in = costOf(pools, "karpenter.sh/NodePool v1", "spec.template.spec.requirements",
        "self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)");

    assertThat(in.cost()).isEqualTo(1_002L);
    assertThat(in.cardinality()).isEqualTo(1L);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "karpenter-azure/karpenter.sh_nodepools.yaml", "karpenter-azure/karpenter.sh_nodeclaims.yaml",
      "karpenter-azure/karpenter.sh_nodeoverlays.yaml", "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml",
      "karpenter-aws/karpenter.sh_nodepools.yaml", "karpenter-aws/karpenter.sh_nodeclaims.yaml",
      "karpenter-aws/karpenter.sh_nodeoverlays.yaml", "karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml",
      "keda/keda.sh_scaledobjects.yaml"})
  void shouldFindEveryPinnedRuleWithinTheLimitsClustersEnforce(String file) throws Exception {
    // These CRDs are installed on real clusters, so the API server accepted their estimates.
    CrdValidator validator = CrdValidator.fromYaml(Files.readString(PinnedFiles.crd(file)));

    assertThat(validator.costProblems()).isEmpty();
    assertThat(validator.ruleCosts().values().stream().mapToLong(List::size).sum()).isEqualTo(validator.ruleCount());
  }

  @Test
  void shouldSayWhenARuleWouldBeRefused() {
    CrdValidator validator = CrdValidator.fromYaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        spec:
          group: example.com
          names: {kind: Widget}
          versions:
          - name: v1
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      names:
                        type: array
                        items: {type: string}
                        x-kubernetes-validations:
                        - rule: "self.all(x, x.matches('^[a-z]+$'))"
                      bounded:
                        type: array
                        maxItems: 10
                        items: {type: string, maxLength: 63}
                        x-kubernetes-validations:
                        - rule: "self.all(x, x.matches('^[a-z]+$'))"
        """);

    List<String> problems = validator.costProblems();

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .startsWith("example.com/Widget v1 spec.names: self.all(x, x.matches('^[a-z]+$')): ")
        .endsWith("estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or "
            + "adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)");
    assertThat(problems.get(1)).startsWith("example.com/Widget v1: x-kubernetes-validations estimated rule cost "
        + "total for entire OpenAPIv3 schema exceeds budget");
    // the bounded twin: 10 items of at most 63 characters
    assertThat(costOf(validator, "example.com/Widget v1", "spec.bounded", "self.all").exceedsLimit()).isFalse();
  }
}
