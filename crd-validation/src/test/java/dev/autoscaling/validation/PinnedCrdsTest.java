package dev.autoscaling.validation;

import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CEL rule of every pinned CRD compiles in the Kubernetes CEL environment: none is left unchecked. */
class PinnedCrdsTest {

  private static final Pattern RULE = Pattern.compile("^\\s*(- )?rule:", Pattern.MULTILINE);

  @ParameterizedTest(name = "{0}: {1} rules")
  @CsvSource({
      "karpenter-azure/karpenter.sh_nodepools.yaml, 30",
      "karpenter-azure/karpenter.sh_nodeclaims.yaml, 15",
      "karpenter-azure/karpenter.sh_nodeoverlays.yaml, 13",
      "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml, 44",
      "karpenter-aws/karpenter.sh_nodepools.yaml, 20",
      "karpenter-aws/karpenter.sh_nodeclaims.yaml, 10",
      "karpenter-aws/karpenter.sh_nodeoverlays.yaml, 8",
      "karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml, 54",
      "keda/keda.sh_scaledobjects.yaml, 1",
      "keda/keda.sh_scaledjobs.yaml, 0",
      "keda/keda.sh_triggerauthentications.yaml, 0",
      "keda/keda.sh_clustertriggerauthentications.yaml, 0",
      "keda/eventing.keda.sh_cloudeventsources.yaml, 0",
      "keda/eventing.keda.sh_clustercloudeventsources.yaml, 0"})
  void shouldCompileEveryCelRule(String file, int rules) throws Exception {
    // Given
    String crd = Files.readString(PinnedFiles.crd(file));

    // When
    CrdValidator validator = CrdValidator.fromYaml(crd);

    // Then
    assertThat(validator.ruleCount()).isEqualTo(rules).isEqualTo((int) RULE.matcher(crd).results().count());
    assertThat(validator.unevaluableRules()).isEmpty();
  }
}
