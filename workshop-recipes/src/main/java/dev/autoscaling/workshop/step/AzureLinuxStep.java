package dev.autoscaling.workshop.step;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.ArrayList;
import java.util.List;

/** The workshop's own AKSNodeClass (Azure Linux) and the arm64 NodePool moved onto it (NodePool v2). */
public final class AzureLinuxStep extends ManifestStep {

  private final WorkshopConfig config;

  public AzureLinuxStep(WorkshopConfig config) {
    super(List.of(WorkshopManifests.azureLinuxNodeClass(config),
        WorkshopManifests.armNodePool(config, WorkshopManifests.AZURE_LINUX_NODECLASS)));
    this.config = config;
  }

  @Override
  public String id() {
    return "azure-linux";
  }

  @Override
  public String title() {
    return "Move " + WorkshopManifests.ARM_NODEPOOL + " onto AKSNodeClass " + WorkshopManifests.AZURE_LINUX_NODECLASS
        + " (" + config.imageFamily() + ")";
  }

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), List.of(), List.of("kubectl apply -f arm-nodepool-profile_v2.yaml"),
        objects(), List.of("then: a new aks-" + WorkshopManifests.ARM_NODEPOOL + " node with OS image"
            + " 'CBL-Mariner/Linux' (Azure Linux) replaces the Ubuntu one"));
  }

  @Override
  public Verification verify(WorkshopContext context) {
    List<Verification.Check> checks = new ArrayList<>(storedAsWritten(context));
    Verification.Check nodeClassReady = nodeClassReady(context);
    checks.add(nodeClassReady);
    if (nodeClassReady.status() == Verification.Status.FAILED) {
      // The pool cannot launch a node before its node class resolved its images and subnet: say that, not "no node".
      return new Verification(id(), checks);
    }
    String osImage = "AzureLinux".equals(config.imageFamily()) ? "CBL-Mariner|Azure Linux" : "Ubuntu";
    checks.addAll(NodeChecks.poolServesPods(context, (NodePool) objects().get(1), "arm64", osImage));
    return new Verification(id(), checks);
  }

  private static Verification.Check nodeClassReady(WorkshopContext context) {
    String what = "AKSNodeClass " + WorkshopManifests.AZURE_LINUX_NODECLASS + " Ready";
    if (!context.controllersRun()) {
      return ManifestStep.notObservable(what, "no Karpenter (Node Auto Provisioning) runs on this API server");
    }
    try {
      AKSNodeClass nodeClass = context.requireKubernetes().adapt(KarpenterClient.class)
          .waitUntilAksNodeClassReady(WorkshopManifests.AZURE_LINUX_NODECLASS, context.config().timeout());
      return new Verification.Check(what, Verification.Status.PASSED, nodeClass.getStatus().getImages() == null
          ? "Ready=True" : "Ready=True, " + nodeClass.getStatus().getImages().size() + " images resolved");
    } catch (KubernetesClientTimeoutException | IllegalStateException e) {
      return new Verification.Check(what, Verification.Status.FAILED, e.getMessage());
    }
  }
}
