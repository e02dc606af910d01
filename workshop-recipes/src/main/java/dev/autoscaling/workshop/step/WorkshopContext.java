package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AksManager;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.retry.KubernetesRetries;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What steps act on: the configuration, the Kubernetes API (absent in a pure dry run), whether controllers (KEDA,
 * Karpenter, the kubelet, a cloud load balancer) act on that API, and where progress lines go.
 */
public final class WorkshopContext {

  private final WorkshopConfig config;
  // Shared by the copies withProgress/withAzure make: the environment step may supply the client mid-run.
  private final AtomicReference<KubernetesClient> kubernetes;
  private final boolean controllersRun;
  private final Consumer<String> progress;
  private final AksManager azure;
  private final boolean forceConflicts;
  private final KubernetesRetries retries;

  private WorkshopContext(WorkshopConfig config, AtomicReference<KubernetesClient> kubernetes,
      boolean controllersRun, Consumer<String> progress, AksManager azure) {
    this(config, kubernetes, controllersRun, progress, azure, false, null);
  }

  private WorkshopContext(WorkshopConfig config, AtomicReference<KubernetesClient> kubernetes,
      boolean controllersRun, Consumer<String> progress, AksManager azure, boolean forceConflicts,
      KubernetesRetries retries) {
    this.config = Objects.requireNonNull(config, "config");
    this.kubernetes = kubernetes;
    this.controllersRun = controllersRun;
    this.progress = Objects.requireNonNull(progress, "progress");
    this.azure = azure;
    this.forceConflicts = forceConflicts;
    this.retries = retries;
  }


  /** A real cluster: what the steps apply is acted on, so verification waits for the controllers' results. */
  public static WorkshopContext cluster(WorkshopConfig config, KubernetesClient kubernetes) {
    return new WorkshopContext(config, new AtomicReference<>(Objects.requireNonNull(kubernetes, "kubernetes")), true,
        line -> { }, null);
  }

  /**
   * An API server where nothing acts on the objects (the embedded one of {@code workshop demo}): steps apply and
   * read back, and checks that need a controller report {@link Verification.Status#NOT_OBSERVABLE}.
   */
  public static WorkshopContext withoutControllers(WorkshopConfig config, KubernetesClient kubernetes) {
    return new WorkshopContext(config, new AtomicReference<>(Objects.requireNonNull(kubernetes, "kubernetes")), false,
        line -> { }, null);
  }

  /**
   * A cluster that does not exist yet: the Azure steps create it, and the environment step gives the following
   * steps a client from the cluster's user credentials.
   */
  public static WorkshopContext newCluster(WorkshopConfig config, AksManager azure) {
    return new WorkshopContext(config, new AtomicReference<>(), true, line -> { },
        Objects.requireNonNull(azure, "azure"));
  }

  public WorkshopContext withProgress(Consumer<String> listener) {
    return new WorkshopContext(config, kubernetes, controllersRun, listener, azure, forceConflicts, retries);
  }

  /** The same context, for an API server where no controller acts (checks that need one are not observable). */
  public WorkshopContext assumingNoControllers() {
    return new WorkshopContext(config, kubernetes, false, progress, azure, forceConflicts, retries);
  }

  /** The Azure steps act through this manager instead of being a dry run. */
  public WorkshopContext withAzure(AksManager azure) {
    return new WorkshopContext(config, kubernetes, controllersRun, progress, azure, forceConflicts, retries);
  }

  /**
   * Applies with force: fields other managers own with other values are taken over instead of being refused with
   * {@link ApplyConflictException} ({@code workshop run --force-conflicts}, {@code kubectl apply --server-side
   * --force-conflicts}).
   */
  public WorkshopContext forcingConflicts() {
    return new WorkshopContext(config, kubernetes, controllersRun, progress, azure, true, retries);
  }

  public boolean forceConflicts() {
    return forceConflicts;
  }

  /** The retries of the Kubernetes client ({@link KubernetesRetries#newClient}), counted in the run's report. */
  public WorkshopContext withRetries(KubernetesRetries kubernetesRetries) {
    return new WorkshopContext(config, kubernetes, controllersRun, progress, azure, forceConflicts,
        Objects.requireNonNull(kubernetesRetries, "kubernetesRetries"));
  }

  public Optional<KubernetesRetries> retries() {
    return Optional.ofNullable(retries);
  }

  public Optional<AksManager> azure() {
    return Optional.ofNullable(azure);
  }

  /** Called by the environment step once the cluster's credentials are known, if no client was given. */
  void useKubernetesIfNone(java.util.function.Supplier<KubernetesClient> client) {
    kubernetes.updateAndGet(current -> current != null ? current : client.get());
  }

  public WorkshopConfig config() {
    return config;
  }

  public Optional<KubernetesClient> kubernetes() {
    return Optional.ofNullable(kubernetes.get());
  }

  /** The Kubernetes API, for steps that cannot do without it. */
  KubernetesClient requireKubernetes() {
    KubernetesClient client = kubernetes.get();
    if (client == null) {
      throw new IllegalStateException("no Kubernetes API: give a kubeconfig (--kubeconfig), run the environment"
          + " step first, or run `workshop demo`");
    }
    return client;
  }

  public boolean controllersRun() {
    return controllersRun;
  }

  /** Sends one line to whoever follows the run (the CLI prints it). */
  public void progress(String line) {
    progress.accept(line);
  }
}
