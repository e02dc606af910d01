package dev.autoscaling.karpenter.api;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1alpha1.NodeOverlay;
import dev.autoscaling.validation.testing.RoundTrip;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KarpenterModelRoundTripTest {

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("roundtrip/nodepool.yaml", NodePool.class),
        Arguments.of("roundtrip/nodeclaim.yaml", NodeClaim.class),
        Arguments.of("roundtrip/nodeoverlay.yaml", NodeOverlay.class),
        Arguments.of("roundtrip/aksnodeclass-v1beta1.yaml",
            dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass.class),
        Arguments.of("roundtrip/aksnodeclass-v1alpha2.yaml",
            dev.autoscaling.karpenter.api.azure.v1alpha2.AKSNodeClass.class),
        Arguments.of("roundtrip/ec2nodeclass.yaml", EC2NodeClass.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("kinds")
  void shouldReadAndWriteBackEveryFieldOfARealisticManifest(String resource, Class<? extends HasMetadata> type) {
    HasMetadata parsed = RoundTrip.assertRoundTrip(resource, type);

    assertThat(parsed.getApiVersion()).isEqualTo(HasMetadata.getApiVersion(type));
  }
}
