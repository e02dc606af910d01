package dev.autoscaling.samples.docs;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassStatus;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodeClaimStatus;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What KEDA, Karpenter and Node Auto Provisioning would do on the workshop's cluster, as far as the README's client
 * snippet waits for it, played on the embedded API server (which runs no controller): NAP's {@code default}
 * AKSNodeClass, Ready; the Deployment the ScaledObject scales; a ScaledObject marked Ready once it is there; a Ready
 * NodeClaim for each NodePool. It polls every 100 ms until closed.
 */
final class ControllersStandIn implements AutoCloseable {

  private static final String READY = "conditions: [{type: Ready, status: 'True', reason: Ready, message: ''}]";

  private final KubernetesClient client;
  private final KedaClient keda;
  private final KarpenterClient karpenter;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

  ControllersStandIn(KubernetesClient client) {
    this.client = client;
    this.keda = client.adapt(KedaClient.class);
    this.karpenter = client.adapt(KarpenterClient.class);
    seedTheCluster();
    loop.scheduleWithFixedDelay(this::reconcile, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void seedTheCluster() {
    karpenter.aksNodeClasses().resource(Manifests.parse("""
        apiVersion: karpenter.azure.com/v1beta1
        kind: AKSNodeClass
        metadata: {name: default}
        spec: {imageFamily: Ubuntu2204, osDiskSizeGB: 128}
        """, AKSNodeClass.class)).create();
    karpenter.aksNodeClasses().withName("default").editStatus(nodeClass -> {
      nodeClass.setStatus(Manifests.parse(READY, AKSNodeClassStatus.class));
      return nodeClass;
    });
    client.apps().deployments().inNamespace("pets").resource(new DeploymentBuilder()
        .withNewMetadata().withName("virtual-worker").withNamespace("pets").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("virtual-worker")
        .withImage("ghcr.io/azure-samples/aks-store-demo/virtual-worker:latest").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
  }

  private void reconcile() {
    try {
      for (ScaledObject scaledObject : keda.scaledObjects().inAnyNamespace().list().getItems()) {
        if (scaledObject.getStatus() == null) {
          keda.scaledObjects().inNamespace(scaledObject.getMetadata().getNamespace())
              .withName(scaledObject.getMetadata().getName()).editStatus(so -> new ScaledObjectBuilder(so)
                  .withNewStatus().addNewCondition().withType("Ready").withStatus("True")
                  .withReason("ScaledObjectReady").endCondition().endStatus().build());
        }
      }
      for (NodePool pool : karpenter.nodePools().list().getItems()) {
        String name = pool.getMetadata().getName() + "-x7k2p";
        if (karpenter.nodeClaims().withName(name).get() == null) {
          karpenter.nodeClaims().resource(Manifests.parse("""
              apiVersion: karpenter.sh/v1
              kind: NodeClaim
              metadata:
                name: %s
                labels: {karpenter.sh/nodepool: %s}
              spec:
                nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
                requirements: [{key: kubernetes.io/arch, operator: In, values: [arm64]}]
              """.formatted(name, pool.getMetadata().getName()), NodeClaim.class)).create();
          karpenter.nodeClaims().withName(name).editStatus(claim -> {
            claim.setStatus(Manifests.parse("""
                conditions:
                - {type: Launched, status: 'True', reason: Launched, message: ''}
                - {type: Registered, status: 'True', reason: Registered, message: ''}
                - {type: Initialized, status: 'True', reason: Initialized, message: ''}
                - {type: Ready, status: 'True', reason: Ready, message: ''}
                nodeName: aks-%s
                """.formatted(name), NodeClaimStatus.class));
            return claim;
          });
        }
      }
    } catch (RuntimeException e) {
      // the next poll tries again; the README's waits time out and say what they saw if it never works
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
