package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassBuilder;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassSpec;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.ArtifactStreamingBuilder;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.Gpu;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.GpuBuilder;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.Kubelet;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.LinuxOSConfig;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.LocalDNS;
import dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.SecurityBuilder;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AKSNodeClass being described: immutable, each call returns a new definition. {@link #build()} validates
 * against the pinned Azure CRD (schema and CEL rules).
 */
public final class AKSNodeClassDefinition {

  static final AKSNodeClassDefinition EMPTY = new AKSNodeClassDefinition();

  private String name;
  private String description;
  private AKSNodeClassSpec.ImageFamily imageFamily;
  private AKSNodeClassSpec.FipsMode fipsMode;
  private Integer osDiskSizeGB;
  private Integer maxPods;
  private String vnetSubnetId;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private Boolean encryptionAtHost;
  private Boolean artifactStreaming;
  private Gpu.Mode gpuMode;
  private Kubelet kubelet;
  private LinuxOSConfig linuxOSConfig;
  private LocalDNS localDNS;

  private AKSNodeClassDefinition() {
  }

  private AKSNodeClassDefinition copy() {
    AKSNodeClassDefinition c = new AKSNodeClassDefinition();
    c.name = name;
    c.description = description;
    c.imageFamily = imageFamily;
    c.fipsMode = fipsMode;
    c.osDiskSizeGB = osDiskSizeGB;
    c.maxPods = maxPods;
    c.vnetSubnetId = vnetSubnetId;
    c.tags.putAll(tags);
    c.encryptionAtHost = encryptionAtHost;
    c.artifactStreaming = artifactStreaming;
    c.gpuMode = gpuMode;
    c.kubelet = kubelet;
    c.linuxOSConfig = linuxOSConfig;
    c.localDNS = localDNS;
    return c;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private AKSNodeClassDefinition with(java.util.function.Consumer<AKSNodeClassDefinition> change) {
    AKSNodeClassDefinition c = copy();
    change.accept(c);
    return c;
  }

  public AKSNodeClassDefinition named(String nodeClassName) {
    return with(c -> c.name = nodeClassName);
  }

  /** The {@code kubernetes.io/description} annotation. */
  public AKSNodeClassDefinition description(String text) {
    return with(c -> c.description = text);
  }

  public AKSNodeClassDefinition imageFamily(AKSNodeClassSpec.ImageFamily family) {
    return with(c -> c.imageFamily = family);
  }

  public AKSNodeClassDefinition fipsMode(AKSNodeClassSpec.FipsMode mode) {
    return with(c -> c.fipsMode = mode);
  }

  public AKSNodeClassDefinition osDiskSizeGB(int gigabytes) {
    return with(c -> c.osDiskSizeGB = gigabytes);
  }

  public AKSNodeClassDefinition maxPods(int pods) {
    return with(c -> c.maxPods = pods);
  }

  /** The subnet's ARM resource id. */
  public AKSNodeClassDefinition vnetSubnetId(String resourceId) {
    return with(c -> c.vnetSubnetId = resourceId);
  }

  /** An Azure tag on the VMs. */
  public AKSNodeClassDefinition tag(String key, String value) {
    return with(c -> c.tags.put(key, value));
  }

  /** Encrypts the VMs' temporary disks and caches at the host ({@code security.encryptionAtHost}). */
  public AKSNodeClassDefinition encryptionAtHost(boolean enabled) {
    return with(c -> c.encryptionAtHost = enabled);
  }

  /** Lazy image pulls ({@code artifactStreaming.enabled}). */
  public AKSNodeClassDefinition artifactStreaming(boolean enabled) {
    return with(c -> c.artifactStreaming = enabled);
  }

  /** Whether GPU drivers are installed on GPU SKUs ({@code gpu.mode}: Driver or None). */
  public AKSNodeClassDefinition gpuMode(Gpu.Mode mode) {
    return with(c -> c.gpuMode = mode);
  }

  /**
   * Kubelet settings, as the generated type ({@code new KubeletBuilder().withCpuManagerPolicy(...)...build()}):
   * CPU manager and topology policies, image GC thresholds, log rotation, pod PID limit, unsafe sysctls.
   */
  public AKSNodeClassDefinition kubelet(Kubelet settings) {
    return with(c -> c.kubelet = settings);
  }

  /** Kernel settings: sysctls, transparent huge pages, swap file. */
  public AKSNodeClassDefinition linuxOSConfig(LinuxOSConfig settings) {
    return with(c -> c.linuxOSConfig = settings);
  }

  /** The node-local DNS cache and its overrides. */
  public AKSNodeClassDefinition localDNS(LocalDNS settings) {
    return with(c -> c.localDNS = settings);
  }

  /** As described, not validated. */
  public AKSNodeClass toAKSNodeClass() {
    AKSNodeClassBuilder builder = new AKSNodeClassBuilder().withNewMetadata().withName(name).endMetadata();
    AKSNodeClass nodeClass = builder.withNewSpec()
        .withImageFamily(imageFamily)
        .withFipsMode(fipsMode)
        .withOsDiskSizeGB(osDiskSizeGB)
        .withMaxPods(maxPods)
        .withVnetSubnetID(vnetSubnetId)
        .withTags(tags.isEmpty() ? null : new LinkedHashMap<>(tags))
        .withSecurity(encryptionAtHost == null ? null : new SecurityBuilder().withEncryptionAtHost(encryptionAtHost).build())
        .withArtifactStreaming(artifactStreaming == null ? null
            : new ArtifactStreamingBuilder().withEnabled(artifactStreaming).build())
        .withGpu(gpuMode == null ? null : new GpuBuilder().withMode(gpuMode).build())
        .withKubelet(kubelet)
        .withLinuxOSConfig(linuxOSConfig)
        .withLocalDNS(localDNS)
        .endSpec()
        .build();
    if (description != null) {
      nodeClass.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of("kubernetes.io/description", description)));
    }
    return nodeClass;
  }

  /**
   * @throws ValidationException listing every violation of the pinned AKSNodeClass CRD
   */
  public AKSNodeClass build() {
    AKSNodeClass nodeClass = toAKSNodeClass();
    List<Violation> violations = KarpenterCrds.azure().validate(nodeClass).violations();
    ValidationException.throwOnErrors("AKSNodeClass " + (name == null ? "<unnamed>" : name), violations);
    return nodeClass;
  }
}
