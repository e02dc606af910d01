package dev.autoscaling.aks;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonToken;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.ContainerServiceManagementClient;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.fluent.models.CredentialResultsInner;
import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolMode;
import com.azure.resourcemanager.containerservice.models.ContainerServiceNetworkProfile;
import com.azure.resourcemanager.containerservice.models.CredentialResult;
import com.azure.resourcemanager.containerservice.models.NetworkPlugin;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The workshop's Azure sequence on the Azure SDK for Java: the Node Auto Provisioning preview feature, the resource
 * group, the AKS cluster from an {@link AksClusterSpec}, its kubeconfig, the system pool and its taint, and a
 * teardown that deletes only what this SDK created. Every call is idempotent: what is already in place is left alone.
 *
 * <pre>{@code
 * AksProvisioner aks = AksProvisioner.authenticate(new AzureProfile(AzureEnvironment.AZURE));
 * AksClusterSpec spec = AksClusterSpec.workshop();
 * aks.ensureNodeAutoProvisioningFeature(System.out::println);
 * aks.ensureResourceGroup(spec);
 * aks.createOrUpdateCluster(spec, OnDifference.FAIL, System.out::println);
 * try (KubernetesClient k8s = aks.userCredentials(spec).newClient()) { ... }
 * aks.taintSystemPool(spec, SystemPoolTaint.noSchedule(), System.out::println);
 * }</pre>
 *
 * Long-running calls come twice, as in the Azure management libraries: {@code begin...} returns a
 * {@link SyncPoller}, and the blocking form reports {@link Progress} (state, elapsed time) to a listener. Failures
 * are unchecked {@link AksProvisioningException}s carrying ARM's error code and message; tokens and kubeconfigs are
 * in no log line, {@code toString} or exception message.
 */
public final class AksProvisioner {

  /** The tag on everything this SDK creates; {@link #teardown} deletes nothing without it. */
  public static final String CREATED_BY_TAG = "created-by";
  public static final String CREATED_BY = "dev.autoscaling";
  /** Tells one run's resources from another's. */
  public static final String RUN_ID_TAG = "dev.autoscaling-run-id";

  private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
  private static final Set<String> HALF_CREATED = Set.of("failed", "creating", "canceled");

  private final ContainerServiceManagementClient aks;
  private final ResourceManager resources;
  private final String subscriptionId;
  private final Duration pollInterval;
  private final String runId;
  // Groups that existed, untagged, before ensureResourceGroup looked: never deleted by teardown.
  private final Set<String> preExistingGroups = ConcurrentHashMap.newKeySet();

  private AksProvisioner(ContainerServiceManager manager, AzureProfile profile, Duration pollInterval,
      String runId) {
    this.aks = manager.serviceClient();
    this.resources = ResourceManager.authenticate(manager.httpPipeline(), profile)
        .withSubscription(profile.getSubscriptionId());
    this.subscriptionId = profile.getSubscriptionId();
    this.pollInterval = pollInterval;
    this.runId = runId;
  }

  /** With {@code DefaultAzureCredential} (environment, managed identity, Azure CLI login, ...). */
  public static AksProvisioner authenticate(AzureProfile profile) {
    return configure().authenticate(profile);
  }

  public static AksProvisioner authenticate(TokenCredential credential, AzureProfile profile) {
    return configure().authenticate(credential, profile);
  }

  /** Over a pipeline the caller built (its own authentication, retry and logging policies). */
  public static AksProvisioner authenticate(HttpPipeline pipeline, AzureProfile profile) {
    return configure().authenticate(pipeline, profile);
  }

  public static Configurable configure() {
    return new Configurable();
  }

  /** Options before authentication, as {@code ContainerServiceManager.configure()} has them. */
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

