package dev.autoscaling.samples.cli;

import dev.autoscaling.samples.simulate.SimulationInputs;
import dev.autoscaling.simulation.LoadProfile;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.simulation.workload.StoreWorkload;
import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code workshop simulate}: what-if capacity and cost, in virtual time, without a cluster. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulates KEDA, HPA, scheduler and Karpenter in virtual time.",
        "How many pods and which nodes a ScaledObject and its NodePools give under a",
        "load, how fast, and what they cost per hour (Azure on-demand prices of the",
        "region). By default the workshop's objects: the AKS Store, its ScaledObject,",
        "NAP's NodePools and the arm64 NodePool on Azure Linux, the system pool",
        "tainted CriticalAddonsOnly=true:NoExecute. Prints every change, the",
        "controllers' events, a plot and a summary."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:simulated", "2:usage error: a load, duration or folder that cannot be read"})
final class SimulateCommand implements Callable<Integer> {

  @Option(names = "--load", paramLabel = "SPEC", defaultValue = "0s=4,30m=1",
      description = {"Points TIME=VALUE (held) or TIME~VALUE (ramped to), comma separated: producer replicas",
          "(virtual-customer), or messages per second with /s. Default: ${DEFAULT-VALUE}"})
  String load;

  @Option(names = "--duration", paramLabel = "D", defaultValue = "1h",
      description = "Virtual time to simulate (90s, 45m, 24h). Default: ${DEFAULT-VALUE}")
  String duration;

  @Option(names = "--from", paramLabel = "DIR",
      description = {"Read Deployments, StatefulSets, ScaledObjects, NodePools and AKSNodeClasses from the .yaml,",
          ".yml and .json files under DIR instead of the workshop's (NAP's own NodePools are added)."})
  Path from;

  @Option(names = "--region", paramLabel = "REGION", description = "Azure region of the prices (default: the"
      + " workshop's location, eastus2).")
  String region;

  @Option(names = "--json", description = "JSON lines: assumptions, samples, events, then the summary.")
  boolean json;

  @CommandLine.Mixin
  NamespaceOption namespace;

  @CommandLine.Mixin
  StoreManifestOption store;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScalingSimulation sim;
    Duration length;
    try {
      length = LoadProfile.duration(duration);
      sim = simulation(LoadProfile.parse(load));
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("workshop simulate: " + e.getMessage());
      return 2;
    }
    SimulationResult result = sim.run(length);
    if (json) {
      result.assumptions().forEach(a -> out.println("{\"type\":\"assumption\",\"text\":" + quote(a) + "}"));
      result.timeline().forEach(s -> out.println(s.toJson()));
      result.events().forEach(e -> out.println(e.toJson()));
      out.println(result.summary().toJson());
    } else {
      out.println("workshop simulate: virtual time, 1 s steps; the controllers are simulated. Assumptions:");
      result.assumptions().forEach(a -> out.println("  - " + a));
      out.println();
      out.println("Timeline (every change)");
      result.timeline().forEach(s -> out.println("  " + s.toText()));
      out.println();
      out.println("Events");
      result.events().forEach(e -> out.println("  " + e.toText()));
      out.println();
      plot(out, result, length.toSeconds());
      out.println();
      out.println("Summary");
      result.summary().toText().forEach(l -> out.println("  " + l));
    }
    out.flush();
    return 0;
  }

  private ScalingSimulation simulation(LoadProfile profile) {
    WorkshopConfig config = store.applyTo(namespace.applyTo(Workshops.defaults()));
    SimulationInputs inputs = from != null ? SimulationInputs.fromFolder(from) : workshopInputs(config);
    ScalingSimulation sim = inputs.simulation(region != null ? region : config.location());
    String consumer = inputs.scaledObjects().isEmpty() ? StoreWorkload.WORKER
        : inputs.scaledObjects().get(0).getSpec().getScaleTargetRef().getName();
    sim.rates(StoreWorkload.CUSTOMER, StoreWorkload.ORDERS_PER_HOUR / 3600, consumer,
        StoreWorkload.ORDERS_PER_HOUR / 3600);
    sim.taintSystemPool(Taint.parse(config.systemPoolTaint().asTaintString()));
    return sim.load(profile);
  }

  /** The workshop's objects once its steps ran: the store, its ScaledObject, the arm64 NodePool on Azure Linux. */
  static SimulationInputs workshopInputs(WorkshopConfig config) {
    List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new ArrayList<>(StoreManifest.objects(
        StoreManifest.read(config.storeManifest()), config.namespace()));
    objects.add(WorkshopManifests.virtualWorkerScaledObject(config));
    objects.add(WorkshopManifests.azureLinuxNodeClass(config));
    objects.add(WorkshopManifests.armNodePool(config, WorkshopManifests.AZURE_LINUX_NODECLASS));
    return SimulationInputs.of(objects);
  }

  /** One row per series, 60 columns over the run, each the series' largest value in its slice. */
  private static void plot(PrintWriter out, SimulationResult result, long seconds) {
    out.println("Plot (each column " + Math.max(1, seconds / 60) + " s; height relative to the row's peak)");
    row(out, "queue", result, seconds, SimulationResult.Sample::queue);
    row(out, "workers", result, seconds, SimulationResult.Sample::desired);
    row(out, "pending", result, seconds, SimulationResult.Sample::pending);
    row(out, "nodes", result, seconds, SimulationResult.Sample::nodes);
    row(out, "USD/h", result, seconds, SimulationResult.Sample::usdPerHour);
  }

  private static void row(PrintWriter out, String name, SimulationResult result, long seconds,
      ToDoubleFunction<SimulationResult.Sample> value) {
    String bars = " ▁▂▃▄▅▆▇█";
    int columns = 60;
    double[] peak = new double[columns];
    List<SimulationResult.Sample> samples = result.timeline();
    for (int c = 0; c < columns; c++) {
      long from = seconds * c / columns;
      long to = seconds * (c + 1) / columns;
      double max = 0;
      for (int i = 0; i < samples.size(); i++) {
        long start = samples.get(i).t();
        long end = i + 1 < samples.size() ? samples.get(i + 1).t() : Long.MAX_VALUE;
        if (start < to && end > from) {
          max = Math.max(max, value.applyAsDouble(samples.get(i)));
        }
      }
      peak[c] = max;
    }
    double top = 0;
    for (double p : peak) {
      top = Math.max(top, p);
    }
    StringBuilder line = new StringBuilder();
    for (double p : peak) {
      line.append(top == 0 ? ' ' : bars.charAt((int) Math.round(p / top * (bars.length() - 1))));
    }
    out.printf(java.util.Locale.ROOT, "  %-8s |%s| peak %s%n", name, line, top == Math.rint(top)
        ? Long.toString((long) top) : String.format(java.util.Locale.ROOT, "%.4f", top));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
