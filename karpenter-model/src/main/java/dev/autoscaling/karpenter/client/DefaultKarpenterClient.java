package dev.autoscaling.karpenter.client;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1alpha1.NodeOverlay;
import dev.autoscaling.manifest.StatusConditions;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.extension.ExtensionRootClientAdapter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
    return nodePools().withName(name).waitUntilCondition(pool -> StatusConditions.isTrue(pool, "Ready"), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public AKSNodeClass waitUntilAksNodeClassReady(String name, Duration timeout) {
    return aksNodeClasses().withName(name).waitUntilCondition(nodeClass -> StatusConditions.isTrue(nodeClass, "Ready"), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