    public AksProvisioner authenticate(AzureProfile profile) {
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

    public AksProvisioner authenticate(TokenCredential credential, AzureProfile profile) {
      requireSubscription(profile);
      ContainerServiceManager.Configurable configurable = ContainerServiceManager.configure()
          .withLogOptions(redacting(logOptions));
      if (httpClient != null) {
        configurable.withHttpClient(httpClient);
      }
      return new AksProvisioner(configurable.authenticate(Objects.requireNonNull(credential, "credential"), profile),
          profile, pollInterval, runId);
    }

    public AksProvisioner authenticate(HttpPipeline pipeline, AzureProfile profile) {
      requireSubscription(profile);
      return new AksProvisioner(ContainerServiceManager.authenticate(pipeline, profile), profile, pollInterval,
          runId);
    }

    private static void requireSubscription(AzureProfile profile) {
      if (profile.getSubscriptionId() == null || profile.getSubscriptionId().isBlank()) {
        throw new IllegalArgumentException("the AzureProfile has no subscription id: pass one, or set"
            + " AZURE_SUBSCRIPTION_ID");
      }
    }

    /** A copy of the caller's options whose response logger never prints a kubeconfig. */
    private static HttpLogOptions redacting(HttpLogOptions options) {
      return new HttpLogOptions()
          .setLogLevel(options.getLogLevel())
          .setAllowedHttpHeaderNames(options.getAllowedHttpHeaderNames())
          .setAllowedQueryParamNames(options.getAllowedQueryParamNames())
          .setRequestLogger(options.getRequestLogger())
          .setResponseLogger(new RedactingResponseLogger(options.getLogLevel()));
    }
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  public String runId() {
    return runId;
  }

  /** The tags this SDK puts on what it creates. */
  static Map<String, String> tags(String runId) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(CREATED_BY_TAG, CREATED_BY);
    tags.put(RUN_ID_TAG, runId);
    return tags;
  }

