package dev.autoscaling.karpenter.api;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1alpha1.NodeOverlay;
import dev.autoscaling.validation.testing.ModelFidelity;
import dev.autoscaling.validation.testing.PinnedFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CRD regenerated from each model class has the pinned CRD's property tree. The karpenter.sh classes are
 * generated once, from the Azure provider's copy; they are checked against the AWS provider's copy too, whose
 * structure must be the same (only its CEL rules differ).
 */
class KarpenterModelFidelityTest {

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(NodePool.class, "karpenter-azure/karpenter.sh_nodepools.yaml"),
        Arguments.of(NodePool.class, "karpenter-aws/karpenter.sh_nodepools.yaml"),
        Arguments.of(NodeClaim.class, "karpenter-azure/karpenter.sh_nodeclaims.yaml"),
        Arguments.of(NodeClaim.class, "karpenter-aws/karpenter.sh_nodeclaims.yaml"),
        Arguments.of(NodeOverlay.class, "karpenter-azure/karpenter.sh_nodeoverlays.yaml"),
        Arguments.of(NodeOverlay.class, "karpenter-aws/karpenter.sh_nodeoverlays.yaml"),
        Arguments.of(dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass.class,
            "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml"),
        Arguments.of(dev.autoscaling.karpenter.api.azure.v1alpha2.AKSNodeClass.class,
            "karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml"),
        Arguments.of(EC2NodeClass.class, "karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml"));
  }

  @ParameterizedTest(name = "{0} against {1}")
  @MethodSource("kinds")
  void shouldDescribeTheSameFieldsTypesRequiredAndEnumsAsThePinnedCrd(Class<? extends HasMetadata> type, String crd) {
    assertThat(ModelFidelity.differences(type, PinnedFiles.crd(crd))).isEmpty();
  }
}
