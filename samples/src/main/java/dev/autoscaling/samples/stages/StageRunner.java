package dev.autoscaling.samples.stages;

import dev.autoscaling.workshop.RunReport;
import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.PrintStream;

/**
 * What each stage's main class does: print the stage's plan, then run it. With {@code --cluster} against the
 * kubeconfig's current cluster; otherwise against an embedded API server, after the steps it builds on.
 */
// Workshop.run/plan with String ends on purpose: their errors name the CLI's --from/--to options.
@SuppressWarnings("deprecation")
final class StageRunner {

  private StageRunner() {
  }

  static RunReport run(String firstStep, String lastStep, String[] args, PrintStream out) {
    WorkshopConfig config = WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED);
    Workshop workshop = Workshop.of(config);
    out.print(workshop.plan(firstStep, lastStep));
    if (args.length > 0 && args[0].equals("--cluster")) {
      try (KubernetesClient client = new KubernetesClientBuilder().build()) {
        return report(workshop.run(WorkshopContext.cluster(config, client).withProgress(out::println),
            ProgressStore.inMemory(), firstStep, lastStep), out);
      }
    }
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      WorkshopContext context = WorkshopContext.withoutControllers(config, server.client());
      // the steps this stage builds on, quietly, then the stage itself
      workshop.run(context, ProgressStore.inMemory(), null, workshop.stepIds().get(
          Math.max(0, workshop.stepIds().indexOf(firstStep) - 1)));
      return report(workshop.run(context.withProgress(out::println), ProgressStore.inMemory(), firstStep, lastStep),
          out);
    }
  }

  private static RunReport report(RunReport report, PrintStream out) {
    out.println(report.succeeded() ? "stage done: " + report.writes() + " writes" : "stage failed: " + report);
    if (!report.succeeded()) {
      throw new IllegalStateException("the stage failed: " + report);
    }
    return report;
  }
}
