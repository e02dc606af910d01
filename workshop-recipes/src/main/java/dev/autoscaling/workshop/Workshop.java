package dev.autoscaling.workshop;

import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.retry.KubernetesRetries;
import dev.autoscaling.workshop.step.ArmNodePoolStep;
import dev.autoscaling.workshop.step.AzureLinuxStep;
import dev.autoscaling.workshop.step.DefaultNodePoolsStep;
import dev.autoscaling.workshop.step.EnvironmentStep;
import dev.autoscaling.workshop.step.KedaScalerStep;
import dev.autoscaling.workshop.step.LoadStep;
import dev.autoscaling.workshop.step.PrerequisitesStep;
import dev.autoscaling.workshop.step.Step;
import dev.autoscaling.workshop.step.StepOutcome;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.StoreStep;
import dev.autoscaling.workshop.step.TaintSystemPoolStep;
import dev.autoscaling.workshop.step.Verification;
import dev.autoscaling.workshop.step.WorkshopContext;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reference workshop as composable steps, in its order: prerequisites, environment, store, keda-scaler, load,
 * nap, default-nodepools, arm-nodepool, azure-linux.
 *
 * <pre>{@code
 * Workshop workshop = Workshop.of(WorkshopConfig.defaults());
 * System.out.print(workshop.plan());                        // every az command and manifest, nothing sent
 * RunReport report = workshop.run(WorkshopContext.cluster(config, client), ProgressStore.file(path), Steps.all());
 * }</pre>
 */
public final class Workshop {

  private final WorkshopConfig config;
  private final List<Step> steps;

  private Workshop(WorkshopConfig config, List<Step> steps) {
    this.config = config;
    this.steps = List.copyOf(steps);
  }

  /** The workshop, with the store manifest read from {@link WorkshopConfig#storeManifest()}. */
  public static Workshop of(WorkshopConfig config) {
    return of(config, StoreManifest.read(config.storeManifest()));
  }

  /** The workshop with the store manifest's text already at hand. */
  public static Workshop of(WorkshopConfig config, String storeManifest) {
    return new Workshop(config, List.of(
        new PrerequisitesStep(config),
        new EnvironmentStep(config),
        new StoreStep(config, storeManifest),
        new KedaScalerStep(config),
        new LoadStep(config),
        new TaintSystemPoolStep(config),
        new DefaultNodePoolsStep(),
        new ArmNodePoolStep(config),
        new AzureLinuxStep(config)));
  }

  public WorkshopConfig config() {
    return config;
  }

  public List<Step> steps() {
    return steps;
  }

  public List<String> stepIds() {
    return steps.stream().map(Step::id).toList();
  }

  /** The whole workshop as a dry run: every step's az commands, kubectl commands and validated manifests. */
  public String plan() {
    return plan(Steps.all());
  }

  /** These steps as a dry run. */
  public String plan(Steps which) {
    return render(range(which));
  }

  /**
   * The steps from {@code from} to {@code to} as a dry run.
   *
   * @deprecated null stands for "the first" or "the last" here, and errors name the CLI's options: use
   *     {@link #plan(Steps)}
   */
  @Deprecated(forRemoval = false)
  public String plan(@Nullable String from, @Nullable String to) {
    return render(range(from, to));
  }

  private static String render(List<Step> steps) {
    return steps.stream().map(s -> s.plan().render()).collect(Collectors.joining("\n"));
  }

  /**
   * Applies and verifies these steps, in order. Without a first step ({@link Steps#all()}, {@link Steps#upTo}),
   * starts at the first step the progress store does not have as completed, or at the beginning if all are. Stops
   * at the first step whose apply throws or whose verification fails; the store then remembers it. A Kubernetes API
   * that fails or stops answering fails the step with one line saying so (after the client's retries,
   * {@link WorkshopContext#withRetries}), so that the next run resumes there.
   *
   * @throws IllegalArgumentException naming a step that does not exist, or a first step after the last
   */
  public RunReport run(WorkshopContext context, ProgressStore progress, Steps which) {
    range(which); // the ids are checked before anything runs
    return run(context, progress, which.first().orElse(null), which.last().orElse(null), "from step", "to step");
  }

