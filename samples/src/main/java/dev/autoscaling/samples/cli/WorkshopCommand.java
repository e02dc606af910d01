package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.retry.KubernetesRetries;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code workshop}: the reference workshop (KEDA + Karpenter on AKS), driven by the SDK. */
@Command(
    name = "workshop",
    mixinStandardHelpOptions = true,
    versionProvider = WorkshopVersion.class,
    description = {"Runs the 'Scaling with KEDA and Karpenter' workshop with the autoscaling SDK.",
        "Start with `workshop demo`: it needs no Azure account and no cluster."},
    subcommands = {DemoCommand.class, PlanCommand.class, RunCommand.class, StatusCommand.class, WatchCommand.class,
        TeardownCommand.class, RenderCommand.class, ValidateCommand.class, SimulateCommand.class,
        CommandLine.HelpCommand.class})
public final class WorkshopCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--dry-run", scope = ScopeType.INHERIT,
      description = "Show what would be done; send nothing to Azure or Kubernetes.")
  boolean dryRun;

  @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Kubeconfig context (default: the current one).")
  String context;

  @Option(names = "--subscription", paramLabel = "ID", scope = ScopeType.INHERIT,
      description = "Azure subscription id (default: the Azure SDK's).")
  String subscription;

  @Option(names = "--resource-group", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Resource group (default: WorkshopRG).")
  String resourceGroup;

  @Option(names = "--location", paramLabel = "REGION", scope = ScopeType.INHERIT,
      description = "Azure region (default: eastus2).")
  String location;

  @Option(names = "--cluster", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "AKS cluster name (default: workshopcluster).")
  String cluster;

  @Option(names = "--namespace", paramLabel = "NS", scope = ScopeType.INHERIT,
      description = "Namespace of the store (default: pets).")
  String namespace;

  @Option(names = "--store-manifest", paramLabel = "FILE|URL", scope = ScopeType.INHERIT,
      description = "The AKS Store manifest (default: the workshop's URL; `demo` uses the copy bundled in the jar).")
  String storeManifest;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    // No subcommand: show what there is, and fail like any usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** The configuration the options describe, the workshop's values where none is given. */
  WorkshopConfig config(URI defaultStoreManifest) {
    return Workshops.checked(() -> buildConfig(defaultStoreManifest));
  }

  private WorkshopConfig buildConfig(URI defaultStoreManifest) {
    WorkshopConfig config = WorkshopConfig.defaults();
    if (subscription != null) {
      config = config.withSubscription(subscription);
    }
    if (resourceGroup != null) {
      config = config.withResourceGroup(resourceGroup);
    }
    if (location != null) {
      config = config.withLocation(location);
    }
    if (cluster != null) {
      config = config.withClusterName(cluster);
    }
    if (namespace != null) {
      config = config.withNamespace(namespace);
    }
    String password = System.getenv("RABBITMQ_PASSWORD");
    if (password != null) {
      config = config.withRabbitMq(RabbitMqCredentials.of(
          System.getenv().getOrDefault("RABBITMQ_USERNAME", "username"), password));
    }
    URI store = storeManifest == null ? defaultStoreManifest
        : storeManifest.matches("^[a-z]+:.*") ? URI.create(storeManifest) : Path.of(storeManifest).toUri();
    return config.withStoreManifest(store);
  }

  WorkshopConfig config() {
    return config(WorkshopConfig.STORE_MANIFEST_URL);
  }

  /**
   * A client of the cluster the kubeconfig names, checked to answer: an unreachable cluster is an error here,
   * not a timeout in the middle of a step.
   */
  KubernetesClient kubernetes() {
    return kubernetes(null);
  }

  /**
   * The same, retrying as {@code retries} says once the cluster answered (the first request is not retried: a
   * wrong kubeconfig fails at once).
   */
  KubernetesClient kubernetes(KubernetesRetries retries) {
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
    if (retries != null) {
      config.setRequestRetryBackoffLimit(0);
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    try {
      client.getKubernetesVersion();
    } catch (RuntimeException e) {
      client.close();
      throw new UserError("the Kubernetes API at " + config.getMasterUrl() + " does not answer ("
          + rootMessage(e) + "); check --kubeconfig/--context, or try `workshop demo`");
    }
    if (retries == null) {
      return client;
    }
    client.close();
    return retries.newClient(config);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** The command line with the workshop's error handling: a message, no stack trace unless --verbose. */
  public static CommandLine commandLine() {
    WorkshopCommand root = new WorkshopCommand();
    CommandLine line = new CommandLine(root);
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("workshop: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (root.verbose) {
        e.printStackTrace(commandLine.getErr());
      } else if (!(e instanceof UserError)) {
        commandLine.getErr().println("(--verbose shows where it came from)");
      }
      return e instanceof UserError ? 2 : 1;
    });
    return line;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
