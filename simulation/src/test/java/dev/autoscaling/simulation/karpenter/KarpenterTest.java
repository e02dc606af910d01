package dev.autoscaling.simulation.karpenter;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.WorkshopObjects;
import dev.autoscaling.simulation.workload.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KarpenterTest {

  private static Workload arm(String name, int replicas, long cpuMilli) {
    return new Workload(name, replicas, cpuMilli, 128, Map.of("kubernetes.io/arch", "arm64"), List.of(), List.of());
  }

  private static ScalingSimulation sim(List<Workload> workloads, NodePool... pools) {
    return ScalingSimulation.of(workloads, List.of(), List.of(pools), List.of(ScalingSimulation.napNodeClass(),
        WorkshopObjects.azureLinux()));
  }

  private static NodePool withBudgetAndLimit(String nodes, String cpuLimit) {
    NodePool pool = WorkshopObjects.armNodePool("default");
    var builder = new NodePoolBuilder(pool).editSpec();
    if (nodes != null) {
      builder = builder.editDisruption().addNewBudget().withNodes(nodes).endBudget().endDisruption();
    }
    if (cpuLimit != null) {
      builder = builder.addToLimits("cpu", new IntOrString(cpuLimit));
    }
    return builder.endSpec().build();
  }

  @Test
  void shouldLaunchTheCheapestArm64DSizeThatFits() {
    ScalingSimulation sim = sim(List.of(arm("app", 2, 100)), WorkshopObjects.armNodePool("default"));
    sim.run(Duration.ofSeconds(2));
    // batched: pending from second 1, launched when no new pod came for 1 s
    assertThat(sim.nodeClaims()).hasSize(1);
    // eastus2 in the price table: Standard_D2pls_v6 $0.062/h, the cheapest Arm64 D size (D2ps_v6 $0.0702)
    assertThat(sim.nodeClaims().get(0).type().name()).isEqualTo("Standard_D2pls_v6");
    assertThat(sim.nodeClaims().get(0).type().usdPerHour()).isEqualTo(0.062);
    assertThat(sim.nodeClaims().get(0).nominated()).hasSize(2);
  }

  @Test
  void shouldTakeABiggerSizeWhenThePodDoesNotFitTwoVcpus() {
    // 2 vCPU: 2000m - 60m - 40m kube-reserved = 1900m allocatable; 3000m needs 4 vCPU
    ScalingSimulation sim = sim(List.of(arm("big", 1, 3000)), WorkshopObjects.armNodePool("default"));
    sim.run(Duration.ofSeconds(2));
    assertThat(sim.nodeClaims().get(0).type().name()).isEqualTo("Standard_D4pls_v6");
    assertThat(sim.nodeClaims().get(0).type().allocatableCpuMilli()).isEqualTo(4000 - 60 - 40 - 40);
  }

  @Test
  void shouldLaunchAmd64FromNapsDefaultPool() {
    Workload amd = new Workload("app", 1, 100, 128, Map.of("kubernetes.io/arch", "amd64",
        "karpenter.sh/nodepool", "default"), List.of(), List.of());
    ScalingSimulation sim = sim(List.of(amd), ScalingSimulation.napNodePools().toArray(NodePool[]::new));
    sim.run(Duration.ofSeconds(2));
    // the cheapest amd64 D size in eastus2: Standard_D2als_v6 $0.0804/h
    assertThat(sim.nodeClaims()).extracting(c -> c.type().name()).containsExactly("Standard_D2als_v6");
  }

  @Test
  void shouldRespectTheNodePoolsCpuLimit() {
    // two 1500m pods need two 2 vCPU nodes; limits.cpu 2 allows one
    ScalingSimulation sim = sim(List.of(arm("app", 2, 1500)), withBudgetAndLimit(null, "2"));
    SimulationResult result = sim.run(Duration.ofSeconds(120));
    assertThat(sim.nodeClaims()).hasSize(1);
    assertThat(result.events()).anyMatch(e -> e.reason().equals("FailedScheduling"));
    assertThat(result.timeline().get(result.timeline().size() - 1).pending()).isEqualTo(1);
  }

  @Test
  void shouldFollowTheLifecycleDelays() {
    ScalingSimulation sim = sim(List.of(arm("app", 1, 100)), WorkshopObjects.armNodePool("default"));
    SimulationResult result = sim.run(Duration.ofSeconds(120));
    // nominated at 2 s: Launched +2, Registered +45, Initialized +50
    assertThat(result.events()).filteredOn(e -> e.source().equals("karpenter"))
        .extracting(e -> e.t() + " " + e.reason())
        .containsExactly("2 Nominated", "4 Launched", "47 Registered", "52 Initialized");
  }

  @Test
  void shouldReplaceDriftedNodesOneAtATimeWithABudgetOfOne() {
    // one 1500m pod per D2pls_v6 (1900m allocatable): the second replica, 60 s later, gets its own node
    ScalingSimulation sim = sim(List.of(arm("app", 1, 1500)), withBudgetAndLimit("1", null));
    sim.at(Duration.ofSeconds(60), s -> s.scale("app", 2));
    sim.at(Duration.ofSeconds(200), s -> s.apply(WorkshopObjects.armNodePool("default-azurelinux")));
    SimulationResult result = sim.run(Duration.ofSeconds(400));
    List<Long> drifted = result.events().stream().filter(e -> e.reason().equals("Drifted"))
        .map(SimulationResult.Event::t).toList();
    // the first at the disruption pass of 200 s; the second waits until the first replacement is initialized
    // (200 + 50 s) and the old node gone: the pass of 250 s
    assertThat(drifted).containsExactly(200L, 250L);
    assertThat(sim.nodes()).filteredOn(n -> n.nodePool() != null).hasSize(2)
        .allMatch(n -> n.osImage().contains("CBL-Mariner") && n.instanceType().equals("Standard_D2pls_v6"));
  }

  @Test
  void shouldDeleteAnEmptyNodeOnceConsolidateAfterHasPassed() {
    NodePool pool = new NodePoolBuilder(WorkshopObjects.armNodePool("default")).editSpec().editDisruption()
        .withConsolidateAfter("30s").endDisruption().endSpec().build();
    ScalingSimulation sim = sim(List.of(arm("app", 1, 100)), pool);
    sim.at(Duration.ofSeconds(200), s -> s.scale("app", 0));
    SimulationResult result = sim.run(Duration.ofSeconds(300));
    // empty from 200 s; consolidatable at 230 s, the pass at 230 s deletes it
    assertThat(result.events()).filteredOn(e -> e.reason().equals("DisruptionTerminating"))
        .extracting(SimulationResult.Event::t).containsExactly(230L);
    assertThat(sim.nodeClaims()).isEmpty();
  }
}
