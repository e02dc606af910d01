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
import java.util.List;

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

  /** The label Karpenter puts on every NodeClaim (and Node) it makes for a NodePool: the pool's name. */
  String NODEPOOL_LABEL = "karpenter.sh/nodepool";

  // The waits below watch (list once, then follow changes) rather than poll. Ready means Karpenter's own root
  // condition Ready=True, which it sets once all of the kind's conditions are True (see
  // dev.autoscaling.karpenter.status.Readiness). On timeout they throw NotReadyException, a
  // KubernetesClientTimeoutException whose message names the conditions that were not True, with reason and message.

  /**
   * Waits until the NodePool is Ready (ValidationSucceeded and NodeClassReady).
   *
   * @throws NotReadyException when it is not Ready in time: what was last seen, or that it was never found
   * @throws IllegalStateException when it is deleted while waiting
   */
  NodePool waitUntilNodePoolReady(String name, Duration timeout);

  /**
   * Waits until the AKSNodeClass is Ready (images, Kubernetes version, subnets, validation and local DNS resolved).
   *
   * @throws NotReadyException when it is not Ready in time
   * @throws IllegalStateException when it is deleted while waiting
   */
  AKSNodeClass waitUntilAksNodeClassReady(String name, Duration timeout);

  /**
   * Waits until the EC2NodeClass is Ready (AMIs, subnets, security groups and instance profile resolved, validation
   * passed).
   *
   * @throws NotReadyException when it is not Ready in time
   * @throws IllegalStateException when it is deleted while waiting
   */
  EC2NodeClass waitUntilEc2NodeClassReady(String name, Duration timeout);

  /**
   * Waits until the NodeClaim is Ready: Launched (the cloud made the VM), Registered (its Node joined) and
   * Initialized (the Node is Ready, startup taints gone, resources registered).
   *
   * @throws NotReadyException when it is not Ready in time, naming the step it is stuck at
   * @throws IllegalStateException when it is deleted while waiting, as Karpenter does with a claim it cannot
   *     launch (e.g. no capacity for any allowed VM size); the message carries its last conditions
   */
  NodeClaim waitUntilNodeClaimReady(String name, Duration timeout);

  /**
   * Waits until at least {@code count} NodeClaims of the NodePool (label {@value #NODEPOOL_LABEL}) are Ready, and
   * answers all the Ready ones, sorted by name. Claims deleted on the way do not end the wait: Karpenter replaces
   * a claim it could not launch.
   *
   * @throws NotReadyException when fewer are Ready in time: which are Ready, which not and why, which were deleted
   * @throws IllegalArgumentException when {@code count} is below 1
   */
  List<NodeClaim> waitForNodeClaims(String nodePoolName, int count, Duration timeout);
}
