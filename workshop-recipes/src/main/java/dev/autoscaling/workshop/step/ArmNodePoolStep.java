package dev.autoscaling.workshop.step;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;

/** "Using NAP": the arm64 NodePool on NAP's default AKSNodeClass, weighted above NAP's own default pool. */
public final class ArmNodePoolStep extends ManifestStep {

  private final WorkshopConfig config;

  public ArmNodePoolStep(WorkshopConfig config) {
    super(List.of(WorkshopManifests.armNodePool(config, WorkshopManifests.DEFAULT_NODECLASS)));
    this.config = config;
  }

  @Override
  public String id() {
    return "arm-nodepool";
  }

  @Override
  public String title() {
    return "Create the arm64 NodePool " + WorkshopManifests.ARM_NODEPOOL + " (SKU family " + config.skuFamily() + ")";
  }

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), List.of(), List.of("kubectl apply -f arm-nodepool-profile.yaml"), objects(),
        List.of("then: a node named aks-" + WorkshopManifests.ARM_NODEPOOL + "-... (arm64) comes up, the store's pods"
            + " move onto it and the aks-default node is removed",
            "a re-run leaves " + WorkshopManifests.ARM_NODEPOOL + " alone once the azure-linux step has moved it onto "
                + WorkshopManifests.AZURE_LINUX_NODECLASS + ": applying this version again would roll the nodes back"));
  }

  @Override
  HasMetadata toApply(HasMetadata object, HasMetadata live) {
    if (live instanceof NodePool pool && pool.getSpec() != null && pool.getSpec().getTemplate() != null
        && pool.getSpec().getTemplate().getSpec().getNodeClassRef() != null
        && WorkshopManifests.AZURE_LINUX_NODECLASS.equals(
            pool.getSpec().getTemplate().getSpec().getNodeClassRef().getName())) {
      return null;
    }
    return object;
  }

  @Override
  public Verification verify(WorkshopContext context) {
    List<Verification.Check> checks = new ArrayList<>(storedAsWritten(context));
    checks.addAll(NodeChecks.poolServesPods(context, (NodePool) objects().get(0), "arm64", null));
    return new Verification(id(), checks);
  }
}
