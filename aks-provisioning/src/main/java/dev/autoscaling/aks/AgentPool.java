package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolMode;

import java.util.List;

/**
 * A node pool of an AKS cluster as ARM reported it when it was read: its name, its mode (System or User), its
 * taints and its state.
 *
 * @param nodeTaints as {@code --node-taints} takes them, e.g. {@code CriticalAddonsOnly=true:NoSchedule}
 */
public record AgentPool(String name, AgentPoolMode mode, List<String> nodeTaints, String provisioningState) {

  public AgentPool {
    nodeTaints = List.copyOf(nodeTaints);
  }

  static AgentPool of(AgentPoolInner pool) {
    return new AgentPool(pool.name(), pool.mode(), pool.nodeTaints() == null ? List.of() : pool.nodeTaints(),
        pool.provisioningState());
  }

  public boolean isSystem() {
    return AgentPoolMode.SYSTEM.equals(mode);
  }
}
