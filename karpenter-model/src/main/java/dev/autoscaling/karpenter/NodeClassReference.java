package dev.autoscaling.karpenter;

/**
 * What a NodePool's {@code nodeClassRef} points at: always a consistent group, kind and name, taken from a node
 * class object or its factory (so {@code group: karpenter.k8s.aws/v1} cannot be written).
 */
public record NodeClassReference(String group, String kind, String name) {

  public static final String AZURE_GROUP = "karpenter.azure.com";
  public static final String AWS_GROUP = "karpenter.k8s.aws";

  /** An AKSNodeClass by name (e.g. NAP's {@code default}). */
  public static NodeClassReference aksNodeClass(String name) {
    return new NodeClassReference(AZURE_GROUP, "AKSNodeClass", name);
  }

  /** An EC2NodeClass by name. */
  public static NodeClassReference ec2NodeClass(String name) {
    return new NodeClassReference(AWS_GROUP, "EC2NodeClass", name);
  }
}