  /**
   * Applies and verifies the steps from {@code from} to {@code to} (inclusive; null for the ends). Without
   * {@code from}, starts at the first step the progress store does not have as completed, or at the beginning if
   * all are. Stops at the first step whose apply throws or whose verification fails; the store then remembers it.
   * A Kubernetes API that fails or stops answering fails the step with one line saying so (after the client's
   * retries, {@link WorkshopContext#withRetries}), so that the next run resumes there.
   *
   * @deprecated null stands for "the first" or "the last" here, and errors name the CLI's options: use
   *     {@link #run(WorkshopContext, ProgressStore, Steps)}
   */
  @Deprecated(forRemoval = false)
  public RunReport run(WorkshopContext context, ProgressStore progress, @Nullable String from,
      @Nullable String to) {
    return run(context, progress, from, to, "--from", "--to");
  }

  private RunReport run(WorkshopContext context, ProgressStore progress, String from, String to, String fromOption,
      String toOption) {
    String start = from;
    if (start == null) {
      start = steps.stream().map(Step::id).filter(id -> !progress.isCompleted(id)).findFirst().orElse(null);
    }
    Map<String, Integer> retriedBefore = context.retries().map(KubernetesRetries::retried).orElse(Map.of());
    List<StepRun> runs = new ArrayList<>();
    for (Step step : range(start, to, fromOption, toOption)) {
      context.progress("== " + step.id() + ": " + step.title());
      StepOutcome outcome = null;
      Verification verification = null;
      try {
        outcome = step.apply(context);
        verification = step.verify(context);
      } catch (RuntimeException e) {
        progress.markFailed(step.id());
        runs.add(new StepRun(step.id(), outcome, verification, StepFailure.describe(e, step.id(), context)));
        break;
      }
      StepRun run = new StepRun(step.id(), outcome, verification, null);
      runs.add(run);
      if (!run.succeeded()) {
        progress.markFailed(step.id());
        break;
      }
      progress.markCompleted(step.id());
    }
    Map<String, Integer> retried = new TreeMap<>(context.retries().map(KubernetesRetries::retried).orElse(Map.of()));
    retriedBefore.forEach((reason, count) -> retried.computeIfPresent(reason, (r, now) -> now - count));
    retried.values().removeIf(count -> count == 0);
    return new RunReport(runs, retried);
  }

  /** Each step's teardown, last step first; the progress store forgets them. */
  public List<StepOutcome> teardown(WorkshopContext context, ProgressStore progress) {
    List<Step> reversed = new ArrayList<>(steps);
    Collections.reverse(reversed);
    List<StepOutcome> outcomes = new ArrayList<>();
    for (Step step : reversed) {
      outcomes.add(step.teardown(context));
      progress.forget(step.id());
    }
    return outcomes;
  }

  /**
   * These steps, in order.
   *
   * @throws IllegalArgumentException naming a step that does not exist, or a first step after the last
   */
  public List<Step> range(Steps which) {
    return range(which.first().orElse(null), which.last().orElse(null), "from step", "to step");
  }

  /**
   * The steps from {@code from} to {@code to}, both included; null means the first or the last step.
   *
   * @deprecated null stands for "the first" or "the last" here, and errors name the CLI's options: use
   *     {@link #range(Steps)}
   */
  @Deprecated(forRemoval = false)
  public List<Step> range(@Nullable String from, @Nullable String to) {
    return range(from, to, "--from", "--to");
  }

  private List<Step> range(String from, String to, String fromOption, String toOption) {
    int first = from == null ? 0 : indexOf(from, fromOption);
    int last = to == null ? steps.size() - 1 : indexOf(to, toOption);
    if (first > last) {
      throw new IllegalArgumentException(fromOption + " " + from + " comes after " + toOption + " " + to
          + ": the order is " + String.join(", ", stepIds()));
    }
    return steps.subList(first, last + 1);
  }

  private int indexOf(String id, String option) {
    List<String> ids = stepIds();
    int index = ids.indexOf(id);
    if (index < 0) {
      throw new IllegalArgumentException(option + " " + id + ": no such step; the steps are "
          + String.join(", ", ids));
    }
    return index;
  }
}
