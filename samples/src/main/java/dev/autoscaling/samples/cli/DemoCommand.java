package dev.autoscaling.samples.cli;

import dev.autoscaling.samples.simulate.LiveCluster;
import dev.autoscaling.samples.simulate.SimulationInputs;
import dev.autoscaling.samples.simulate.WhatIf;
import dev.autoscaling.simulation.LoadProfile;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.workshop.RunReport;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.Step;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code workshop demo}: the whole workshop with no Azure account and no cluster. The Kubernetes steps run against
 * an in-process API server; the Azure steps are rendered as a dry run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the whole workshop without Azure and without a cluster.",
        "  - The Azure steps (feature, provider, group, cluster, credentials, taint)",
        "    as a dry run: their az commands.",
        "  - Every Kubernetes step against an embedded API server (fabric8's mock",
        "    server, CRUD mode): each object validated first, applied server-side,",
        "    read back and verified.",
        "KEDA, the HPA, the scheduler, kubelets and Karpenter (NAP) are simulated",
        "in-process on an accelerated clock (dev.autoscaling.simulation): they write",
        "the HPA, Deployment scale, Pods, NodeClaims, Nodes and Events the checks",
        "read. After the last step the load stops and the demo waits for the",
        "scale-in. Then a what-if in virtual time on the objects applied (each",
        "virtual-worker pod requesting 500m CPU, 10 virtual customers for 20",
        "minutes): nodes launched, and given back by consolidation once the load",
        "stops. Ends with a summary."})
// Workshop.run with String ends on purpose: its errors name the CLI's --from/--to options.
@SuppressWarnings("deprecation")
final class DemoCommand implements Callable<Integer> {

  /** The kinds checked against pinned CRDs; built-in kinds are parsed into fabric8's typed model instead. */
  private static final Set<String> CRD_GROUPS = Set.of("keda.sh", "karpenter.sh", "karpenter.azure.com");

  @Mixin
  WorkshopOptions workshop;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Virtual seconds per wall second while the steps run, and while the demo waits for the scale-in. */
  static final double SPEED = 100;
  static final double SCALE_IN_SPEED = 400;

