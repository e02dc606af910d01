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

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code workshop teardown}: removes what the workshop created, last step first, and nothing else. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = {"Removes what the workshop's steps created, last step first.",
        "The NodePool and AKSNodeClass, the scaler objects, the store (and its",
        "namespace only if the workshop created it); virtual-customer goes back to",
        "1 replica. --dry-run lists each object once, with the steps that apply it."})
final class TeardownCommand implements Callable<Integer> {

  @Mixin
  KubeOptions kube;

  @Mixin
  ClusterNameOption cluster;

  @Mixin
  NamespaceOption namespace;

  @Mixin
  StoreManifestOption store;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  ProgressFile progressFile;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WorkshopConfig config = store.applyTo(namespace.applyTo(cluster.applyTo(Workshops.defaults())));
    if (dryRun.dryRun) {
      Workshop recipe = Workshops.load(config);
      List<Step> reversed = new ArrayList<>(recipe.steps());
      Collections.reverse(reversed);
      // An object two steps apply (arm-nodepool: its own step, then azure-linux moves it to another NodeClass) is
      // deleted once: listed where teardown reaches it first, with every step that applies it.
      Map<String, List<String>> steps = new LinkedHashMap<>();
      for (Step step : reversed) {
        List<HasMetadata> objects = new ArrayList<>(step.plan().manifests());
        Collections.reverse(objects);
        for (HasMetadata object : objects) {
          String target = object.getKind().toLowerCase(Locale.ROOT) + "/" + object.getMetadata().getName()
              + (object.getMetadata().getNamespace() == null ? "" : " -n " + object.getMetadata().getNamespace());
          steps.computeIfAbsent(target, key -> new ArrayList<>()).add(step.id());
        }
      }
      steps.forEach((target, ids) -> out.println("would delete " + target + " (" + String.join(", ", ids) + ")"));
      out.flush();
      return 0;
    }
    try (KubernetesClient client = kube.connect()) {
      Workshop recipe = Workshops.load(config);
      WorkshopContext context = WorkshopContext.cluster(config, client).withProgress(line -> out.println("  " + line));
      List<StepOutcome> outcomes = recipe.teardown(context,
          ProgressStore.file(progressFile.resolve(config)));
      out.println("teardown: " + outcomes.stream().mapToInt(StepOutcome::writes).sum() + " deletions");
      out.flush();
      return 0;
    }
  }
}
