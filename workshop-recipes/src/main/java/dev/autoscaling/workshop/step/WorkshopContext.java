package dev.autoscaling.workshop.step;

import dev.autoscaling.workshop.WorkshopConfig;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What steps act on: the configuration, the Kubernetes API (absent in a pure dry run), whether controllers (KEDA,
 * Karpenter, the kubelet, a cloud load balancer) act on that API, and where progress lines go.
 */
public final class WorkshopContext {

  private final WorkshopConfig config;
  private final KubernetesClient kubernetes;
  private final boolean controllersRun;
  private final Consumer<String> progress;

  private WorkshopContext(WorkshopConfig config, KubernetesClient kubernetes, boolean controllersRun,
      Consumer<String> progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.kubernetes = kubernetes;
    this.controllersRun = controllersRun;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** A real cluster: what the steps apply is acted on, so verification waits for the controllers' results. */
  public static WorkshopContext cluster(WorkshopConfig config, KubernetesClient kubernetes) {
    return new WorkshopContext(config, Objects.requireNonNull(kubernetes, "kubernetes"), true, line -> { });
  }

  /**
   * An API server where nothing acts on the objects (the embedded one of {@code workshop demo}): steps apply and
   * read back, and checks that need a controller report {@link Verification.Status#NOT_OBSERVABLE}.
   */
  public static WorkshopContext withoutControllers(WorkshopConfig config, KubernetesClient kubernetes) {
    return new WorkshopContext(config, Objects.requireNonNull(kubernetes, "kubernetes"), false, line -> { });
  }

  public WorkshopContext withProgress(Consumer<String> listener) {
    return new WorkshopContext(config, kubernetes, controllersRun, listener);
  }

  public WorkshopConfig config() {
    return config;
  }

  public Optional<KubernetesClient> kubernetes() {
    return Optional.ofNullable(kubernetes);
  }

  /** The Kubernetes API, for steps that cannot do without it. */
  KubernetesClient requireKubernetes() {
    if (kubernetes == null) {
      throw new IllegalStateException("no Kubernetes API: give a kubeconfig (--kubeconfig) or run `workshop demo`");
    }
    return kubernetes;
  }

  public boolean controllersRun() {
    return controllersRun;
  }

  /** Sends one line to whoever follows the run (the CLI prints it). */
  public void progress(String line) {
    progress.accept(line);
  }
}
