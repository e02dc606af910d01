package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EC2NodeClassDescriptionsTest {

  @Test
  void shouldDescribeAnEc2NodeClassAndWhatItsSelectorsResolvedTo() {
    JsonNode nodeClass = JsonTrees.resourceDocument("describe/ec2nodeclass-default.yaml");
    assertThat(KarpenterCrds.aws().validate(nodeClass).errors()).isEmpty();

    String text = EC2NodeClassDescriptions.describe(nodeClass);

    assertThat(text).startsWith("EC2NodeClass default\n")
        .contains("AMIs:        alias al2023@latest (Amazon Linux 2023, newest release: nodes drift to each new one)")
        .contains("identity:    IAM role KarpenterNodeRole-prod (Karpenter makes and owns the instance profile)")
        .contains("subnets:     tagged karpenter.sh/discovery=prod")
        .contains("sec. groups: tagged karpenter.sh/discovery=prod or sg-0a1b2c3d4e5f60718")
        .contains("disks:       /dev/xvda 100Gi gp3 encrypted root")
        .contains("metadata:    IMDSv2 required (default), hop limit 2, endpoint enabled (default),"
            + " IPv6 endpoint disabled (default)")
        .contains("user data:   ")
        .contains("tags:        team=platform")
        .contains("status:      Ready")
        .contains("resolved:    AMIs ami-0123456789abcdef0 (al2023-ami-eks-1.33-x86_64, amd64),"
            + " ami-0fedcba9876543210 (al2023-ami-eks-1.33-arm64, arm64);"
            + " subnets subnet-0aaa1111bbbb2222c (us-west-2a), subnet-0ddd3333eeee4444f (us-west-2b);"
            + " security groups sg-0123456789abcdef0 (eks-cluster-sg-prod);"
            + " instance profile prod_1234567890123456789")
        .doesNotContain("bootstrap-token").doesNotContain("0123456789abcdef\"");
  }

  @Test
  void shouldDescribeSelectorTermsAnInstanceProfileAndAFamilyWithoutAlias() {
    String text = EC2NodeClassDescriptions.describe(Manifests.parseAll("""
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: custom}
        spec:
          amiFamily: AL2023
          instanceProfile: KarpenterNodeInstanceProfile
          amiSelectorTerms:
          - {name: 'my-golden-ami-*', owner: '123456789012'}
          - {tags: {team: platform}}
          subnetSelectorTerms: [{id: subnet-0aaa1111bbbb2222c}]
          securityGroupSelectorTerms: [{name: nodes}]
          metadataOptions: {httpTokens: optional}
        """).get(0));

    assertThat(text).contains("AMIs:        name my-golden-ami-* owned by 123456789012 or tagged team=platform")
        .contains("AMI family:  AL2023 (decides the bootstrap format of user data)")
        .contains("identity:    instance profile KarpenterNodeInstanceProfile (yours: Karpenter does not change it)")
        .contains("subnets:     subnet-0aaa1111bbbb2222c")
        .contains("sec. groups: named nodes")
        .contains("disks:       the AMI's own block devices")
        .contains("metadata:    IMDSv2 optional: IMDSv1 is allowed, hop limit 1 (default)")
        .doesNotContain("status:").doesNotContain("user data:");
  }

  @Test
  void shouldDescribeAFacadeBuiltNodeClass() {
    String text = EC2NodeClassDescriptions.describe(EC2NodeClasses.bottlerocket().named("br")
        .role("KarpenterNodeRole-prod").discoveredBy("prod").build());

    assertThat(text).contains("alias bottlerocket@latest (Bottlerocket, newest release")
        .contains("subnets:     tagged karpenter.sh/discovery=prod");
  }
}
