package dev.autoscaling.karpenter;

import dev.autoscaling.validation.CrdValidator;

/**
 * The Karpenter CRDs this jar's models were generated from (shipped under {@code META-INF/crds/}), as validators.
 * There is one per cloud provider: each provider ships its own copy of the karpenter.sh CRDs, with its own
 * label-domain CEL rules, so a NodePool on AKS is checked against the Azure copy and one on EKS against AWS's.
 */
public final class KarpenterCrds {

  /** The pinned releases the CRDs come from. */
  public static final String AZURE_PROVIDER_VERSION = "v1.14.2";
  public static final String AWS_PROVIDER_VERSION = "v1.14.1";

  private KarpenterCrds() {
  }

  /** NodePool, NodeClaim, NodeOverlay as the Azure provider ships them, and AKSNodeClass (v1beta1, v1alpha2). */
  public static CrdValidator azure() {
    return Azure.VALIDATOR;
  }

  /** NodePool, NodeClaim, NodeOverlay as the AWS provider ships them, and EC2NodeClass. */
  public static CrdValidator aws() {
    return Aws.VALIDATOR;
  }

  private static final class Azure {
    static final CrdValidator VALIDATOR = CrdValidator.fromClasspath(
        "META-INF/crds/karpenter-azure/karpenter.sh_nodepools.yaml",
        "META-INF/crds/karpenter-azure/karpenter.sh_nodeclaims.yaml",
        "META-INF/crds/karpenter-azure/karpenter.sh_nodeoverlays.yaml",
        "META-INF/crds/karpenter-azure/karpenter.azure.com_aksnodeclasses.yaml");
  }

  private static final class Aws {
    static final CrdValidator VALIDATOR = CrdValidator.fromClasspath(
        "META-INF/crds/karpenter-aws/karpenter.sh_nodepools.yaml",
        "META-INF/crds/karpenter-aws/karpenter.sh_nodeclaims.yaml",
        "META-INF/crds/karpenter-aws/karpenter.sh_nodeoverlays.yaml",
        "META-INF/crds/karpenter-aws/karpenter.k8s.aws_ec2nodeclasses.yaml");
  }
}
