package dev.autoscaling.samples.cli;

import dev.autoscaling.samples.simulate.WhatIf;
import dev.autoscaling.simulation.LoadProfile;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The what-if {@code workshop demo} runs after the workshop, on the workshop's objects: virtual-worker's pods at
 * 500m CPU, 10 virtual customers from 2 min to 22 min. Worked out by hand: a Standard_D2pls_v6 (the cheapest arm64
 * D size in eastus2, $0.062/h; the arm pool's weight 10 beats NAP's amd64 default) has 1900m allocatable, the
 * store's other pods request 30m at most (20m, and 1m per virtual customer), so a node takes 3 workers (1500m) and
 * no 4th (2000m); the HPA adds workers
 * one at a time (the queue grows by less than 10 per sync), so each 4th, 7th and 10th worker waits for a node of its
 * own: 10 workers, 4 nodes. Before the load: the store and 1 worker on one node; after: the same.
 */
class DemoWhatIfTest {

  private static final double D2PLS_V6 = 0.062;

  @Test
  void shouldLaunchArm64NodesForTheLoadAndGiveThemBackAfterItStops() {
    WorkshopConfig config = Workshops.defaults();
    LoadProfile load = LoadProfile.parse(DemoCommand.WHAT_IF_LOAD);

    WhatIf whatIf = WhatIf.run(SimulateCommand.workshopInputs(config), WorkshopManifests.VIRTUAL_WORKER,
        DemoCommand.WHAT_IF_CPU_MILLI, load, DemoCommand.WHAT_IF_LENGTH,
        Taint.parse(config.systemPoolTaint().asTaintString()), config.location());

    assertThat(whatIf.result().summary().peakReplicas()).isEqualTo(10);
    assertThat(whatIf.peakNodes()).isEqualTo(Map.of("Standard_D2pls_v6", 4));
    assertThat(whatIf.usdPerHourBefore()).isCloseTo(D2PLS_V6, within(1e-9));
    assertThat(whatIf.usdPerHourPeak()).isCloseTo(4 * D2PLS_V6, within(1e-9));
    assertThat(whatIf.usdPerHourAfter()).isCloseTo(D2PLS_V6, within(1e-9));
    // 3 nodes given back, each at a disruption pass (every 10 s), none before the HPA's first scale-in: its
    // default scale-down stabilization holds 10 replicas for 300 s after the load stops, and until then every
    // node is too full to take another's pods
    List<Long> givenBack = whatIf.nodesGivenBack();
    assertThat(givenBack).hasSize(3).allMatch(t -> t % 10 == 0)
        .allMatch(t -> t >= load.lastChange() + 300);
    assertThat(whatIf.lines()).anyMatch(l -> l.contains("Nominated") && l.contains("on Standard_D2pls_v6"))
        .anyMatch(l -> l.contains("nodes given back after the load stopped: 3 at"))
        .anyMatch(l -> l.contains("$0.0620/h before the load, $0.2480/h at the peak, $0.0620/h after"));
  }

  @Test
  void shouldShowTheSameWithTheExampleFolderForSimulateFrom() {
    // the README's example: samples/what-if-consolidation, the same 500m workers on an arm64 pool of its own
    CliRun cli = new CliRun();

    int exit = cli.run("simulate", "--from", "what-if-consolidation", "--load", "0s=1,2m=10,22m=1", "--duration",
        "40m", "--json");

    assertThat(exit).as(cli.err.toString()).isZero();
    List<String> lines = cli.out.toString().lines().toList();
    // 3 workers to a Standard_D2pls_v6, 10 at the peak: 4 nodes
    assertThat(lines.get(lines.size() - 1))
        .contains("\"peakReplicas\":10", "\"Standard_D2pls_v6\":{\"peakNodes\":4");
    // the load stops at 1320 s; 3 nodes given back after it, none before the HPA's 300 s stabilization
    assertThat(lines).filteredOn(l -> l.contains("\"reason\":\"DisruptionTerminating\""))
        .extracting(l -> Long.parseLong(l.replaceAll(".*\"t\":(\\d+),.*", "$1")))
        .hasSize(3).allMatch(t -> t >= 1320 + 300);
  }
}
