package dev.autoscaling.simulation.karpenter;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.WorkshopObjects;
import dev.autoscaling.simulation.workload.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Consolidation once the load is gone, with expectations worked out by hand. The NodePool is the workshop's arm64
 * D-family pool restricted to 2 vCPU sizes ({@code karpenter.azure.com/sku-cpu In [2]}), so a node takes two pods of
 * 800m at most (a 2 vCPU node has 2000m - 100m kube-reserved = 1900m allocatable) and the peak needs several nodes. The
 * cheapest such size in eastus2 is Standard_D2pls_v6 at $0.062/h (shared/reference/azure-vm-on-demand-prices.csv,
 * row {@code eastus2,Standard_D2pls_v6,0.062000}).
 */
class ConsolidationAfterLoadTest {

  private static final double D2PLS_V6_USD_PER_HOUR = 0.062;

  private static Workload arm(String name, int replicas, long cpuMilli) {
    return new Workload(name, replicas, cpuMilli, 128, Map.of("kubernetes.io/arch", "arm64"), List.of(), List.of());
  }

  /** The workshop's arm pool, 2 vCPU sizes only, consolidating after 30 s, with these budgets (none: 10%). */
  private static NodePool twoVcpuPool(String... budgets) {
    var disruption = new NodePoolBuilder(WorkshopObjects.armNodePool("default")).editSpec().editDisruption()
        .withConsolidateAfter("30s");
    for (String nodes : budgets) {
      disruption = disruption.addNewBudget().withNodes(nodes).endBudget();
    }
    return disruption.endDisruption().editTemplate().editSpec().addNewRequirement()
        .withKey("karpenter.azure.com/sku-cpu").withOperator(Requirements.Operator.IN).withValues("2")
        .endRequirement().endSpec().endTemplate().endSpec().build();
  }

  private static ScalingSimulation sim(Workload workload, NodePool pool) {
    return ScalingSimulation.of(List.of(workload), List.of(), List.of(pool), List.of(ScalingSimulation.napNodeClass()));
  }

  private static List<Long> removals(SimulationResult result) {
    return result.events().stream().filter(e -> e.reason().equals("DisruptionTerminating"))
        .map(SimulationResult.Event::t).toList();
  }

  /**
   * 8 pods of 800m, two per node (1600m of 1900m): 4 NodeClaims of Standard_D2pls_v6 nominated at 2 s, Ready at
   * 52 s. The scheduler binds in creation order to the least allocated node (ties: the first name), so the pods
   * go round the 4 nodes twice, A B C D A B C D (nodes in name order). The load stops at 200 s: 2 replicas left;
   * the Deployment controller removes the 6 oldest-named (same age, all Ready), which leaves A and B empty and one
   * pod on C and on D. Every node's pods changed at 200 s, so none is consolidatable before 200 + 30 = 230 s.
   */
  private static ScalingSimulation eightPodsThenTwo(NodePool pool) {
    ScalingSimulation sim = sim(arm("worker", 8, 800), pool);
    sim.at(Duration.ofSeconds(200), s -> s.scale("worker", 2));
    return sim;
  }

  @Test
  void shouldDeleteTheEmptyNodesConsolidateAfterTheLoadStopsWithinTheBudget() {
    ScalingSimulation sim = eightPodsThenTwo(twoVcpuPool("2"));

    SimulationResult result = sim.run(Duration.ofSeconds(400));

    assertThat(result.summary().peakNodes()).isEqualTo(Map.of("Standard_D2pls_v6", 4));
    assertThat(result.sampleAt(199).nodes()).isEqualTo(4);
    assertThat(result.sampleAt(199).usdPerHour()).isCloseTo(4 * D2PLS_V6_USD_PER_HOUR, within(1e-9));
    // 230 s is a disruption pass (every 10 s): emptiness deletes A and B in one command, the budget (2) allows
    // both; at the next pass C's one pod fits on D (800m + 800m of 1900m): C goes, its pod moves to D
    assertThat(result.events()).filteredOn(e -> e.reason().equals("DisruptionTerminating"))
        .extracting(e -> e.t() + " " + e.message().replaceAll(" \\(consolidateAfter\\).*", ""))
        .containsExactly("230 consolidation: empty for 30 s", "230 consolidation: empty for 30 s",
            "240 consolidation: its 1 pod(s) fit on the other nodes");
    assertThat(result.sampleAt(235).nodes()).isEqualTo(2);
    assertThat(result.sampleAt(235).usdPerHour()).isCloseTo(2 * D2PLS_V6_USD_PER_HOUR, within(1e-9));
    assertThat(result.sampleAt(240).nodes()).isEqualTo(1);
    assertThat(result.sampleAt(240).pending()).isZero();
    assertThat(result.sampleAt(240).usdPerHour()).isCloseTo(D2PLS_V6_USD_PER_HOUR, within(1e-9));
    assertThat(sim.pods()).hasSize(2).extracting(p -> p.node()).containsOnly(sim.nodeClaims().get(0).nodeName());
  }

  @Test
  void shouldDeleteOneNodePerPassUnderTheDefaultTenPercentBudget() {
    ScalingSimulation sim = eightPodsThenTwo(twoVcpuPool());

    SimulationResult result = sim.run(Duration.ofSeconds(400));

    // 10% of 4, of 3 and of 2 nodes all round up to 1: A at 230 s, B at 240 s (emptiness), C at 250 s
    assertThat(removals(result)).containsExactly(230L, 240L, 250L);
    assertThat(result.sampleAt(245).usdPerHour()).isCloseTo(2 * D2PLS_V6_USD_PER_HOUR, within(1e-9));
    assertThat(result.sampleAt(250).usdPerHour()).isCloseTo(D2PLS_V6_USD_PER_HOUR, within(1e-9));
  }

  @Test
  void shouldMoveThePodsOfAnUnderutilizedNodeAndDeleteItConsolidateAfterTheScaleIn() {
    // 4 pods of 800m: two per node (1600m of 1900m), 2 x Standard_D2pls_v6; LeastAllocated spreads them, and
    // the scale-in to 2 removes the two first by name (same age, all Ready), one from each node
    ScalingSimulation sim = sim(arm("worker", 4, 800), twoVcpuPool());
    sim.at(Duration.ofSeconds(200), s -> s.scale("worker", 2));

    SimulationResult result = sim.run(Duration.ofSeconds(400));

    assertThat(result.summary().peakNodes()).isEqualTo(Map.of("Standard_D2pls_v6", 2));
    assertThat(result.sampleAt(199).usdPerHour()).isCloseTo(2 * D2PLS_V6_USD_PER_HOUR, within(1e-9));
    // each node underutilized from 200 s; at 230 s the first node's one pod fits on the other: deleted, its pod
    // recreated and bound to the other node in the same second; the last node then has nowhere to go
    assertThat(result.events()).filteredOn(e -> e.reason().equals("DisruptionTerminating"))
        .extracting(e -> e.t() + " " + e.message())
        .containsExactly("230 consolidation: its 1 pod(s) fit on the other nodes");
    assertThat(result.sampleAt(230).nodes()).isEqualTo(1);
    assertThat(result.sampleAt(230).pending()).isZero();
    assertThat(result.sampleAt(230).usdPerHour()).isCloseTo(D2PLS_V6_USD_PER_HOUR, within(1e-9));
    assertThat(sim.pods()).hasSize(2).extracting(p -> p.node()).containsOnly(sim.nodeClaims().get(0).nodeName());
  }
}
