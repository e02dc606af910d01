package dev.autoscaling.workshop;

import dev.autoscaling.aks.AksClusterSpec;
import dev.autoscaling.aks.SystemPoolTaint;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassSpec.ImageFamily;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything a user can choose about the workshop run, with the workshop's own values as defaults. Immutable:
 * each {@code withX} returns a validated copy.
 *
 * <pre>{@code
 * WorkshopConfig config = WorkshopConfig.defaults().withNamespace("shop").withQueueThreshold(20);
 * }</pre>
 */
public final class WorkshopConfig {

  /** Where the workshop downloads the AKS Store: {@code kubectl apply -f <this URL> -n pets}. */
  public static final URI STORE_MANIFEST_URL =
      URI.create("https://raw.githubusercontent.com/Azure-Samples/aks-store-demo/main/aks-store-all-in-one.yaml");

  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern SKU_FAMILY = Pattern.compile("^[A-Z]{1,3}$");

  private String subscription;
  private String resourceGroup = "WorkshopRG";
  private String location = "eastus2";
  private String clusterName = "workshopcluster";
  private String namespace = "pets";
  private String queue = "orders";
  private int queueThreshold = 10;
  private int pollingInterval = 60;
  private int minReplicas = 1;
  private int loadReplicas = 4;
  private String skuFamily = "D";
  private String imageFamily = "AzureLinux";
  private URI storeManifest = STORE_MANIFEST_URL;
  private RabbitMqCredentials rabbitMq = RabbitMqCredentials.workshopDefaults();
  private SystemPoolTaint systemPoolTaint = SystemPoolTaint.noExecuteEvictingRunningPods();
  private String fieldManager = "autoscaling-workshop";
  private Duration timeout = Duration.ofMinutes(10);

  private WorkshopConfig() {
  }

  /** The workshop's values: WorkshopRG in eastus2, cluster workshopcluster, namespace pets, queue orders, ... */
  public static WorkshopConfig defaults() {
    return new WorkshopConfig();
  }

  private WorkshopConfig copy() {
    WorkshopConfig c = new WorkshopConfig();
    c.subscription = subscription;
    c.resourceGroup = resourceGroup;
    c.location = location;
    c.clusterName = clusterName;
    c.namespace = namespace;
    c.queue = queue;
    c.queueThreshold = queueThreshold;
    c.pollingInterval = pollingInterval;
    c.minReplicas = minReplicas;
    c.loadReplicas = loadReplicas;
    c.skuFamily = skuFamily;
    c.imageFamily = imageFamily;
    c.storeManifest = storeManifest;
    c.rabbitMq = rabbitMq;
    c.systemPoolTaint = systemPoolTaint;
    c.fieldManager = fieldManager;
    c.timeout = timeout;
    return c;
  }

  private WorkshopConfig with(UnaryOperator<WorkshopConfig> change) {
    WorkshopConfig next = change.apply(copy());
    next.validate();
    return next;
  }

  private void validate() {
    List<String> problems = new ArrayList<>();
    // The cluster, group and location rules are AksClusterSpec's: one place says what Azure accepts.
    try {
      aksCluster();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!DNS_LABEL.matcher(namespace).matches()) {
      problems.add("namespace '" + namespace + "': a DNS label (lower-case letters, digits and '-', at most 63)");
    }
    if (queue.isBlank()) {
      problems.add("queue: the RabbitMQ queue KEDA reads must not be empty");
    }
    if (queueThreshold < 1) {
      problems.add("queueThreshold " + queueThreshold + ": messages per replica must be at least 1");
    }
    if (pollingInterval < 1) {
      problems.add("pollingInterval " + pollingInterval + ": KEDA polls at least every second; use 1 or more");
    }
    if (minReplicas < 0) {
      problems.add("minReplicas " + minReplicas + ": must be 0 or more");
    }
    if (loadReplicas < 0) {
      problems.add("loadReplicas " + loadReplicas + ": virtual-customer replicas must be 0 or more");
    }
    if (!SKU_FAMILY.matcher(skuFamily).matches()) {
      problems.add("skuFamily '" + skuFamily + "': an Azure VM family letter such as D, E or F (upper case)");
    }
    List<String> families = Arrays.stream(ImageFamily.values()).map(ImageFamily::getValue).toList();
    if (!families.contains(imageFamily)) {
      problems.add("imageFamily '" + imageFamily + "': one of " + String.join(", ", families)
          + " (the AKSNodeClass CRD's enum)");
    }
    if (subscription != null && !subscription.matches("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")) {
      problems.add("subscription '" + subscription + "': a subscription id (a GUID such as"
          + " 00000000-0000-0000-0000-000000000000)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout " + timeout + ": must be positive");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid workshop configuration:\n  " + String.join("\n  ", problems));
    }
  }

  public WorkshopConfig withSubscription(@Nullable String value) {
    return with(c -> { c.subscription = value; return c; });
  }

