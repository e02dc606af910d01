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
import io.fabric8.kubernetes.client.extension.ExtensionRootClientAdapter;

import java.time.Duration;
import java.util.List;

/** The {@link KarpenterClient} fabric8 hands out for {@code client.adapt(KarpenterClient.class)}. */
public class DefaultKarpenterClient extends ExtensionRootClientAdapter<DefaultKarpenterClient>
    implements KarpenterClient {

  public DefaultKarpenterClient(Client client) {
    super(client);
  }

  @Override
  protected DefaultKarpenterClient newInstance(Client client) {
    return new DefaultKarpenterClient(client);
  }

  @Override
  public NonNamespaceOperation<NodePool, KubernetesResourceList<NodePool>, Resource<NodePool>> nodePools() {
    return resources(NodePool.class, null);
  }

  @Override
  public NonNamespaceOperation<NodeClaim, KubernetesResourceList<NodeClaim>, Resource<NodeClaim>> nodeClaims() {
    return resources(NodeClaim.class, null);
  }

  @Override
  public NonNamespaceOperation<NodeOverlay, KubernetesResourceList<NodeOverlay>, Resource<NodeOverlay>> nodeOverlays() {
    return resources(NodeOverlay.class, null);
  }

  @Override
  public NonNamespaceOperation<AKSNodeClass, KubernetesResourceList<AKSNodeClass>, Resource<AKSNodeClass>>
      aksNodeClasses() {
    return resources(AKSNodeClass.class, null);
  }

  @Override
  public NonNamespaceOperation<EC2NodeClass, KubernetesResourceList<EC2NodeClass>, Resource<EC2NodeClass>>
      ec2NodeClasses() {
    return resources(EC2NodeClass.class, null);
  }

  @Override
  public NodePool waitUntilNodePoolReady(String name, Duration timeout) {
    return ReadinessWait.one(nodePools()::withName, "NodePool", name, timeout);
  }

  @Override
  public AKSNodeClass waitUntilAksNodeClassReady(String name, Duration timeout) {
    return ReadinessWait.one(aksNodeClasses()::withName, "AKSNodeClass", name, timeout);
  }

  @Override
  public EC2NodeClass waitUntilEc2NodeClassReady(String name, Duration timeout) {
    return ReadinessWait.one(ec2NodeClasses()::withName, "EC2NodeClass", name, timeout);
  }

  @Override
  public NodeClaim waitUntilNodeClaimReady(String name, Duration timeout) {
    return ReadinessWait.one(nodeClaims()::withName, "NodeClaim", name, timeout);
  }

  @Override
  public List<NodeClaim> waitForNodeClaims(String nodePoolName, int count, Duration timeout) {
    ReadinessWait.requireName("nodePoolName", "NodePool", nodePoolName);
    return ReadinessWait.several(nodeClaims().withLabel(NODEPOOL_LABEL, nodePoolName), count,
        "NodeClaims of NodePool " + nodePoolName + " (label " + NODEPOOL_LABEL + "=" + nodePoolName + ")", timeout);
  }
}
