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
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.Snapshot;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AKSNodeClass being described: immutable (final fields of immutable values; generated settings objects are
 * copied in and out), each call returns a new definition. {@link #build()} validates
 * against the pinned Azure CRD (schema and CEL rules).
 */
public final class AKSNodeClassDefinition {

  static final AKSNodeClassDefinition EMPTY = new AKSNodeClassDefinition(new Draft());

  private final String name;
  private final String description;
  private final AKSNodeClassSpec.ImageFamily imageFamily;
  private final AKSNodeClassSpec.FipsMode fipsMode;
  private final Integer osDiskSizeGB;
  private final Integer maxPods;
  private final String vnetSubnetId;
  private final Map<String, String> tags; // unmodifiable, in insertion order
  private final Boolean encryptionAtHost;
  private final Boolean artifactStreaming;
  private final Gpu.Mode gpuMode;
  // The generated settings objects are mutable: kept as snapshots, so the caller's object can change afterwards
  // without changing this definition, and each build gets its own copy.
  private final Snapshot<Kubelet> kubelet;
  private final Snapshot<LinuxOSConfig> linuxOSConfig;
  private final Snapshot<LocalDNS> localDNS;

  /** The one way state is copied: a draft filled from a definition, changed, and made into a new definition. */
  private static final class Draft {
    String name;
    String description;
    AKSNodeClassSpec.ImageFamily imageFamily;
    AKSNodeClassSpec.FipsMode fipsMode;
    Integer osDiskSizeGB;
    Integer maxPods;
    String vnetSubnetId;
    Map<String, String> tags = Map.of();
    Boolean encryptionAtHost;
    Boolean artifactStreaming;
    Gpu.Mode gpuMode;
    Snapshot<Kubelet> kubelet;
    Snapshot<LinuxOSConfig> linuxOSConfig;
    Snapshot<LocalDNS> localDNS;

    Draft() {
    }

    Draft(AKSNodeClassDefinition d) {
      name = d.name;
      description = d.description;
      imageFamily = d.imageFamily;
      fipsMode = d.fipsMode;
      osDiskSizeGB = d.osDiskSizeGB;
      maxPods = d.maxPods;
      vnetSubnetId = d.vnetSubnetId;
      tags = d.tags;
      encryptionAtHost = d.encryptionAtHost;
      artifactStreaming = d.artifactStreaming;
      gpuMode = d.gpuMode;
      kubelet = d.kubelet;
      linuxOSConfig = d.linuxOSConfig;
      localDNS = d.localDNS;
    }
  }

  private AKSNodeClassDefinition(Draft d) {
    name = d.name;
    description = d.description;
    imageFamily = d.imageFamily;
    fipsMode = d.fipsMode;
    osDiskSizeGB = d.osDiskSizeGB;
    maxPods = d.maxPods;
    vnetSubnetId = d.vnetSubnetId;
    tags = d.tags;
    encryptionAtHost = d.encryptionAtHost;
    artifactStreaming = d.artifactStreaming;
    gpuMode = d.gpuMode;
    kubelet = d.kubelet;
    linuxOSConfig = d.linuxOSConfig;
    localDNS = d.localDNS;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private AKSNodeClassDefinition with(java.util.function.Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return new AKSNodeClassDefinition(draft);
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
    Map<String, String> more = new LinkedHashMap<>(tags);
    more.put(key, value);
    Map<String, String> frozen = Collections.unmodifiableMap(more);
    return with(c -> c.tags = frozen);
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
    Snapshot<Kubelet> copy = Snapshot.of(settings);
    return with(c -> c.kubelet = copy);
  }

  /** Kernel settings: sysctls, transparent huge pages, swap file. */
  public AKSNodeClassDefinition linuxOSConfig(LinuxOSConfig settings) {
    Snapshot<LinuxOSConfig> copy = Snapshot.of(settings);
    return with(c -> c.linuxOSConfig = copy);
  }

  /** The node-local DNS cache and its overrides. */
  public AKSNodeClassDefinition localDNS(LocalDNS settings) {
    Snapshot<LocalDNS> copy = Snapshot.of(settings);
    return with(c -> c.localDNS = copy);
  }

  /**
   * As described, not validated.
   *
   * @deprecated the unchecked form has one name on every definition: use {@link #buildUnchecked()}
   */
  @Deprecated(forRemoval = false)
  public AKSNodeClass toAKSNodeClass() {
    return buildUnchecked();
  }

  /** As described, not validated: a new object on every call, which the caller may change freely. */
  public AKSNodeClass buildUnchecked() {
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
        .withKubelet(Snapshot.getOrNull(kubelet))
        .withLinuxOSConfig(Snapshot.getOrNull(linuxOSConfig))
        .withLocalDNS(Snapshot.getOrNull(localDNS))
        .endSpec()
        .build();
    if (description != null) {
      nodeClass.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of("kubernetes.io/description", description)));
    }
    return nodeClass;
  }

  /** Every violation of the AKSNodeClass as described, errors and warnings, without throwing. */
  public ValidationReport validate() {
    return KarpenterValidation.check(buildUnchecked());
  }

  /**
   * @throws ValidationException listing every violation of the pinned AKSNodeClass CRD
   */
  public AKSNodeClass build() {
    AKSNodeClass nodeClass = buildUnchecked();
    List<Violation> violations = KarpenterValidation.check(nodeClass).violations();
    ValidationException.throwOnErrors("AKSNodeClass " + (name == null ? "<unnamed>" : name), violations);
    return nodeClass;
  }

  /**
   * The validated AKSNodeClass as JSON, as {@code Manifests.toJson(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toJson() {
    return Manifests.toJson(build());
  }

  /**
   * The validated AKSNodeClass as one YAML document, as {@code Manifests.toYaml(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toYaml() {
    return Manifests.toYaml(build());
  }

  /** The AKSNodeClass as described, in words (as {@link AKSNodeClassDescriptions#describe(Object)}). */
  public String describe() {
    return AKSNodeClassDescriptions.describe(buildUnchecked());
  }
}
