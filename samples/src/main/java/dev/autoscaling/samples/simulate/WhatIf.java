package dev.autoscaling.samples.simulate;

import dev.autoscaling.simulation.LoadProfile;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.simulation.karpenter.InstanceType;
import dev.autoscaling.simulation.karpenter.Pool;
import dev.autoscaling.simulation.workload.StoreWorkload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A capacity what-if in virtual time: the objects a cluster holds (or a folder's), one workload's CPU request
 * changed, a load, and what KEDA, the HPA, the scheduler and Karpenter would make of it: replicas, NodeClaims by
 * size, the nodes given back once the load stops, and USD per hour before, at the peak and after.
 *
 * <p>{@code workshop demo} runs it after the workshop, because the store's own pods request 1m CPU each: the
 * whole store fits on one node at any load, so the workshop's run never has a node to give back.
 */
public final class WhatIf {

  /** The load reasons the report shows; the rest (launch steps, the start's evictions) only add length. */
  private static final Set<String> SHOWN = Set.of("Scaled", "SuccessfulRescale", "Nominated", "Initialized",
      "Consolidating", "DisruptionTerminating", "Drifted", "FailedScheduling");

  private final String workload;
  private final long cpuMilli;
  private final LoadProfile load;
  private final ScalingSimulation sim;
  private final SimulationResult result;

  private WhatIf(String workload, long cpuMilli, LoadProfile load, ScalingSimulation sim, SimulationResult result) {
    this.workload = workload;
    this.cpuMilli = cpuMilli;
    this.load = load;
    this.sim = sim;
    this.result = result;
  }

  /**
   * Runs the inputs with {@code workload}'s pods requesting {@code cpuMilli} each, under {@code load}
   * ({@code virtual-customer} replicas; the store's order rates), for {@code length} of virtual time, the AKS
   * system pool tainted with {@code systemTaint} from the start.
   */
  public static WhatIf run(SimulationInputs inputs, String workload, long cpuMilli, LoadProfile load,
      Duration length, Taint systemTaint, String region) {
    ScalingSimulation sim = inputs.withCpuRequest(workload, cpuMilli).simulation(region);
    sim.rates(StoreWorkload.CUSTOMER, StoreWorkload.ORDERS_PER_HOUR / 3600, workload,
        StoreWorkload.ORDERS_PER_HOUR / 3600);
    sim.taintSystemPool(systemTaint);
    sim.load(load);
    return new WhatIf(workload, cpuMilli, load, sim, sim.run(length));
  }

  public SimulationResult result() {
    return result;
  }

  /** The NodeClaims per size at the peak (their most at once). */
  public Map<String, Integer> peakNodes() {
    return result.summary().peakNodes();
  }

  /** USD per hour of Karpenter's nodes just before the load first rises. */
  public double usdPerHourBefore() {
    return result.sampleAt(firstRise() - 1).usdPerHour();
  }

  public double usdPerHourPeak() {
    return result.timeline().stream().mapToDouble(SimulationResult.Sample::usdPerHour).max().orElse(0);
  }

  /** USD per hour of Karpenter's nodes at the end of the run. */
  public double usdPerHourAfter() {
    return result.timeline().get(result.timeline().size() - 1).usdPerHour();
  }

  /** The times (virtual seconds) Karpenter deleted or replaced a node after the load's last change. */
  public List<Long> nodesGivenBack() {
    return result.events().stream().filter(e -> e.reason().equals("DisruptionTerminating")
        && e.t() >= load.lastChange()).map(SimulationResult.Event::t).toList();
  }

  /** What the demo prints: the question, the controllers' events, the answer in figures. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (SimulationResult.Event e : result.events()) {
      if (SHOWN.contains(e.reason())) {
        lines.add(String.format(Locale.ROOT, "%s  %-10s %-22s %s: %s", clock(e.t()), e.source(), e.reason(),
            e.object(), e.message()));
      }
    }
    Map<String, String> sizes = new TreeMap<>();
    for (InstanceType type : sim.karpenter().catalogue()) {
      if (peakNodes().containsKey(type.name())) {
        sizes.put(type.name(), peakNodes().get(type.name()) + " x " + type.name() + " (" + type.arch() + ", "
            + type.vcpus() + " vCPU, $" + type.usdPerHour() + "/h)");
      }
    }
    SimulationResult.Summary summary = result.summary();
    lines.add("answer: peak " + summary.peakReplicas() + " " + workload + " replicas (" + cpuMilli + "m CPU each) on "
        + (sizes.isEmpty() ? "no new node" : String.join(" + ", sizes.values())));
    lines.add(String.format(Locale.ROOT, "  Karpenter's nodes: $%.4f/h before the load, $%.4f/h at the peak,"
        + " $%.4f/h after the load stopped at %s", usdPerHourBefore(), usdPerHourPeak(), usdPerHourAfter(),
        clock(load.lastChange())));
    List<String> given = nodesGivenBack().stream().map(WhatIf::clock).toList();
    lines.add("  nodes given back after the load stopped: " + given.size() + (given.isEmpty() ? "" : " at "
        + String.join(", ", given)) + "; " + policies());
    lines.add("  queue drained " + (summary.drainSeconds() == null ? "never" : clock(summary.drainSeconds())
        + " after the load stopped") + String.format(Locale.ROOT, "; Karpenter's nodes cost $%.4f over %s",
        summary.totalUsd(), clock(summary.seconds())));
    return lines;
  }

  private String policies() {
    List<String> text = new ArrayList<>();
    for (Pool pool : sim.karpenter().pools().values()) {
      if (result.events().stream().anyMatch(e -> e.reason().equals("Nominated")
          && e.message().endsWith("NodePool " + pool.name()))) {
        text.add("NodePool " + pool.name() + ": " + pool.consolidationPolicy() + ", consolidateAfter "
            + pool.consolidateAfterSeconds() + " s, budget " + String.join(", ", pool.budgets()));
      }
    }
    return String.join("; ", text);
  }

  private long firstRise() {
    double first = load.at(0);
    for (long t = 1; t <= load.lastChange(); t++) {
      if (load.at(t) > first) {
        return t;
      }
    }
    return 1;
  }

  private static String clock(long t) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
  }
}