  /** The whole sequence as data, for a dry run: nothing is sent to Azure. */
  public AksPlan plan(AksClusterSpec spec, SystemPoolTaint taint) {
    return AksPlan.of(subscriptionId, runId, spec, taint);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Feature and provider registration

  /**
   * Registers {@code Microsoft.ContainerService/NodeAutoProvisioningPreview} unless it is Registered, polls until it
   * is, then registers the provider again so that the feature applies. When the feature and the provider were both
   * Registered already, nothing is POSTed.
   */
  public SyncPoller<Progress, FeatureRegistration> beginEnsureNodeAutoProvisioningFeature() {
    String operation = "register feature " + AzCommands.CONTAINER_SERVICE + "/" + AzCommands.NAP_FEATURE;
    long start = System.nanoTime();
    Registration state = new Registration();
    return SyncPoller.createPoller(pollInterval,
        context -> {
          state.feature = featureState(operation);
          if (!registered(state.feature)) {
            state.featureChanged = true;
            state.feature = call(operation, () -> resources.featureClient().getFeatures()
                .register(AzCommands.CONTAINER_SERVICE, AzCommands.NAP_FEATURE).properties().state());
          }
          return advance(operation, state, start, false);
        },
        context -> advance(operation, state, start, true),
        (context, response) -> {
          throw new UnsupportedOperationException("a feature registration cannot be cancelled");
        },
        context -> new FeatureRegistration(state.feature, state.provider, state.providerRegisterSent));
  }

  /** The feature's and the provider's states as they are now: two reads, nothing is registered. */
  public FeatureRegistration nodeAutoProvisioningFeature() {
    String operation = "read feature " + AzCommands.CONTAINER_SERVICE + "/" + AzCommands.NAP_FEATURE;
    return new FeatureRegistration(featureState(operation), providerState(operation), false);
  }

  public FeatureRegistration ensureNodeAutoProvisioningFeature(Consumer<Progress> progress) {
    return await("register feature " + AzCommands.NAP_FEATURE, beginEnsureNodeAutoProvisioningFeature(),
        progress);
  }

  /** Mutable progress of one feature registration; only its poller touches it. */
  private static final class Registration {
    String feature;
    boolean featureChanged;
    String provider;
    boolean providerRegisterSent;
    boolean done;
  }

  /**
   * One step of a feature registration: poll the feature until Registered, then register the provider again (only
   * when the feature was just registered, or the provider is not Registered) and poll it until Registered.
   */
  private PollResponse<Progress> advance(String operation, Registration state, long start, boolean refresh) {
    if (!state.done && refresh && !registered(state.feature)) {
      state.feature = featureState(operation);
    }
    if (!state.done && registered(state.feature)) {
      String providerOperation = "register provider " + AzCommands.CONTAINER_SERVICE;
      if (state.provider == null) {
        state.provider = providerState(providerOperation);
        if (state.featureChanged || !registered(state.provider)) {
          state.providerRegisterSent = true;
          state.provider = call(providerOperation,
              () -> resources.serviceClient().getProviders().register(AzCommands.CONTAINER_SERVICE))
              .registrationState();
        }
      } else if (!registered(state.provider)) {
        state.provider = providerState(providerOperation);
      }
      state.done = registered(state.provider);
    }
    String shown = state.provider == null ? "feature " + state.feature : "provider " + state.provider;
    return new PollResponse<>(state.done ? LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
        : LongRunningOperationStatus.IN_PROGRESS, new Progress(operation, shown, elapsed(start)));
  }

  private static boolean registered(String state) {
    return "Registered".equalsIgnoreCase(state);
  }

  private String featureState(String operation) {
    return call(operation, () -> resources.featureClient().getFeatures()
        .get(AzCommands.CONTAINER_SERVICE, AzCommands.NAP_FEATURE).properties().state());
  }

  private String providerState(String operation) {
    return call(operation, () -> resources.serviceClient().getProviders().get(AzCommands.CONTAINER_SERVICE))
        .registrationState();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Resource group

  /**
   * Creates the group, tagged, if it does not exist. An existing group is left alone; if it does not carry this
   * SDK's tag it is remembered as pre-existing and {@link #teardown} will not delete it.
   */
  public ResourceGroupResult ensureResourceGroup(AksClusterSpec spec) {
    String group = spec.resourceGroup();
    String operation = "create resource group " + group;
    if (call(operation, () -> resources.serviceClient().getResourceGroups().checkExistence(group))) {
      ResourceGroupInner existing = call(operation, () -> resources.serviceClient().getResourceGroups().get(group));
      if (!createdByUs(existing.tags())) {
        preExistingGroups.add(group.toLowerCase(Locale.ROOT));
        return new ResourceGroupResult(group, existing.location(), true, false);
      }
      return new ResourceGroupResult(group, existing.location(), false, false);
    }
    ResourceGroupInner created = call(operation, () -> resources.serviceClient().getResourceGroups()
        .createOrUpdate(group, new ResourceGroupInner().withLocation(spec.location()).withTags(tags(runId))));
    return new ResourceGroupResult(group, created.location(), false, true);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Cluster

  /**
   * Starts creating the cluster, or does nothing (an already completed poller) when it matches the spec.
   *
   * @throws ClusterMismatchException when the cluster differs and {@code onDifference} is FAIL: nothing was sent
   */
  public SyncPoller<PollResult<ManagedClusterInner>, ManagedClusterInner> beginCreateOrUpdateCluster(
      AksClusterSpec spec, OnDifference onDifference) {
    return startCluster(spec, onDifference).poller;
  }

  /** As {@link #beginCreateOrUpdateCluster}, waiting, and saying what was done. */
  public ClusterResult createOrUpdateCluster(AksClusterSpec spec, OnDifference onDifference,
      Consumer<Progress> progress) {
    ClusterStart start = startCluster(spec, onDifference);
    ManagedClusterInner cluster = await(clusterOperation(start.action, spec), start.poller, progress);
    return new ClusterResult(spec.resourceGroup(), spec.name(), start.action,
        cluster == null ? null : cluster.provisioningState());
  }

  /**
   * How an existing cluster differs from the spec, one line per field (KEDA, Node Auto Provisioning mode, network
   * plugin, mode and dataplane, location); empty when it matches.
   */
  public static List<String> differences(AksClusterSpec spec, ManagedClusterInner cluster) {
    List<String> differences = new ArrayList<>();
    boolean keda = cluster.workloadAutoScalerProfile() != null && cluster.workloadAutoScalerProfile().keda() != null
        && Boolean.TRUE.equals(cluster.workloadAutoScalerProfile().keda().enabled());
    if (!keda) {
      differences.add("workloadAutoScalerProfile.keda.enabled: wanted true, found false");
    }
    String nap = cluster.nodeProvisioningProfile() == null || cluster.nodeProvisioningProfile().mode() == null
        ? "Manual" : cluster.nodeProvisioningProfile().mode().toString();
    compare(differences, "nodeProvisioningProfile.mode", spec.nodeProvisioningMode().toString(), nap);
    ContainerServiceNetworkProfile network = cluster.networkProfile();
    compare(differences, "networkProfile.networkPlugin", NetworkPlugin.AZURE.toString(),
        network == null ? null : Objects.toString(network.networkPlugin(), null));
    compare(differences, "networkProfile.networkPluginMode", spec.networkPluginMode().toString(),
        network == null ? null : Objects.toString(network.networkPluginMode(), null));
    compare(differences, "networkProfile.networkDataplane", spec.networkDataplane().toString(),
        network == null ? null : Objects.toString(network.networkDataplane(), null));
    // ARM answers "eastus2" for a cluster created in "East US 2".
    String location = cluster.location() == null ? null : cluster.location().replace(" ", "").toLowerCase(Locale.ROOT);
    compare(differences, "location", spec.location(), location);
    return differences;
  }

  private static void compare(List<String> differences, String field, String wanted, String found) {
    if (!wanted.equalsIgnoreCase(String.valueOf(found))) {
      differences.add(field + ": wanted " + wanted + ", found " + found);
    }
  }

  private record ClusterStart(ClusterResult.Action action,
      SyncPoller<PollResult<ManagedClusterInner>, ManagedClusterInner> poller) {
  }

  private static String clusterOperation(ClusterResult.Action action, AksClusterSpec spec) {
    String verb = switch (action) {
      case CREATED -> "create";
      case RESUMED -> "resume";
      case UPDATED -> "update";
      case UNCHANGED -> "check";
    };
    return verb + " cluster " + spec.resourceGroup() + "/" + spec.name();
  }

  private ClusterStart startCluster(AksClusterSpec spec, OnDifference onDifference) {
    Objects.requireNonNull(onDifference, "onDifference");
    Optional<ManagedClusterInner> existing = cluster(spec);
    ClusterResult.Action action;
    ManagedClusterInner body;
    if (existing.isEmpty()) {
      action = ClusterResult.Action.CREATED;
      body = spec.toManagedCluster().withTags(tags(runId));
    } else if (isHalfCreated(existing.get())) {
      // Same body again: ARM resumes a failed or interrupted create from where it stopped.
      action = ClusterResult.Action.RESUMED;
      body = spec.toManagedCluster().withTags(resumedTags(existing.get().tags()));
    } else {
      List<String> differences = differences(spec, existing.get());
      if (differences.isEmpty()) {
        ManagedClusterInner cluster = existing.get();
        return new ClusterStart(ClusterResult.Action.UNCHANGED, completed(new PollResult<>(cluster), cluster));
      }
      boolean movable = differences.stream().noneMatch(d -> d.startsWith("location"));
      if (onDifference == OnDifference.FAIL || !movable) {
        throw new ClusterMismatchException(clusterOperation(ClusterResult.Action.UNCHANGED, spec)
            + (movable ? "" : " (a cluster cannot move to another location)"), differences);
      }
      action = ClusterResult.Action.UPDATED;
      body = updated(existing.get(), spec);
    }
    String operation = clusterOperation(action, spec);
    SyncPoller<PollResult<ManagedClusterInner>, ManagedClusterInner> poller = call(operation,
        () -> aks.getManagedClusters().beginCreateOrUpdate(spec.resourceGroup(), spec.name(), body));
    return new ClusterStart(action, poller.setPollInterval(pollInterval));
  }

  private static boolean isHalfCreated(ManagedClusterInner cluster) {
    return cluster.provisioningState() != null
        && HALF_CREATED.contains(cluster.provisioningState().toLowerCase(Locale.ROOT));
  }

  /** A resumed cluster keeps its tags (and so its original run id); ours are added only to an untagged one. */
  private Map<String, String> resumedTags(Map<String, String> existing) {
    if (existing == null || existing.isEmpty()) {
      return tags(runId);
    }
    return existing;
  }

  /** The existing cluster with the spec's settings laid over it, so that nothing else it has is dropped. */
  private static ManagedClusterInner updated(ManagedClusterInner existing, AksClusterSpec spec) {
    ManagedClusterInner wanted = spec.toManagedCluster();
    ContainerServiceNetworkProfile network = existing.networkProfile() == null
        ? new ContainerServiceNetworkProfile() : existing.networkProfile();
    return existing
        .withWorkloadAutoScalerProfile(wanted.workloadAutoScalerProfile())
        .withNodeProvisioningProfile(wanted.nodeProvisioningProfile())
        .withNetworkProfile(network
            .withNetworkPlugin(wanted.networkProfile().networkPlugin())
            .withNetworkPluginMode(wanted.networkProfile().networkPluginMode())
            .withNetworkDataplane(wanted.networkProfile().networkDataplane()));
  }

  /** The cluster as ARM has it now, or empty if it does not exist: a read, nothing is changed. */
  public Optional<ManagedClusterInner> cluster(AksClusterSpec spec) {
    try {
      return Optional.of(aks.getManagedClusters().getByResourceGroup(spec.resourceGroup(), spec.name()));
    } catch (ManagementException e) {
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
        return Optional.empty();
      }
      throw failure("get cluster " + spec.resourceGroup() + "/" + spec.name(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Credentials and pools

  /** The user kubeconfig ({@code az aks get-credentials}), in memory. */
  public AksCredentials userCredentials(AksClusterSpec spec) {
    String cluster = spec.resourceGroup() + "/" + spec.name();
    CredentialResultsInner results = call("get credentials of " + cluster,
        () -> aks.getManagedClusters().listClusterUserCredentials(spec.resourceGroup(), spec.name()));
    List<CredentialResult> kubeconfigs = results.kubeconfigs();
    if (kubeconfigs == null || kubeconfigs.isEmpty() || kubeconfigs.get(0).value() == null) {
      throw new AksProvisioningException("get credentials of " + cluster, 0, null, "AKS returned no kubeconfig",
          null);
    }
    return new AksCredentials(cluster, kubeconfigs.get(0).value());
  }

  public List<AgentPoolInner> agentPools(AksClusterSpec spec) {
    return call("list agent pools of " + spec.resourceGroup() + "/" + spec.name(),
        () -> aks.getAgentPools().list(spec.resourceGroup(), spec.name()).stream().toList());
  }

  /** The pool whose mode is System (not the first pool: that is the system pool only on a fresh cluster). */
  public AgentPoolInner systemPool(AksClusterSpec spec) {
    return agentPools(spec).stream().filter(pool -> AgentPoolMode.SYSTEM.equals(pool.mode())).findFirst()
        .orElseThrow(() -> new AksProvisioningException("find the system pool of " + spec.resourceGroup() + "/"
            + spec.name(), 0, null, "the cluster has no pool in mode System", null));
  }

  /**
   * What tainting the system pool would evict. With a client, lists the pods running on the pool's nodes (label
   * {@code kubernetes.azure.com/agentpool=<pool>}) that do not tolerate the taint; DaemonSet pods usually do.
   */
  public EvictionPlan planTaint(AksClusterSpec spec, SystemPoolTaint taint, Optional<KubernetesClient> client) {
    String pool = systemPool(spec).name();
    if (!taint.evictsRunningPods() || client.isEmpty()) {
      return new EvictionPlan(pool, taint.asTaintString(), taint.evictsRunningPods(), client.isPresent(), List.of());
    }
    return new EvictionPlan(pool, taint.asTaintString(), true, true, podsEvicted(client.get(), pool, taint));
  }

  static List<String> podsEvicted(KubernetesClient client, String pool, SystemPoolTaint taint) {
    List<String> evicted = new ArrayList<>();
    for (Node node : client.nodes().withLabel("kubernetes.azure.com/agentpool", pool).list().getItems()) {
      for (Pod pod : client.pods().inAnyNamespace().withField("spec.nodeName", node.getMetadata().getName())
          .list().getItems()) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (!"Succeeded".equals(phase) && !"Failed".equals(phase) && !tolerates(pod, taint)) {
          evicted.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        }
      }
    }
    return evicted;
  }

  /** Kubernetes' matching rule: same key (or an empty key with Exists), Exists or the same value, same or no effect. */
  static boolean tolerates(Pod pod, SystemPoolTaint taint) {
    if (pod.getSpec() == null || pod.getSpec().getTolerations() == null) {
      return false;
    }
    String effect = taint.effect();
    for (Toleration t : pod.getSpec().getTolerations()) {
      boolean exists = "Exists".equals(t.getOperator());
      boolean keyMatches = (t.getKey() == null || t.getKey().isEmpty()) ? exists
          : t.getKey().equals(SystemPoolTaint.KEY);
      boolean valueMatches = exists || SystemPoolTaint.VALUE.equals(t.getValue());
      boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(effect);
      if (keyMatches && valueMatches && effectMatches) {
        return true;
      }
    }
    return false;
  }

  /**
   * Puts the taint on the system pool (GET, replace any other CriticalAddonsOnly taint, keep the rest, PUT); an
   * already completed poller when the taint is there.
   */
  public SyncPoller<PollResult<AgentPoolInner>, AgentPoolInner> beginTaintSystemPool(AksClusterSpec spec,
      SystemPoolTaint taint) {
    return startTaint(spec, taint).poller;
  }

  public TaintResult taintSystemPool(AksClusterSpec spec, SystemPoolTaint taint, Consumer<Progress> progress) {
    TaintStart start = startTaint(spec, taint);
    AgentPoolInner pool = await("taint pool " + start.pool, start.poller, progress);
    return new TaintResult(start.pool, pool.nodeTaints() == null ? List.of() : pool.nodeTaints(), start.changed);
  }

  private record TaintStart(String pool, boolean changed, SyncPoller<PollResult<AgentPoolInner>, AgentPoolInner> poller) {
  }

  private TaintStart startTaint(AksClusterSpec spec, SystemPoolTaint taint) {
    AgentPoolInner pool = systemPool(spec);
    List<String> current = pool.nodeTaints() == null ? List.of() : pool.nodeTaints();
    if (current.contains(taint.asTaintString())) {
      return new TaintStart(pool.name(), false, completed(new PollResult<>(pool), pool));
    }
    List<String> taints = new ArrayList<>();
    for (String existing : current) {
      if (!existing.startsWith(SystemPoolTaint.KEY + "=") && !existing.startsWith(SystemPoolTaint.KEY + ":")) {
        taints.add(existing);
      }
    }
    taints.add(taint.asTaintString());
    String operation = "taint pool " + pool.name();
    SyncPoller<PollResult<AgentPoolInner>, AgentPoolInner> poller = call(operation, () -> aks.getAgentPools()
        .beginCreateOrUpdate(spec.resourceGroup(), spec.name(), pool.name(), pool.withNodeTaints(taints)));
    return new TaintStart(pool.name(), true, poller.setPollInterval(pollInterval));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Teardown

  /**
   * Deletes the cluster and then the resource group, each only if it carries {@code created-by: dev.autoscaling};
   * never a group that existed before {@link #ensureResourceGroup}, nor a group holding a cluster this SDK did not
   * create. The report says what was deleted and, for the rest, why not.
   */
  public TeardownReport teardown(AksClusterSpec spec, Consumer<Progress> progress) {
    List<String> deleted = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String clusterName = "cluster " + spec.resourceGroup() + "/" + spec.name();
    boolean foreignCluster = false;
    Optional<ManagedClusterInner> cluster = cluster(spec);
    if (cluster.isEmpty()) {
      skipped.add(clusterName + ": not found");
    } else if (!createdByUs(cluster.get().tags())) {
      foreignCluster = true;
      skipped.add(clusterName + ": no tag " + CREATED_BY_TAG + "=" + CREATED_BY + ", so not created by this SDK");
    } else {
      String operation = "delete " + clusterName;
      await(operation, call(operation, () -> aks.getManagedClusters().beginDelete(spec.resourceGroup(), spec.name()))
          .setPollInterval(pollInterval), progress);
      deleted.add(clusterName);
    }
    String group = spec.resourceGroup();
    String groupName = "resource group " + group;
    String operation = "delete " + groupName;
    if (preExistingGroups.contains(group.toLowerCase(Locale.ROOT))) {
      skipped.add(groupName + ": it existed before this SDK ensured it");
    } else if (!call(operation, () -> resources.serviceClient().getResourceGroups().checkExistence(group))) {
      skipped.add(groupName + ": not found");
    } else if (!createdByUs(call(operation, () -> resources.serviceClient().getResourceGroups().get(group))
        .tags())) {
      skipped.add(groupName + ": no tag " + CREATED_BY_TAG + "=" + CREATED_BY + ", so not created by this SDK");
    } else if (foreignCluster) {
      skipped.add(groupName + ": it holds a cluster this SDK did not create");
    } else {
      await(operation, call(operation, () -> resources.serviceClient().getResourceGroups().beginDelete(group))
          .setPollInterval(pollInterval), progress);
      deleted.add(groupName);
    }
    return new TeardownReport(deleted, skipped);
  }

  private static boolean createdByUs(Map<String, String> tags) {
    return tags != null && CREATED_BY.equals(tags.get(CREATED_BY_TAG));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Polling and errors

  /**
   * Polls until the operation ends, reporting each state; waits the poll interval, or longer when Azure's
   * Retry-After says so. A failed operation becomes one exception with ARM's code and message.
   */
  private <T, U> U await(String operation, SyncPoller<T, U> poller, Consumer<Progress> progress) {
    long start = System.nanoTime();
    while (true) {
      PollResponse<T> response = call(operation, poller::poll);
      LongRunningOperationStatus status = response.getStatus();
      T value = response.getValue();
      Progress observed = value instanceof Progress p ? p : new Progress(operation, status.toString(), elapsed(start));
      if (progress != null) {
        progress.accept(observed);
      }
      if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
        return call(operation, poller::getFinalResult);
      }
      if (status == LongRunningOperationStatus.FAILED || status == LongRunningOperationStatus.USER_CANCELLED) {
        throw lroFailure(operation, status, value);
      }
      Duration wait = response.getRetryAfter() != null && response.getRetryAfter().compareTo(pollInterval) > 0
          ? response.getRetryAfter() : pollInterval;
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AksProvisioningException(operation, 0, null, "interrupted while waiting", e);
      }
    }
  }

  private static AksProvisioningException lroFailure(String operation, LongRunningOperationStatus status,
      Object value) {
    if (value instanceof PollResult<?> result && result.getError() != null) {
      PollResult.Error error = result.getError();
      ManagementError armError = armError(error.getResponseBody());
      if (armError != null && armError.getCode() != null) {
        return new AksProvisioningException(operation, 0, armError.getCode(), armError.getMessage(), null);
      }
      return new AksProvisioningException(operation, 0, null, error.getMessage(), null);
    }
    return new AksProvisioningException(operation, 0, null, "the operation ended " + status, null);
  }

  /** The {@code error} object of an ARM operation-status or error body. */
  static ManagementError armError(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = JsonProviders.createReader(body)) {
      if (reader.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (reader.nextToken() != JsonToken.END_OBJECT) {
        String field = reader.getFieldName();
        reader.nextToken();
        if ("error".equals(field)) {
          return ManagementError.fromJson(reader);
        }
        reader.skipChildren();
      }
      return null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ManagementException e) {
      throw failure(operation, e);
    }
  }

  /** ARM's code and message only: the exception's own message quotes the whole response body. */
  private static AksProvisioningException failure(String operation, ManagementException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    ManagementError error = e.getValue();
    String code = error == null ? null : error.getCode();
    String message = error == null || error.getMessage() == null ? "no error message" : error.getMessage();
    return new AksProvisioningException(operation, status, code, message, null);
  }

  private static <T, U> SyncPoller<T, U> completed(T value, U result) {
    PollResponse<T> done = new PollResponse<>(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, value);
    return SyncPoller.createPoller(Duration.ofSeconds(1), context -> done, context -> done, (context, r) -> value,
        context -> result);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public String toString() {
    return "AksProvisioner[subscription=" + subscriptionId + ", runId=" + runId + "]";
  }
}
