package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AgentPool;
import dev.autoscaling.aks.AksClusterSpec;
import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.AzCommands;
import dev.autoscaling.aks.EvictionPlan;
import dev.autoscaling.aks.SystemPoolTaint;
import dev.autoscaling.aks.TaintResult;
import dev.autoscaling.workshop.WorkshopConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * "Using NAP": taint AKS's system pool so the store's pods leave it, and Node Auto Provisioning starts nodes for
 * them.
 */
public final class TaintSystemPoolStep extends AzureStep {

  /** The first system pool AKS creates; the real name is looked up by mode System before tainting. */
  static final String DEFAULT_SYSTEM_POOL = "nodepool1";

  public TaintSystemPoolStep(WorkshopConfig config) {
    super(config);
  }

  @Override
  public String id() {
    return "nap";
  }

  @Override
  public String title() {
    return "Taint the system pool " + config().systemPoolTaint() + " and watch NAP start nodes";
  }

  @Override
  List<List<String>> azCommands() {
    return List.of(AzCommands.systemPoolName(config().aksCluster()),
        AzCommands.taintSystemPool(config().aksCluster(), DEFAULT_SYSTEM_POOL, config().systemPoolTaint()));
  }

  @Override
  List<String> notes() {
    return config().systemPoolTaint().evictsRunningPods()
        ? List.of("NoExecute evicts every running pod of the system pool without the CriticalAddonsOnly toleration"
            + " (all of the store's pods); NoSchedule would let them move gracefully",
            "then: NAP starts a node named aks-default-..., and the store's pods start there")
        : List.of("NoSchedule: running pods stay until they are rescheduled; new pods go to NAP's nodes");
  }

  @Override
  StepOutcome applyOnAzure(WorkshopContext context, AksManager azure) {
    AksClusterSpec spec = config().aksCluster();
    List<String> lines = new ArrayList<>();
    SystemPoolTaint taint = config().systemPoolTaint();
    EvictionPlan plan = context.kubernetes().map(k -> azure.systemPool().planTaint(spec, taint, k))
        .orElseGet(() -> azure.systemPool().planTaint(spec, taint));
    lines.add("system pool " + plan.pool() + ": " + plan.taint() + (plan.evictsRunningPods()
        ? ", evicts " + (plan.podsListed() ? plan.pods().size() + " pods: " + plan.pods() : "every pod without"
        + " the toleration (no Kubernetes client to list them)") : ", evicts nothing"));
    context.progress(lines.get(0));
    TaintResult result = azure.systemPool().taint(spec, taint, progressOf(context));
    lines.add("node pool " + result.pool() + " taints " + result.nodeTaints() + (result.changed() ? "" : " (unchanged)"));
    context.progress(lines.get(1));
    return new StepOutcome(id(), lines, result.changed() ? 1 : 0);
  }

  @Override
  List<Verification.Check> verifyOnAzure(WorkshopContext context, AksManager azure) {
    AgentPool pool = azure.systemPool().get(config().aksCluster());
    List<String> taints = pool.nodeTaints();
    return List.of(check("system pool " + pool.name() + " tainted " + config().systemPoolTaint(),
        taints.contains(config().systemPoolTaint().asTaintString()), String.valueOf(taints)));
  }

  @Override
  public Verification verify(WorkshopContext context) {
    Verification azure = super.verify(context);
    if (context.kubernetes().isEmpty()) {
      return azure;
    }
    List<Verification.Check> checks = new java.util.ArrayList<>(azure.checks());
    checks.add(NodeChecks.podsOnNapNodes(context));
    return new Verification(id(), checks);
  }
}
