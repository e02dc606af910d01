package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassSpec;

/**
 * Entry points for AKSNodeClasses (karpenter.azure.com/v1beta1): the node settings of an AKS Node Auto
 * Provisioning pool.
 *
 * <pre>{@code
 * AKSNodeClass azureLinux = AKSNodeClasses.azureLinux()
 *     .named("default-azurelinux")
 *     .description("General purpose AKSNodeClass for running Azure Linux nodes")
 *     .build();
 * }</pre>
 */
public final class AKSNodeClasses {

  private AKSNodeClasses() {
  }

  /**
   * A reference to an existing AKSNodeClass (for a NodePool's {@code nodeClass(...)}), such as NAP's {@code default}:
   * unlike {@code named} on the other facades, this starts no definition.
   */
  public static NodeClassReference reference(String name) {
    return NodeClassReference.aksNodeClass(name);
  }

  /**
   * A reference to an existing AKSNodeClass.
   *
   * @deprecated {@code named} starts a definition on every other facade; a reference is {@link #reference(String)}
   */
  @Deprecated(forRemoval = false)
  public static NodeClassReference named(String name) {
    return reference(name);
  }

  /** {@code imageFamily: AzureLinux}. */
  public static AKSNodeClassDefinition azureLinux() {
    return AKSNodeClassDefinition.EMPTY.imageFamily(AKSNodeClassSpec.ImageFamily.AZURELINUX);
  }

  /** {@code imageFamily: Ubuntu} (the API server's default when none is given). */
  public static AKSNodeClassDefinition ubuntu() {
    return AKSNodeClassDefinition.EMPTY.imageFamily(AKSNodeClassSpec.ImageFamily.UBUNTU);
  }

  /** Without an image family: the API server defaults it to Ubuntu. */
  public static AKSNodeClassDefinition aksNodeClass() {
    return AKSNodeClassDefinition.EMPTY;
  }
}
