package dev.autoscaling.karpenter.api;

import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Both providers' CRD sets ship in the jar, unmodified: their karpenter.sh validation rules differ. */
class PackagedCrdsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "karpenter-azure/karpenter.sh_nodepools.yaml", "karpenter-azure/karpenter.sh_nodeclaims.yaml",
      "karpenter-azure/karpenter.sh_nodeoverlays.yaml", "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml",
      "karpenter-aws/karpenter.sh_nodepools.yaml", "karpenter-aws/karpenter.sh_nodeclaims.yaml",
      "karpenter-aws/karpenter.sh_nodeoverlays.yaml", "karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml"})
  void shouldShipThePinnedCrdUnmodified(String file) throws Exception {
    try (InputStream packaged = getClass().getResourceAsStream("/META-INF/crds/" + file)) {
      assertThat(packaged).as("META-INF/crds/%s on the class path", file).isNotNull();
      assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(PinnedFiles.crd(file)));
    }
  }
}
