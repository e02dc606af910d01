package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.Step;
import dev.autoscaling.workshop.step.StepOutcome;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code workshop teardown}: removes what the workshop created, last step first, and nothing else. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = {"Removes what the workshop's steps created, last step first: the NodePool and AKSNodeClass,",
        "the scaler objects, the store (and its namespace only if the workshop created it); virtual-customer goes",
        "back to 1 replica. Azure resources are deleted only if this SDK created them. --dry-run lists instead."})
final class TeardownCommand implements Callable<Integer> {

  @ParentCommand
  WorkshopCommand workshop;

  @Mixin
  ProgressFile progressFile;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = workshop.config();
    Workshop recipe = Workshops.load(config);
    if (workshop.dryRun) {
      List<Step> reversed = new ArrayList<>(recipe.steps());
      Collections.reverse(reversed);
      for (Step step : reversed) {
        List<HasMetadata> objects = new ArrayList<>(step.plan().manifests());
        Collections.reverse(objects);
        for (HasMetadata object : objects) {
          out.println("would delete " + object.getKind().toLowerCase(java.util.Locale.ROOT) + "/"
              + object.getMetadata().getName() + (object.getMetadata().getNamespace() == null ? ""
              : " -n " + object.getMetadata().getNamespace()) + " (" + step.id() + ")");
        }
      }
      out.flush();
      return 0;
    }
    try (KubernetesClient client = workshop.kubernetes()) {
      WorkshopContext context = WorkshopContext.cluster(config, client).withProgress(line -> out.println("  " + line));
      List<StepOutcome> outcomes = recipe.teardown(context,
          ProgressStore.file(progressFile.resolve(config)));
      out.println("teardown: " + outcomes.stream().mapToInt(StepOutcome::writes).sum() + " deletions");
      out.flush();
      return 0;
    }
  }
}
