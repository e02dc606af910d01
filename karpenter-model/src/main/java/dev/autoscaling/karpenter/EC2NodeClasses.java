package dev.autoscaling.karpenter;

/**
 * Entry points for EC2NodeClasses (karpenter.k8s.aws/v1): the node settings of a Karpenter pool on AWS.
 *
 * <pre>{@code
 * EC2NodeClass nodes = EC2NodeClasses.al2023().named("default")
 *     .role("KarpenterNodeRole-prod")
 *     .discoveredBy("prod")          // subnets and security groups tagged karpenter.sh/discovery: prod
 *     .build();
 * }</pre>
 */
public final class EC2NodeClasses {

  private EC2NodeClasses() {
  }

  /**
   * A reference to an existing EC2NodeClass (for a NodePool's {@code nodeClass(...)}), such as NAP's {@code default}:
   * unlike {@code named} on the other facades, this starts no definition.
   */
  public static NodeClassReference reference(String name) {
    return NodeClassReference.ec2NodeClass(name);
  }

  /**
   * A reference to an existing EC2NodeClass.
   *
   * @deprecated {@code named} starts a definition on every other facade; a reference is {@link #reference(String)}
   */
  @Deprecated(forRemoval = false)
  public static NodeClassReference named(String name) {
    return reference(name);
  }

  /** Amazon Linux 2023, latest AMI ({@code amiSelectorTerms: [{alias: al2023@latest}]}). */
  public static EC2NodeClassDefinition al2023() {
    return EC2NodeClassDefinition.EMPTY.amiAlias("al2023@latest");
  }

  /** Bottlerocket, latest AMI. */
  public static EC2NodeClassDefinition bottlerocket() {
    return EC2NodeClassDefinition.EMPTY.amiAlias("bottlerocket@latest");
  }

  /** Without AMI selection yet: add {@code amiAlias(...)}. */
  public static EC2NodeClassDefinition ec2NodeClass() {
    return EC2NodeClassDefinition.EMPTY;
  }
}
