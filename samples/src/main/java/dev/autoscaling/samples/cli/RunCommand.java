package dev.autoscaling.samples.cli;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import dev.autoscaling.aks.AksManager;
import dev.autoscaling.workshop.RunReport;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.retry.KubernetesRetries;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code workshop run}: applies and verifies the steps against a real cluster, resumably. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Applies and verifies the workshop's steps against a cluster.",
        "The cluster is the one of --kubeconfig/--context; if it does not answer within",
        "3 s, the run stops at once (exit code 4). Each step is idempotent (server-side",
        "apply); verification waits with watches up to --timeout. Progress is saved",
        "after each step: without --from, a run starts at the first step not yet done.",
        "An apply that would change a field another field manager owns stops the step",
        "and names both (--force-conflicts takes such fields over). Requests the API",
        "server cannot serve (429, 5xx, no connection) are retried with backoff,",
        "--retries times at most, and counted in the summary. With --subscription, the",
        "Azure steps run through the Azure SDK (DefaultAzureCredential); without it",
        "they are a dry run. With --dry-run, prints the plan of those steps instead."})
// Workshop.run/plan/range with String ends on purpose: their errors name this command's --from/--to options.
@SuppressWarnings("deprecation")
final class RunCommand implements Callable<Integer> {

  @Mixin
  KubeOptions kube;

  @Mixin
  WorkshopOptions workshop;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  StepRange steps;

  @Mixin
  ProgressFile progressFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long each step's verification waits for the cluster (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--force-conflicts",
      description = "Take over fields another field manager set to other values (server-side apply with force, as"
          + " kubectl apply --server-side --force-conflicts). Without it, such an apply stops the step and says"
          + " which fields and managers.")
  boolean forceConflicts;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "" + KubernetesRetries.DEFAULT_LIMIT,
      description = "How often a Kubernetes request the API server could not serve (429, 5xx, no connection) is"
          + " retried, with backoff from 250 ms doubling (default: ${DEFAULT-VALUE}).")
  int retries;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = Workshops.checked(() -> workshop.config().withTimeout(java.time.Duration.ofSeconds(timeoutSeconds)));
    if (dryRun.dryRun) {
      Workshop recipe = Workshops.load(config);
      out.print(Workshops.checked(() -> recipe.plan(steps.from, steps.to)));
      out.flush();
      return 0;
    }
    Path file = progressFile.resolve(config);
    ProgressStore progress = ProgressStore.file(file);
    // With --subscription the Azure steps act (DefaultAzureCredential: az login, environment, managed identity);
    // without it they are a dry run and the cluster must already be in the kubeconfig.
    AksManager azure = config.subscription() == null ? null
        : AksManager.authenticate(new AzureProfile(null, config.subscription(), AzureEnvironment.AZURE));
    KubernetesRetries kubernetesRetries = Workshops.checked(() -> KubernetesRetries.of(retries,
        KubernetesRetries.DEFAULT_INTERVAL));
    KubernetesClient client = null;
    try {
      try {
        client = kube.connect(kubernetesRetries);
      } catch (UserError | Unavailable noCluster) {
        if (azure == null) {
          throw noCluster;
        }
        out.println("no cluster in the kubeconfig yet: the environment step creates it and uses its credentials");
      }
      // loaded once the cluster answered: an absent one is named in seconds, before the CRDs are compiled
      Workshop recipe = Workshops.load(config);
      Workshops.checked(() -> recipe.range(steps.from, steps.to));
      WorkshopContext context = client != null ? WorkshopContext.cluster(config, client)
          : WorkshopContext.newCluster(config, azure);
      if (azure != null) {
        context = context.withAzure(azure);
      }
      if (client != null) {
        context = context.withRetries(kubernetesRetries);
      }
      if (forceConflicts) {
        context = context.forcingConflicts();
      }
      context = context.withProgress(line -> out.println(line.startsWith("== ") ? line : "  " + line));
      if (steps.from == null && progress.failed() != null) {
        out.println("resuming at " + progress.failed() + " (progress in " + file + "; --from STEP to choose)");
      }
      RunReport report = recipe.run(context, progress, steps.from, steps.to);
      print(out, report);
      out.flush();
      return report.succeeded() ? 0 : 1;
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  static void print(PrintWriter out, RunReport report) {
    for (StepRun run : report.steps()) {
      if (run.verification() != null) {
        for (Verification.Check check : run.verification().checks()) {
          out.println("  [" + run.step() + "] " + check.status() + " " + check.what() + ": " + check.evidence());
        }
      }
      if (run.error() != null) {
        out.println("  [" + run.step() + "] ERROR " + run.error());
      }
    }
    String retried = KubernetesRetries.describe(report.retries());
    out.println(report.succeeded()
        ? "done: " + report.steps().size() + " steps, " + report.writes() + " writes, " + retried
        : "stopped at " + report.steps().get(report.steps().size() - 1).step() + " after " + report.writes()
            + " writes and " + retried + ": fix it, then run again to resume");
  }
}
