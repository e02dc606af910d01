package dev.autoscaling.aks;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolMode;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The system pool of the cluster a spec names: found by its mode, not its position (the first pool is the system
 * pool only on a fresh cluster), and its {@code CriticalAddonsOnly} taint, planned and applied
 * ({@code az aks nodepool update --node-taints}). Obtained from {@link AksManager#systemPool()}.
 */
public final class SystemPool {

  private final Arm arm;

  SystemPool(Arm arm) {
    this.arm = arm;
  }

  /** The pool whose mode is System. */
  public AgentPool get(AksClusterSpec spec) {
    return AgentPool.of(find(spec));
  }

  /**
   * What the taint would evict, without listing pods: {@link EvictionPlan#podsListed()} is false, and a NoExecute
   * taint evicts every running pod without the toleration.
   */
  public EvictionPlan planTaint(AksClusterSpec spec, SystemPoolTaint taint) {
    String pool = find(spec).name();
    return new EvictionPlan(pool, taint.asTaintString(), taint.evictsRunningPods(), false, List.of());
  }

  /**
   * What the taint would evict: for a NoExecute taint, the pods running on the pool's nodes (label
   * {@code kubernetes.azure.com/agentpool=<pool>}) that do not tolerate it, listed with {@code kubernetes};
   * DaemonSet pods usually do tolerate it. A NoSchedule taint evicts nothing, and lists nothing.
   */
  public EvictionPlan planTaint(AksClusterSpec spec, SystemPoolTaint taint, KubernetesClient kubernetes) {
    Objects.requireNonNull(kubernetes, "kubernetes");
    String pool = find(spec).name();
    List<String> evicted = taint.evictsRunningPods() ? Evictions.podsEvicted(kubernetes, pool, taint) : List.of();
    return new EvictionPlan(pool, taint.asTaintString(), taint.evictsRunningPods(), true, evicted);
  }

  /**
   * Starts putting the taint on the system pool (GET, replace any other CriticalAddonsOnly taint, keep the rest,
   * PUT); an already completed poller when the taint is there.
   */
  public SyncPoller<Progress, TaintResult> beginTaint(AksClusterSpec spec, SystemPoolTaint taint) {
    AgentPoolInner pool = find(spec);
    String operation = "taint pool " + pool.name();
    List<String> current = pool.nodeTaints() == null ? List.of() : pool.nodeTaints();
    if (current.contains(taint.asTaintString())) {
      return Pollers.completed(operation, LongRunningOperationStatus.SUCCESSFULLY_COMPLETED.toString(),
          new TaintResult(pool.name(), current, false));
    }
    List<String> taints = new ArrayList<>();
    for (String existing : current) {
      if (!existing.startsWith(SystemPoolTaint.KEY + "=") && !existing.startsWith(SystemPoolTaint.KEY + ":")) {
        taints.add(existing);
      }
    }
    taints.add(taint.asTaintString());
    return Pollers.arm(operation, arm.pollInterval(),
        ArmErrors.call(operation, () -> arm.aks().getAgentPools().beginCreateOrUpdate(spec.resourceGroup(),
            spec.name(), pool.name(), pool.withNodeTaints(taints))).setPollInterval(arm.pollInterval()),
        tainted -> new TaintResult(pool.name(), tainted.nodeTaints() == null ? List.of() : tainted.nodeTaints(),
            true));
  }

  /** As {@link #beginTaint}, waiting, each poll reported to {@code progress}. */
  public TaintResult taint(AksClusterSpec spec, SystemPoolTaint taint, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginTaint(spec, taint), arm.pollInterval(), progress);
  }

  private AgentPoolInner find(AksClusterSpec spec) {
    return arm.agentPools(spec).stream().filter(pool -> AgentPoolMode.SYSTEM.equals(pool.mode())).findFirst()
        .orElseThrow(() -> new AksProvisioningException("find the system pool of " + Arm.clusterName(spec), 0,
            null, "the cluster has no pool in mode System", null));
  }
}
