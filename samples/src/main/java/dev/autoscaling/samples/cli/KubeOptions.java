package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.retry.KubernetesRetries;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --kubeconfig}/{@code --context}: the cluster a command talks to, checked to answer before any work. */
final class KubeOptions {

  /** How long the first request may take before the cluster counts as absent (kubectl's --request-timeout). */
  static final int PROBE_TIMEOUT_SECONDS = 3;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current one).")
  String context;

  /** A client of the cluster, which answered a first request: an absent cluster fails here, in seconds. */
  KubernetesClient connect() {
    return connect(null);
  }

  /**
   * The same, retrying as {@code retries} says once the cluster answered (the first request is not retried: a
   * wrong kubeconfig fails at once).
   */
  KubernetesClient connect(KubernetesRetries retries) {
    Config config = config();
    // The probe neither retries nor waits long: fabric8's defaults (10 s to connect, 10 retries with backoff) made
    // an absent cluster take tens of seconds to say so.
    Config probe = new ConfigBuilder(config).withConnectionTimeout(PROBE_TIMEOUT_SECONDS * 1000)
        .withRequestTimeout(PROBE_TIMEOUT_SECONDS * 1000).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(probe).build()) {
      client.getKubernetesVersion();
    } catch (RuntimeException e) {
      throw new Unavailable("the Kubernetes API at " + config.getMasterUrl() + " does not answer within "
          + PROBE_TIMEOUT_SECONDS + " s (" + rootMessage(e) + "); check --kubeconfig/--context, or try"
          + " `workshop demo`, which needs no cluster");
    }
    if (retries == null) {
      return new KubernetesClientBuilder().withConfig(config).build();
    }
    config.setRequestRetryBackoffLimit(0);
    return retries.newClient(config);
  }

  private Config config() {
    Config config;
    if (kubeconfig != null) {
      if (!Files.isReadable(kubeconfig)) {
        throw new UserError("--kubeconfig " + kubeconfig + ": no such readable file");
      }
      try {
        config = Config.fromKubeconfig(context, kubeconfig.toFile());
      } catch (KubernetesClientException e) {
        throw new UserError("--kubeconfig " + kubeconfig + ": " + rootMessage(e));
      }
    } else {
      config = Config.autoConfigure(context);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new UserError("no Kubernetes cluster configured: give --kubeconfig FILE (and --context NAME), set"
          + " KUBECONFIG, or try `workshop demo`, which needs no cluster");
    }
    return config;
  }

  /**
   * What went wrong, below the wrapper: the innermost cause that says something (timed out, unknown host), else the
   * wrapper's first cause by its type (the JDK's ConnectException of a refused connection has no message).
   */
  static String rootMessage(Throwable e) {
    Throwable named = e.getCause() == null ? e : e.getCause();
    Throwable saying = null;
    for (Throwable cause = named; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getMessage() != null) {
        saying = cause;
      }
    }
    Throwable root = saying != null ? saying : named;
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
