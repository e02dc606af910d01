package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.RunReport;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.Step;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
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
        "    read back and verified as far as an API server alone can show.",
        "No controllers run there: KEDA, Karpenter, the scheduler and kubelets do not",
        "act, so nothing scales and checks that need them are reported as not",
        "observable. Ends with a summary."})
final class DemoCommand implements Callable<Integer> {

  /** The kinds checked against pinned CRDs; built-in kinds are parsed into fabric8's typed model instead. */
  private static final Set<String> CRD_GROUPS = Set.of("keda.sh", "karpenter.sh", "karpenter.azure.com");

  @Mixin
  WorkshopOptions workshop;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = workshop.config();
    Workshop demo = Workshops.load(config);
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      out.println("workshop demo: the 'Scaling with KEDA and Karpenter' workshop, without Azure and without a cluster");
      out.println("  Kubernetes API: embedded, " + server.url() + " (fabric8 mock server, CRUD mode, in this process)");
      out.println("  No controllers run here: KEDA, Karpenter, the scheduler and kubelets do not act on what is"
          + " applied,");
      out.println("  so nothing scales and no node appears. Azure steps are a dry run: their az commands are shown.");
      out.println();
      WorkshopContext context = WorkshopContext.withoutControllers(config, server.client()).withProgress(line ->
          out.println(line.startsWith("== ") ? "\n" + line : "  " + line));
      RunReport report = demo.run(context, ProgressStore.inMemory(), null, null);
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
        + report.checks(Verification.Status.NOT_OBSERVABLE) + " not observable without controllers, "
        + report.checks(Verification.Status.FAILED) + " failed");
    out.println(report.succeeded() ? "Demo complete. Against a real cluster: workshop run --kubeconfig FILE"
        : "Demo stopped: see the errors above.");
  }

  private static String group(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }
}
