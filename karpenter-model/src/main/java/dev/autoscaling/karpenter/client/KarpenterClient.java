package dev.autoscaling.karpenter.client;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1alpha1.NodeOverlay;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Duration;

/**
 * The Karpenter resources as a fabric8 client extension: {@code client.adapt(KarpenterClient.class)}. All of them
 * are cluster-scoped.
 *
 * <pre>{@code
 * try (KubernetesClient kubernetes = new KubernetesClientBuilder().build()) {
 *   KarpenterClient karpenter = kubernetes.adapt(KarpenterClient.class);
 *   karpenter.nodePools().resource(pool).serverSideApply();
 *   karpenter.waitUntilNodePoolReady("arm-nodepool", Duration.ofMinutes(2));
 * }
 * }</pre>
 */
public interface KarpenterClient extends Client {

  NonNamespaceOperation<NodePool, KubernetesResourceList<NodePool>, Resource<NodePool>> nodePools();

  NonNamespaceOperation<NodeClaim, KubernetesResourceList<NodeClaim>, Resource<NodeClaim>> nodeClaims();

  NonNamespaceOperation<NodeOverlay, KubernetesResourceList<NodeOverlay>, Resource<NodeOverlay>> nodeOverlays();

  /** karpenter.azure.com/v1beta1 (the storage version; v1alpha2 is served but deprecated). */
  NonNamespaceOperation<AKSNodeClass, KubernetesResourceList<AKSNodeClass>, Resource<AKSNodeClass>> aksNodeClasses();

  NonNamespaceOperation<EC2NodeClass, KubernetesResourceList<EC2NodeClass>, Resource<EC2NodeClass>> ec2NodeClasses();

  /**
   * Waits, with a watch, until the NodePool reports condition {@code Ready=True}.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientTimeoutException when it is not ready in time
   */
  NodePool waitUntilNodePoolReady(String name, Duration timeout);

  /** Waits until the AKSNodeClass reports condition {@code Ready=True}. */
  AKSNodeClass waitUntilAksNodeClassReady(String name, Duration timeout);
}
