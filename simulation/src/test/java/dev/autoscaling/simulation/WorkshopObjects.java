package dev.autoscaling.simulation;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassBuilder;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassSpec;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.simulation.workload.StoreWorkload;

import java.time.Duration;
import java.util.List;

/** The workshop's objects as its YAML writes them (workshop-recipes builds the same; this module may not use it). */
public final class WorkshopObjects {

  private WorkshopObjects() {
  }

  public static ScaledObject scaledObject() {
    return new ScaledObjectBuilder().withNewMetadata().withName("virtual-worker-rabbitmq-scaledobject")
        .withNamespace("pets").endMetadata()
        .withNewSpec().withNewScaleTargetRef().withName("virtual-worker").endScaleTargetRef()
        .withMinReplicaCount(1).withPollingInterval(60)
        .addNewTrigger().withType("rabbitmq").addToMetadata("protocol", "http").addToMetadata("queueName", "orders")
        .addToMetadata("mode", "QueueLength").addToMetadata("value", "10").endTrigger().endSpec().build();
  }

  public static NodePool armNodePool(String nodeClass) {
    return new NodePoolBuilder().withNewMetadata().withName("arm-nodepool").endMetadata().withNewSpec().withWeight(10)
        .withNewDisruption().withConsolidationPolicy(Disruption.ConsolidationPolicy.WHENEMPTYORUNDERUTILIZED)
        .withConsolidateAfter("1s").endDisruption()
        .withNewTemplate().withNewSpec().withNewNodeClassRef().withGroup("karpenter.azure.com")
        .withKind("AKSNodeClass").withName(nodeClass).endNodeClassRef()
        .addNewRequirement().withKey("kubernetes.io/arch").withOperator(Requirements.Operator.IN)
        .withValues("arm64").endRequirement()
        .addNewRequirement().withKey("kubernetes.io/os").withOperator(Requirements.Operator.IN)
        .withValues("linux").endRequirement()
        .addNewRequirement().withKey("karpenter.sh/capacity-type").withOperator(Requirements.Operator.IN)
        .withValues("on-demand").endRequirement()
        .addNewRequirement().withKey("karpenter.azure.com/sku-family").withOperator(Requirements.Operator.IN)
        .withValues("D").endRequirement()
        .endSpec().endTemplate().endSpec().build();
  }

  public static AKSNodeClass azureLinux() {
    return new AKSNodeClassBuilder().withNewMetadata().withName("default-azurelinux").endMetadata()
        .withNewSpec().withImageFamily(AKSNodeClassSpec.ImageFamily.AZURELINUX).endSpec().build();
  }

  /**
   * The workshop's run: 4 virtual customers from the start, the system pool tainted NoExecute at 5 min, the arm
   * pool at 10 min, moved onto Azure Linux at 15 min, the load back to 1 customer at 40 min.
   */
  public static ScalingSimulation workshopRun() {
    return ScalingSimulation.of(StoreWorkload.aksStore(), List.of(scaledObject()), ScalingSimulation.napNodePools(),
            List.of(ScalingSimulation.napNodeClass()))
        .load(LoadProfile.parse("0s=4,40m=1"))
        .at(Duration.ofMinutes(5), s -> s.taintSystemPool(Taint.parse("CriticalAddonsOnly=true:NoExecute")))
        .at(Duration.ofMinutes(10), s -> s.apply(armNodePool("default")))
        .at(Duration.ofMinutes(15), s -> {
          s.apply(azureLinux());
          s.apply(armNodePool("default-azurelinux"));
        });
  }
}