  /** The what-if after the workshop: virtual-worker's CPU request, the load, how long (virtual time). */
  static final long WHAT_IF_CPU_MILLI = 500;
  static final String WHAT_IF_LOAD = "0s=1,2m=10,22m=1";
  static final Duration WHAT_IF_LENGTH = Duration.ofMinutes(40);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = workshop.config();
    Workshop demo = Workshops.load(config);
    try (EmbeddedApiServer server = EmbeddedApiServer.start();
        LiveCluster live = LiveCluster.start(server.client(), config.namespace(), SPEED, line -> {
          synchronized (out) {
            out.println("  " + line);
          }
        })) {
      out.println("workshop demo: the 'Scaling with KEDA and Karpenter' workshop, without Azure and without a cluster");
      out.println("  Kubernetes API: embedded, " + server.url() + " (fabric8 mock server, CRUD mode, in this process)");
      out.println("  Controllers: SIMULATED in this process (KEDA, HPA, scheduler, kubelets, Karpenter/NAP), " + (int) SPEED
          + " virtual seconds per second; lines starting with ~ are their events (virtual seconds). Assumptions:");
      live.assumptions().forEach(a -> out.println("    - " + a));
      out.println("  Azure steps are a dry run: their az commands are shown.");
      out.println();
      Taint systemTaint = Taint.parse(config.systemPoolTaint().asTaintString());
      WorkshopContext context = WorkshopContext.cluster(config, server.client()).withProgress(line -> {
        if (line.startsWith("== nap:")) {
          // what the dry-run az command would do on AKS: the simulated system pool gets the taint
          live.taintSystemPool(systemTaint);
        }
        synchronized (out) {
          out.println(line.startsWith("== ") ? "\n" + line : "  " + line);
        }
      });
      RunReport report = demo.run(context, ProgressStore.inMemory(), null, null);
      if (report.succeeded()) {
        scaleIn(out, live, server, config);
        whatIf(out, server, config);
      }
      for (StepRun run : report.steps()) {
        if (run.verification() != null) {
          for (Verification.Check check : run.verification().checks()) {
            if (check.status() != Verification.Status.PASSED) {
              out.println("  [" + run.step() + "] " + label(check.status()) + " " + check.what() + ": "
                  + check.evidence());
            }
          }
        }
        if (run.error() != null) {
          out.println("  [" + run.step() + "] ERROR " + run.error());
        }
      }
      out.println();
      summary(out, demo, report, server);
      out.flush();
      return report.succeeded() ? 0 : 1;
    }
  }

  /** The load stops (virtual-customer back to 1, as the load step's teardown does); the controllers scale in. */
  private static void scaleIn(PrintWriter out, LiveCluster live, EmbeddedApiServer server, WorkshopConfig config) {
    synchronized (out) {
      out.println();
      out.println("== load stops: deployment/" + WorkshopManifests.VIRTUAL_CUSTOMER + " back to 1 replica; the"
          + " simulated controllers scale in (" + (int) SCALE_IN_SPEED + " virtual seconds per second)");
    }
    server.client().apps().deployments().inNamespace(config.namespace()).withName(WorkshopManifests.VIRTUAL_CUSTOMER)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":1}}");
    live.speed(SCALE_IN_SPEED);
    boolean scaledIn;
    try {
      scaledIn = live.await(sim -> sim.workloads().get(WorkshopManifests.VIRTUAL_WORKER).replicas()
          <= Math.max(1, config.minReplicas()), 20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scaledIn = false;
    }
    String state = live.read(sim -> sim.workloads().get(WorkshopManifests.VIRTUAL_WORKER).replicas() + " "
        + WorkshopManifests.VIRTUAL_WORKER + " replica(s), queue " + (long) sim.queue() + ", NodeClaims "
        + sim.nodeClaims().stream().map(c -> c.name() + " (" + c.type().name() + ")").toList() + " at virtual "
        + sim.now() + " s");
    synchronized (out) {
      out.println("  " + (scaledIn ? "scaled in: " : "not scaled in yet: ") + state);
    }
  }

  /**
   * The consolidation the workshop's own objects cannot show (the store's pods request 1m CPU: it all fits on one
   * node at any load), as a what-if in virtual time on the objects the demo applied, said to be one.
   */
  private static void whatIf(PrintWriter out, EmbeddedApiServer server, WorkshopConfig config) {
    WhatIf whatIf = WhatIf.run(SimulationInputs.fromCluster(server.client(), config.namespace()),
        WorkshopManifests.VIRTUAL_WORKER, WHAT_IF_CPU_MILLI, LoadProfile.parse(WHAT_IF_LOAD), WHAT_IF_LENGTH,
        Taint.parse(config.systemPoolTaint().asTaintString()), config.location());
    synchronized (out) {
      out.println();
      out.println("== what if (a simulation in virtual time, NOT the workshop's objects): each "
          + WorkshopManifests.VIRTUAL_WORKER + " pod requested " + WHAT_IF_CPU_MILLI + "m CPU and 10 virtual"
          + " customers ordered for 20 minutes?");
      out.println("  Why: the store's manifest requests 1m CPU per pod, so the whole store fits on one node at any"
          + " load and the workshop never has a node to give back.");
      out.println("  How: the objects the demo applied, read back from the API server, with only "
          + WorkshopManifests.VIRTUAL_WORKER + "'s CPU request changed; the system pool tainted;");
      out.println("  load " + WorkshopManifests.VIRTUAL_CUSTOMER + " replicas " + WHAT_IF_LOAD + "; "
          + WHAT_IF_LENGTH.toMinutes() + " virtual minutes; nothing is written to the API server.");
      whatIf.lines().forEach(line -> out.println("  " + line));
    }
  }

  private static String label(Verification.Status status) {
    return switch (status) {
      case PASSED -> "ok";
      case FAILED -> "FAILED";
      case NOT_OBSERVABLE -> "not observable here -";
    };
  }

  private static void summary(PrintWriter out, Workshop demo, RunReport report, EmbeddedApiServer server) {
    List<HasMetadata> manifests = demo.steps().stream().flatMap(s -> s.plan().manifests().stream()).toList();
    long crdObjects = manifests.stream().filter(m -> CRD_GROUPS.contains(group(m))).count();
    long azCommands = demo.steps().stream().mapToLong(s -> s.plan().azCommands().size()).sum();
    out.println("Summary");
    out.println("  planned:   " + demo.steps().size() + " steps ("
        + String.join(", ", demo.steps().stream().map(Step::id).toList()) + ")");
    out.println("             " + azCommands + " az commands (dry run), " + manifests.size() + " manifests");
    out.println("  validated: " + crdObjects + " KEDA/Karpenter objects against the pinned CRDs (schema, CEL rules,"
        + " KEDA admission); " + (manifests.size() - crdObjects) + " built-in objects parsed into fabric8's model");
    out.println("  applied:   " + report.writes() + " writes (server-side apply), " + server.creates()
        + " objects created, " + server.requests() + " requests to the embedded API server");
    out.println("  verified:  " + report.checks(Verification.Status.PASSED) + " checks passed, "
        + report.checks(Verification.Status.NOT_OBSERVABLE) + " not observable (Azure dry run), "
        + report.checks(Verification.Status.FAILED) + " failed");
    out.println(report.succeeded() ? "Demo complete. Against a real cluster: workshop run --kubeconfig FILE"
        : "Demo stopped: see the errors above.");
  }

  private static String group(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }
}
