package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.Violation;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The well-known labels a NodePool may select on, on AKS (Node Auto Provisioning) and on AWS, with their value
 * types and closed value sets (from Karpenter v1.14 and its providers' CRD allow-lists).
 */
public final class Labels {

  private static final Map<String, Label> ALL = new LinkedHashMap<>();

  // Kubernetes and Karpenter core
  public static final Label ARCH = add(Label.text("kubernetes.io/arch", "amd64", "arm64"));
  public static final Label OS = add(Label.text("kubernetes.io/os", "linux", "windows"));
  /** On-demand or spot; AWS also has reserved (capacity reservations). */
  public static final Label CAPACITY_TYPE = add(Label.text("karpenter.sh/capacity-type", "on-demand", "spot",
      "reserved"));
  public static final Label ZONE = add(Label.text("topology.kubernetes.io/zone"));
  public static final Label REGION = add(Label.text("topology.kubernetes.io/region"));
  public static final Label INSTANCE_TYPE = add(Label.text("node.kubernetes.io/instance-type"));
  public static final Label WINDOWS_BUILD = add(Label.text("node.kubernetes.io/windows-build"));

  // karpenter.azure.com: the keys the Azure provider's CRDs allow in its domain
  public static final Label AKS_NODE_CLASS = add(Label.text("karpenter.azure.com/aksnodeclass"));
  public static final Label SKU_NAME = add(Label.text("karpenter.azure.com/sku-name"));
  public static final Label SKU_FAMILY = add(Label.text("karpenter.azure.com/sku-family"));
  public static final Label SKU_SERIES = add(Label.text("karpenter.azure.com/sku-series"));
  public static final Label SKU_VERSION = add(Label.text("karpenter.azure.com/sku-version"));
  public static final Label SKU_CPU = add(Label.integer("karpenter.azure.com/sku-cpu"));
  public static final Label SKU_MEMORY = add(Label.integer("karpenter.azure.com/sku-memory"));
  public static final Label SKU_NETWORKING_ACCELERATED = add(Label.bool("karpenter.azure.com/sku-networking-accelerated"));
  public static final Label SKU_STORAGE_PREMIUM_CAPABLE = add(Label.bool("karpenter.azure.com/sku-storage-premium-capable"));
  public static final Label SKU_STORAGE_ULTRA_SSD = add(Label.bool("karpenter.azure.com/sku-storage-ultra-ssd"));
  public static final Label SKU_STORAGE_EPHEMERAL_OS_MAX_SIZE =
      add(Label.integer("karpenter.azure.com/sku-storage-ephemeralos-maxsize"));
  public static final Label SKU_GPU_NAME = add(Label.text("karpenter.azure.com/sku-gpu-name"));
  public static final Label SKU_GPU_MANUFACTURER = add(Label.text("karpenter.azure.com/sku-gpu-manufacturer",
      "nvidia", "amd"));
  public static final Label SKU_GPU_COUNT = add(Label.integer("karpenter.azure.com/sku-gpu-count"));
  public static final Label PLACEMENT_SCOPE = add(Label.text("karpenter.azure.com/placement-scope", "zonal",
      "regional"));

  // kubernetes.azure.com: the AKS labels the Azure provider's CRDs allow
  public static final Label AKS_MODE = add(Label.text("kubernetes.azure.com/mode", "system", "user"));
  public static final Label AKS_SCALE_SET_PRIORITY = add(Label.text("kubernetes.azure.com/scalesetpriority",
      "regular", "spot"));
  public static final Label AKS_PRIORITY = add(Label.text("kubernetes.azure.com/priority", "regular", "spot"));
  public static final Label AKS_FIPS_ENABLED = add(Label.text("kubernetes.azure.com/fips_enabled", "true"));
  public static final Label AKS_OS_SKU = add(Label.text("kubernetes.azure.com/os-sku", "Ubuntu", "AzureLinux"));
  public static final Label AKS_CLUSTER = add(Label.text("kubernetes.azure.com/cluster"));
  public static final Label AKS_SKU_CPU = add(Label.integer("kubernetes.azure.com/sku-cpu"));
  public static final Label AKS_SKU_MEMORY = add(Label.integer("kubernetes.azure.com/sku-memory"));
  public static final Label AKS_EBPF_DATAPLANE = add(Label.text("kubernetes.azure.com/ebpf-dataplane"));
  public static final Label AKS_EBPF_HOST_ROUTING = add(Label.text("kubernetes.azure.com/ebpf-host-routing"));
  public static final Label AKS_NETWORK_POLICY = add(Label.text("kubernetes.azure.com/network-policy"));
  public static final Label AKS_HOSTED_VM = add(Label.text("kubernetes.azure.com/hostedvm"));

  // karpenter.k8s.aws: the keys the AWS provider's CRDs allow in its domain
  public static final Label EC2_NODE_CLASS = add(Label.text("karpenter.k8s.aws/ec2nodeclass"));
  public static final Label INSTANCE_TENANCY = add(Label.text("karpenter.k8s.aws/instance-tenancy", "default",
      "dedicated"));
  public static final Label CAPACITY_RESERVATION_TYPE = add(Label.text("karpenter.k8s.aws/capacity-reservation-type",
      "default", "capacity-block"));
  public static final Label CAPACITY_RESERVATION_ID = add(Label.text("karpenter.k8s.aws/capacity-reservation-id"));
  public static final Label CAPACITY_RESERVATION_INTERRUPTIBLE =
      add(Label.bool("karpenter.k8s.aws/capacity-reservation-interruptible"));
  public static final Label INSTANCE_ENCRYPTION_IN_TRANSIT_SUPPORTED =
      add(Label.bool("karpenter.k8s.aws/instance-encryption-in-transit-supported"));
  public static final Label INSTANCE_CATEGORY = add(Label.text("karpenter.k8s.aws/instance-category"));
  public static final Label INSTANCE_HYPERVISOR = add(Label.text("karpenter.k8s.aws/instance-hypervisor"));
  public static final Label INSTANCE_FAMILY = add(Label.text("karpenter.k8s.aws/instance-family"));
  public static final Label INSTANCE_GENERATION = add(Label.integer("karpenter.k8s.aws/instance-generation"));
  public static final Label INSTANCE_LOCAL_NVME = add(Label.integer("karpenter.k8s.aws/instance-local-nvme"));
  public static final Label INSTANCE_SIZE = add(Label.text("karpenter.k8s.aws/instance-size"));
  public static final Label INSTANCE_CPU = add(Label.integer("karpenter.k8s.aws/instance-cpu"));
  public static final Label INSTANCE_CPU_MANUFACTURER = add(Label.text("karpenter.k8s.aws/instance-cpu-manufacturer"));
  public static final Label INSTANCE_CPU_SUSTAINED_CLOCK_SPEED_MHZ =
      add(Label.integer("karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz"));
  public static final Label INSTANCE_MEMORY = add(Label.integer("karpenter.k8s.aws/instance-memory"));
  public static final Label INSTANCE_EBS_BANDWIDTH = add(Label.integer("karpenter.k8s.aws/instance-ebs-bandwidth"));
  public static final Label INSTANCE_NETWORK_BANDWIDTH =
      add(Label.integer("karpenter.k8s.aws/instance-network-bandwidth"));
  public static final Label INSTANCE_GPU_NAME = add(Label.text("karpenter.k8s.aws/instance-gpu-name"));
  public static final Label INSTANCE_GPU_MANUFACTURER = add(Label.text("karpenter.k8s.aws/instance-gpu-manufacturer"));
  public static final Label INSTANCE_GPU_COUNT = add(Label.integer("karpenter.k8s.aws/instance-gpu-count"));
  public static final Label INSTANCE_GPU_MEMORY = add(Label.integer("karpenter.k8s.aws/instance-gpu-memory"));
  public static final Label INSTANCE_ACCELERATOR_NAME = add(Label.text("karpenter.k8s.aws/instance-accelerator-name"));
  public static final Label INSTANCE_ACCELERATOR_MANUFACTURER =
      add(Label.text("karpenter.k8s.aws/instance-accelerator-manufacturer"));
  public static final Label INSTANCE_ACCELERATOR_COUNT =
      add(Label.integer("karpenter.k8s.aws/instance-accelerator-count"));
  public static final Label INSTANCE_CAPABILITY_FLEX = add(Label.bool("karpenter.k8s.aws/instance-capability-flex"));
  public static final Label PLACEMENT_GROUP_ID = add(Label.text("karpenter.k8s.aws/placement-group-id"));
  public static final Label PLACEMENT_GROUP_PARTITION =
      add(Label.integer("karpenter.k8s.aws/placement-group-partition"));

  /** Domains whose keys Karpenter reserves: a key there that is not listed above is rejected. */
  static final String[] RESTRICTED_DOMAINS = {"karpenter.azure.com", "kubernetes.azure.com", "karpenter.k8s.aws"};

  private Labels() {
  }

  private static Label add(Label label) {
    ALL.put(label.key(), label);
    return label;
  }

  /** Every label above, in declaration order. */
  public static Collection<Label> all() {
    return Collections.unmodifiableCollection(ALL.values());
  }

  public static Optional<Label> find(String key) {
    return Optional.ofNullable(ALL.get(key));
  }

  /**
   * For each requirement of a NodePool (a JSON tree) whose key is in a domain Karpenter reserves but is not a label it
   * sets there: the key, and the one probably meant ({@code karpenter.azure.com/sku-famly: ... did you mean
   * karpenter.azure.com/sku-family?}), at {@code spec.template.spec.requirements[N].key}.
   */
  public static List<Violation> unknownReservedKeys(JsonNode nodePool) {
    return LabelChecks.requirements(nodePool).stream().filter(v -> v.path().endsWith(".key")).toList();
  }

  /** The restricted domain a key is in ({@code karpenter.azure.com}), or null. */
  static String restrictedDomainOf(String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? key : key.substring(0, slash);
    for (String domain : RESTRICTED_DOMAINS) {
      if (prefix.equals(domain) || prefix.endsWith("." + domain)) {
        return domain;
      }
    }
    return null;
  }
}
