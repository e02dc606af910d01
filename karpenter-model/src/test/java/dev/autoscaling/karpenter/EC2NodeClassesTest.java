package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EC2NodeClassesTest {

  @Test
  void shouldBuildTheUsualEksNodeClassAndAPoolOnIt() {
    // When
    EC2NodeClass nodes = EC2NodeClasses.al2023().named("default").role("KarpenterNodeRole-prod")
        .discoveredBy("prod").tag("team", "platform").build();

    // Then
    assertThat(Manifests.toTree(nodes).path("spec").toString()).isEqualTo("{"
        + "\"amiSelectorTerms\":[{\"alias\":\"al2023@latest\"}],"
        + "\"role\":\"KarpenterNodeRole-prod\","
        + "\"securityGroupSelectorTerms\":[{\"tags\":{\"karpenter.sh/discovery\":\"prod\"}}],"
        + "\"subnetSelectorTerms\":[{\"tags\":{\"karpenter.sh/discovery\":\"prod\"}}],"
        + "\"tags\":{\"team\":\"platform\"}}");
    assertThat(NodePools.amd64().onDemand().named("general").nodeClass(nodes)
        .consolidateWhenEmpty(Duration.ofSeconds(30)).build()
        .getSpec().getTemplate().getSpec().getNodeClassRef().getGroup()).isEqualTo("karpenter.k8s.aws");
  }

  @Test
  void shouldRejectANodeClassWithoutRoleOrInstanceProfile() {
    assertThatThrownBy(() -> EC2NodeClasses.al2023().named("x").discoveredBy("prod").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must specify exactly one of ['role', 'instanceProfile']");
  }

  @Test
  void shouldRejectBothRoleAndInstanceProfile() {
    assertThatThrownBy(() -> EC2NodeClasses.al2023().named("x").discoveredBy("prod").role("r")
        .instanceProfile("p").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must specify exactly one of ['role', 'instanceProfile']");
  }

  @Test
  void shouldDescribeTheRootVolumeAndMetadataOptions() {
    EC2NodeClass nodes = EC2NodeClasses.bottlerocket().named("br").role("r").discoveredBy("prod")
        .rootVolume("/dev/xvda", "100Gi")
        .metadataOptions(new dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.MetadataOptionsBuilder()
            .withHttpTokens(dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.MetadataOptions.HttpTokens.REQUIRED)
            .withHttpPutResponseHopLimit(1L).build())
        .build();

    assertThat(Manifests.toTree(nodes).at("/spec/blockDeviceMappings/0").toString()).isEqualTo(
        "{\"deviceName\":\"/dev/xvda\",\"ebs\":{\"deleteOnTermination\":true,\"encrypted\":true,"
            + "\"volumeSize\":\"100Gi\",\"volumeType\":\"gp3\"},\"rootVolume\":true}");
    assertThat(Manifests.toTree(nodes).at("/spec/metadataOptions").toString())
        .isEqualTo("{\"httpPutResponseHopLimit\":1,\"httpTokens\":\"required\"}");
  }
}