  public WorkshopConfig withResourceGroup(String value) {
    return with(c -> { c.resourceGroup = Objects.requireNonNull(value, "resourceGroup"); return c; });
  }

  public WorkshopConfig withLocation(String value) {
    return with(c -> { c.location = Objects.requireNonNull(value, "location"); return c; });
  }

  public WorkshopConfig withClusterName(String value) {
    return with(c -> { c.clusterName = Objects.requireNonNull(value, "clusterName"); return c; });
  }

  public WorkshopConfig withNamespace(String value) {
    return with(c -> { c.namespace = Objects.requireNonNull(value, "namespace"); return c; });
  }

  public WorkshopConfig withQueue(String value) {
    return with(c -> { c.queue = Objects.requireNonNull(value, "queue"); return c; });
  }

  /** Messages per virtual-worker replica: the rabbitmq trigger's {@code value}. */
  public WorkshopConfig withQueueThreshold(int value) {
    return with(c -> { c.queueThreshold = value; return c; });
  }

  public WorkshopConfig withPollingInterval(int seconds) {
    return with(c -> { c.pollingInterval = seconds; return c; });
  }

  public WorkshopConfig withMinReplicas(int value) {
    return with(c -> { c.minReplicas = value; return c; });
  }

  /** virtual-customer replicas in the load step ({@code kubectl scale ... --replicas=4}). */
  public WorkshopConfig withLoadReplicas(int value) {
    return with(c -> { c.loadReplicas = value; return c; });
  }

  public WorkshopConfig withSkuFamily(String value) {
    return with(c -> { c.skuFamily = Objects.requireNonNull(value, "skuFamily"); return c; });
  }

  public WorkshopConfig withImageFamily(String value) {
    return with(c -> { c.imageFamily = Objects.requireNonNull(value, "imageFamily"); return c; });
  }

  /** The AKS Store manifest: the workshop's URL by default, or a {@code file:} URI. */
  public WorkshopConfig withStoreManifest(URI value) {
    return with(c -> { c.storeManifest = Objects.requireNonNull(value, "storeManifest"); return c; });
  }

  public WorkshopConfig withRabbitMq(RabbitMqCredentials value) {
    return with(c -> { c.rabbitMq = Objects.requireNonNull(value, "rabbitMq"); return c; });
  }

  /** The system-pool taint; the workshop's is NoExecute, which evicts running pods. */
  public WorkshopConfig withSystemPoolTaint(SystemPoolTaint value) {
    return with(c -> { c.systemPoolTaint = Objects.requireNonNull(value, "systemPoolTaint"); return c; });
  }

  public WorkshopConfig withFieldManager(String value) {
    return with(c -> { c.fieldManager = Objects.requireNonNull(value, "fieldManager"); return c; });
  }

  /** How long each step's verification waits for the cluster to reach the expected state. */
  public WorkshopConfig withTimeout(Duration value) {
    return with(c -> { c.timeout = Objects.requireNonNull(value, "timeout"); return c; });
  }

  /** Null until chosen: the CLI's {@code --subscription}, else the Azure SDK's default. */
  public @Nullable String subscription() {
    return subscription;
  }

  public String resourceGroup() {
    return resourceGroup;
  }

  public String location() {
    return location;
  }

  public String clusterName() {
    return clusterName;
  }

  public String namespace() {
    return namespace;
  }

  public String queue() {
    return queue;
  }

  public int queueThreshold() {
    return queueThreshold;
  }

  public int pollingInterval() {
    return pollingInterval;
  }

  public int minReplicas() {
    return minReplicas;
  }

  public int loadReplicas() {
    return loadReplicas;
  }

  public String skuFamily() {
    return skuFamily;
  }

  public String imageFamily() {
    return imageFamily;
  }

  ImageFamily imageFamilyValue() {
    return Arrays.stream(ImageFamily.values()).filter(f -> f.getValue().equals(imageFamily)).findFirst()
        .orElseThrow();
  }

  public URI storeManifest() {
    return storeManifest;
  }

  public RabbitMqCredentials rabbitMq() {
    return rabbitMq;
  }

  public SystemPoolTaint systemPoolTaint() {
    return systemPoolTaint;
  }

  public String fieldManager() {
    return fieldManager;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The in-cluster address of the store's RabbitMQ management API, which KEDA's scaler calls. */
  public String rabbitMqManagementHost() {
    return "rabbitmq." + namespace + ".svc.cluster.local:15672";
  }

  public AksClusterSpec aksCluster() {
    return AksClusterSpec.of(clusterName, resourceGroup, location);
  }

  @Override
  public String toString() {
    return "WorkshopConfig[subscription=" + subscription + ", resourceGroup=" + resourceGroup + ", location="
        + location + ", cluster=" + clusterName + ", namespace=" + namespace + ", queue=" + queue
        + ", queueThreshold=" + queueThreshold + ", skuFamily=" + skuFamily + ", imageFamily=" + imageFamily
        + ", rabbitMq=" + rabbitMq + ", taint=" + systemPoolTaint + "]";
  }
}
