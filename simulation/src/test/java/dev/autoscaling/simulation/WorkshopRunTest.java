package dev.autoscaling.simulation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkshopRunTest {

  private static String text(SimulationResult r) {
    return Stream.of(r.assumptions().stream(), r.timeline().stream().map(SimulationResult.Sample::toText),
            r.events().stream().map(SimulationResult.Event::toText), r.summary().toText().stream())
        .flatMap(s -> s).collect(Collectors.joining("\n")) + "\n";
  }

  @Test
  void shouldGiveTheSameTimelineEveryRun() throws IOException {
    String first = text(WorkshopObjects.workshopRun().run(Duration.ofMinutes(60)));
    String second = text(WorkshopObjects.workshopRun().run(Duration.ofMinutes(60)));
    assertThat(second).isEqualTo(first);
    try (InputStream golden = getClass().getResourceAsStream("workshop-run.txt")) {
      assertThat(first).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldEvictTheStoreFromTheTaintedSystemPoolAndRunItOnNapNodes() {
    ScalingSimulation sim = WorkshopObjects.workshopRun();
    SimulationResult r = sim.run(Duration.ofSeconds(301));
    int evicted = r.events().stream().filter(e -> e.reason().equals("TaintManagerEviction") && e.t() == 300)
        .mapToInt(e -> Integer.parseInt(e.message().split(" ")[1])).sum();
    // the store's 9 workloads at 1 replica, 4 virtual customers and 2 workers: 13 pods, none tolerates it
    assertThat(evicted).isEqualTo(13);
    sim.run(Duration.ofSeconds(400));
    assertThat(sim.pods()).allMatch(p -> p.node() != null && p.node().startsWith("aks-default-"));
  }

  @Test
  void shouldScaleOutConsolidateOntoArmDriftToAzureLinuxAndScaleIn() {
    ScalingSimulation sim = WorkshopObjects.workshopRun();
    SimulationResult r = sim.run(Duration.ofMinutes(60));
    List<String> rescales = r.events().stream().filter(e -> e.reason().equals("SuccessfulRescale"))
        .map(e -> e.message().substring(0, e.message().indexOf(';'))).toList();
    assertThat(rescales).containsExactly("New size: 2", "New size: 3", "New size: 4", "New size: 3",
        "New size: 2", "New size: 1");
    // the arm pool (weight 10) appears at 600 s: its D2pls_v6 ($0.062/h) replaces the D2als_v6 ($0.0804/h)
    assertThat(r.events()).anyMatch(e -> e.t() == 600 && e.reason().equals("Consolidating")
        && e.message().startsWith("consolidation: Standard_D2pls_v6"));
    assertThat(r.events()).anyMatch(e -> e.t() == 900 && e.reason().equals("Drifted"));
    assertThat(sim.nodes()).filteredOn(n -> n.nodePool() != null).singleElement()
        .satisfies(n -> {
          assertThat(n.instanceType()).isEqualTo("Standard_D2pls_v6");
          assertThat(n.osImage()).contains("CBL-Mariner");
          assertThat(n.labels()).containsEntry("kubernetes.io/arch", "arm64")
              .containsEntry("karpenter.sh/nodepool", "arm-nodepool");
        });
    assertThat(r.summary().peakReplicas()).isEqualTo(4);
  }
}
