package dev.autoscaling.simulation;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassBuilder;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassSpec;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Taints;

import java.util.List;

/**
 * The NodePools and AKSNodeClass Node Auto Provisioning installs, as karpenter-provider-azure v1.14.2's
 * {@code examples/v1/general-purpose.yaml} and {@code system-surge.yaml} describe them (default: amd64 Linux
 * on-demand D-family; system-surge: the same with {@code kubernetes.azure.com/mode: system} and the
 * CriticalAddonsOnly taint), consolidating when empty or underutilized after 0 s with a 30% budget. Their cilium
 * startup taint is left out: the simulation has no cilium agent to lift it.
 */
final class NapDefaults {

  private NapDefaults() {
  }

  static List<NodePool> nodePools() {
    return List.of(pool("default", false), pool("system-surge", true));
  }

  static AKSNodeClass nodeClass() {
    return new AKSNodeClassBuilder().withNewMetadata().withName("default").endMetadata()
        .withNewSpec().withImageFamily(AKSNodeClassSpec.ImageFamily.UBUNTU).endSpec().build();
  }

  private static NodePool pool(String name, boolean system) {
    var spec = new NodePoolBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec()
        .withNewDisruption().withConsolidationPolicy(Disruption.ConsolidationPolicy.WHENEMPTYORUNDERUTILIZED)
        .withConsolidateAfter("0s").addNewBudget().withNodes("30%").endBudget().endDisruption()
        .withNewTemplate();
    if (system) {
      spec = spec.withNewMetadata().addToLabels("kubernetes.azure.com/mode", "system").endMetadata();
    }
    var template = spec.withNewSpec()
        .withNewNodeClassRef().withGroup("karpenter.azure.com").withKind("AKSNodeClass").withName("default")
        .endNodeClassRef()
        .withExpireAfter("Never")
        .addNewRequirement().withKey("kubernetes.io/arch").withOperator(Requirements.Operator.IN)
        .withValues("amd64").endRequirement()
        .addNewRequirement().withKey("kubernetes.io/os").withOperator(Requirements.Operator.IN)
        .withValues("linux").endRequirement()
        .addNewRequirement().withKey("karpenter.sh/capacity-type").withOperator(Requirements.Operator.IN)
        .withValues("on-demand").endRequirement()
        .addNewRequirement().withKey("karpenter.azure.com/sku-family").withOperator(Requirements.Operator.IN)
        .withValues("D").endRequirement();
    if (system) {
      template = template.addNewTaint().withKey("CriticalAddonsOnly").withValue("true")
          .withEffect(Taints.Effect.NOSCHEDULE).endTaint();
    }
    return template.endSpec().endTemplate().endSpec().build();
  }
}
