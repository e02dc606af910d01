package dev.autoscaling.karpenter;

/**
 * What a NodePool's {@code nodeClassRef} points at: group, kind and name. The factories
 * ({@link #aksNodeClass(String)}, {@link #ec2NodeClass(String)}, {@code AKSNodeClasses.reference(...)}) always give a
 * consistent group and kind; the public constructor takes any three strings, and what it is given is checked by the
 * NodePool's {@code build()} (the CRD's rules), not here.
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
