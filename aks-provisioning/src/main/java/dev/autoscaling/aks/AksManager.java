package dev.autoscaling.aks;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.polling.SyncPoller;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.resources.ResourceManager;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The workshop's Azure side, shaped like an Azure management library: a manager, authenticated once, whose parts
 * are {@link #features()} (the Node Auto Provisioning preview feature and its provider), {@link #resourceGroups()},
 * {@link #clusters()} (an AKS cluster from an {@link AksClusterSpec}, its credentials) and {@link #systemPool()}
 * (its taint), and a {@link #teardown} that deletes only what this SDK created. Every call is idempotent: what is
 * already in place is left alone.
 *
 * <pre>{@code
 * AksManager aks = AksManager.authenticate(new DefaultAzureCredentialBuilder().build(), profile);
 * AksClusterSpec spec = AksClusterSpec.workshop();
 * aks.features().ensureNodeAutoProvisioning(System.out::println);
 * aks.resourceGroups().ensure(spec);
 * aks.clusters().createOrUpdate(spec, OnDifference.FAIL, System.out::println);
 * try (KubernetesClient k8s = aks.clusters().userCredentials(spec).newClient()) { ... }
 * aks.systemPool().taint(spec, SystemPoolTaint.noSchedule(), System.out::println);
 * }</pre>
 *
 * Every long-running operation comes twice, as in the Azure management libraries: {@code begin...} returns a
 * {@code SyncPoller<Progress, R>} (the same shape everywhere), and the blocking form waits, reporting each
 * {@link Progress} (state, elapsed time) to a listener, and returns R. Failures are unchecked
 * {@link AksProvisioningException}s carrying ARM's error code and message; tokens and kubeconfigs are in no log
 * line, {@code toString} or exception message.
 */
public final class AksManager {

  /** The tag on everything this SDK creates; nothing without it is deleted. */
  public static final String CREATED_BY_TAG = "created-by";
  public static final String CREATED_BY = "dev.autoscaling";
  /** Tells one run's resources from another's. */
  public static final String RUN_ID_TAG = "dev.autoscaling-run-id";

  private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  private final Arm arm;
  private final Features features;
  private final ResourceGroups resourceGroups;
  private final Clusters clusters;
  private final SystemPool systemPool;

  private AksManager(ContainerServiceManager manager, AzureProfile profile, Duration pollInterval, String runId) {
    ResourceManager resources = ResourceManager.authenticate(manager.httpPipeline(), profile)
        .withSubscription(profile.getSubscriptionId());
    this.arm = new Arm(manager.serviceClient(), resources, profile.getSubscriptionId(), pollInterval, runId);
    this.features = new Features(arm);
    this.resourceGroups = new ResourceGroups(arm);
    this.clusters = new Clusters(arm);
    this.systemPool = new SystemPool(arm);
  }

  /** With {@code DefaultAzureCredential} (environment, managed identity, Azure CLI login, ...). */
  public static AksManager authenticate(AzureProfile profile) {
    return configure().authenticate(profile);
  }

  public static AksManager authenticate(TokenCredential credential, AzureProfile profile) {
    return configure().authenticate(credential, profile);
  }

  /** Over a pipeline the caller built (its own authentication, retry and logging policies). */
  public static AksManager authenticate(HttpPipeline pipeline, AzureProfile profile) {
    return configure().authenticate(pipeline, profile);
  }

  public static Configurable configure() {
    return new Configurable();
  }

  /**
   * Options before authentication. Nested, as {@code ContainerServiceManager.Configurable} is, so that a reader of
   * the Azure SDK finds it where they expect it.
   */
  public static final class Configurable {

    private HttpClient httpClient;
    private HttpLogOptions logOptions = new HttpLogOptions();
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private String runId = UUID.randomUUID().toString();

    private Configurable() {
    }

    /** Default: the JDK HTTP client (azure-core-http-jdk-httpclient); Netty is not on the class path. */
    public Configurable withHttpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * HTTP logging (default: {@code AZURE_HTTP_LOG_DETAIL_LEVEL}). Whatever the level, credential listings are
     * logged without their body, and the Authorization header is redacted.
     */
    public Configurable withLogOptions(HttpLogOptions logOptions) {
      this.logOptions = Objects.requireNonNull(logOptions, "logOptions");
      return this;
    }

    /** How often long-running operations and registrations are polled when Azure sends no Retry-After. */
    public Configurable withPollInterval(Duration pollInterval) {
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** The value of the {@value #RUN_ID_TAG} tag on what this run creates (default: a random UUID). */
    public Configurable withRunId(String runId) {
      if (runId == null || runId.isBlank() || runId.length() > 256) {
        throw new IllegalArgumentException("runId: 1-256 characters");
      }
      this.runId = runId;
      return this;
    }

    public AksManager authenticate(AzureProfile profile) {
      DefaultAzureCredentialBuilder credential = new DefaultAzureCredentialBuilder()
          .authorityHost(profile.getEnvironment().getActiveDirectoryEndpoint());
      if (profile.getTenantId() != null) {
        credential.tenantId(profile.getTenantId());
      }
      if (httpClient != null) {
        credential.httpClient(httpClient);
      }
      return authenticate(credential.build(), profile);
    }

    public AksManager authenticate(TokenCredential credential, AzureProfile profile) {
      requireSubscription(profile);
      ContainerServiceManager.Configurable configurable = ContainerServiceManager.configure()
          .withLogOptions(RedactingResponseLogger.options(logOptions));
      if (httpClient != null) {
        configurable.withHttpClient(httpClient);
      }
      return new AksManager(configurable.authenticate(Objects.requireNonNull(credential, "credential"), profile),
          profile, pollInterval, runId);
    }

    public AksManager authenticate(HttpPipeline pipeline, AzureProfile profile) {
      requireSubscription(profile);
      return new AksManager(ContainerServiceManager.authenticate(pipeline, profile), profile, pollInterval, runId);
    }

    private static void requireSubscription(AzureProfile profile) {
      if (profile.getSubscriptionId() == null || profile.getSubscriptionId().isBlank()) {
        throw new IllegalArgumentException("the AzureProfile has no subscription id: pass one, or set"
            + " AZURE_SUBSCRIPTION_ID");
      }
    }
  }

  public String subscriptionId() {
    return arm.subscriptionId();
  }

  public String runId() {
    return arm.runId();
  }

  /** The subscription's preview feature and resource provider registration. */
  public Features features() {
    return features;
  }

  public ResourceGroups resourceGroups() {
    return resourceGroups;
  }

  public Clusters clusters() {
    return clusters;
  }

  public SystemPool systemPool() {
    return systemPool;
  }

  /** The whole sequence as data, for a dry run: nothing is sent to Azure. */
  public AksPlan plan(AksClusterSpec spec, SystemPoolTaint taint) {
    return AksPlan.of(arm.subscriptionId(), arm.runId(), spec, taint);
  }

  /**
   * Starts deleting the cluster and then the resource group, each only if it carries
   * {@code created-by: dev.autoscaling}; never a group that existed before {@link ResourceGroups#ensure}, nor a
   * group holding a cluster this SDK did not create ({@link Clusters#beginDelete}, then
   * {@link ResourceGroups#beginDelete}). The report says what was deleted and, for the rest, why not.
   */
  public SyncPoller<Progress, TeardownReport> beginTeardown(AksClusterSpec spec) {
    return Pollers.sequence("teardown " + Arm.clusterName(spec), arm.pollInterval(), clusters.beginDelete(spec),
        cluster -> resourceGroups.beginDelete(spec), (cluster, group) -> TeardownReport.of(List.of(cluster, group)));
  }

  /** As {@link #beginTeardown}, waiting, each poll reported to {@code progress}. */
  public TeardownReport teardown(AksClusterSpec spec, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginTeardown(spec), arm.pollInterval(), progress);
  }

  @Override
  public String toString() {
    return "AksManager[subscription=" + arm.subscriptionId() + ", runId=" + arm.runId() + "]";
  }
}
