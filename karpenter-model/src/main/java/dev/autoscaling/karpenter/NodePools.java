package dev.autoscaling.karpenter;

/**
 * Entry points for NodePools, meant for {@code import static}: each reads as the requirement it adds.
 *
 * <pre>{@code
 * NodePool pool = NodePools.arm64().linux().onDemand().skuFamily("D")
 *     .named("arm-nodepool").weight(10)
 *     .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
 *     .nodeClass(AKSNodeClasses.reference("default"))
 *     .build();
 * }</pre>
 * is the workshop's
 * <pre>
 * spec:
 *   weight: 10
 *   disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 1s}
 *   template:
 *     spec:
 *       nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
 *       requirements:
 *       - {key: kubernetes.io/arch, operator: In, values: [arm64]}
 *       ...
 * </pre>
 */
public final class NodePools {

  private NodePools() {
  }

  /** An empty definition, to add requirements and settings to. */
  public static NodePoolDefinition nodePool() {
    return NodePoolDefinition.EMPTY;
  }

  public static NodePoolDefinition named(String name) {
    return nodePool().named(name);
  }

  /** {@code kubernetes.io/arch In [arm64]}. */
  public static NodePoolDefinition arm64() {
    return nodePool().arm64();
  }

  /** {@code kubernetes.io/arch In [amd64]}. */
  public static NodePoolDefinition amd64() {
    return nodePool().amd64();
  }

  /** {@code kubernetes.io/os In [linux]}. */
  public static NodePoolDefinition linux() {
    return nodePool().linux();
  }

  /** {@code karpenter.sh/capacity-type In [on-demand]}. */
  public static NodePoolDefinition onDemand() {
    return nodePool().onDemand();
  }

  /** {@code karpenter.sh/capacity-type In [spot]}. */
  public static NodePoolDefinition spot() {
    return nodePool().spot();
  }
}
