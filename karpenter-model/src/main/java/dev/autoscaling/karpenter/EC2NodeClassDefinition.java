package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClassBuilder;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClassFluent;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.BlockDeviceMappings;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.BlockDeviceMappingsBuilder;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.MetadataOptions;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.blockdevicemappings.Ebs;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.Snapshot;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EC2NodeClass being described: immutable (final fields of immutable values; generated objects are copied in
 * and out), each call returns a new definition. {@link #build()} validates
 * against the pinned AWS CRD (its 54 CEL rules included).
 */
public final class EC2NodeClassDefinition {

  static final EC2NodeClassDefinition EMPTY = new EC2NodeClassDefinition(new Draft());

  // Collections are unmodifiable; the generated objects a caller passes in are kept as snapshots, so changing
  // them afterwards does not change this definition.
  private final String name;
  private final String amiAlias;
  private final String role;
  private final String instanceProfile;
  private final Map<String, String> subnetTags;
  private final List<String> subnetIds;
  private final Map<String, String> securityGroupTags;
  private final List<String> securityGroupIds;
  private final Map<String, String> tags;
  private final String userData;
  private final List<Snapshot<BlockDeviceMappings>> blockDevices;
  private final Snapshot<MetadataOptions> metadataOptions;

  /** The one way state is copied: a draft filled from a definition, changed, and made into a new definition. */
  private static final class Draft {
    String name;
    String amiAlias;
    String role;
    String instanceProfile;
    Map<String, String> subnetTags = Map.of();
    List<String> subnetIds = List.of();
    Map<String, String> securityGroupTags = Map.of();
    List<String> securityGroupIds = List.of();
    Map<String, String> tags = Map.of();
    String userData;
    List<Snapshot<BlockDeviceMappings>> blockDevices = List.of();
    Snapshot<MetadataOptions> metadataOptions;

    Draft() {
    }

    Draft(EC2NodeClassDefinition d) {
      name = d.name;
      amiAlias = d.amiAlias;
      role = d.role;
      instanceProfile = d.instanceProfile;
      subnetTags = d.subnetTags;
      subnetIds = d.subnetIds;
      securityGroupTags = d.securityGroupTags;
      securityGroupIds = d.securityGroupIds;
      tags = d.tags;
      userData = d.userData;
      blockDevices = d.blockDevices;
      metadataOptions = d.metadataOptions;
    }
  }

  private EC2NodeClassDefinition(Draft d) {
    name = d.name;
    amiAlias = d.amiAlias;
    role = d.role;
    instanceProfile = d.instanceProfile;
    subnetTags = d.subnetTags;
    subnetIds = d.subnetIds;
    securityGroupTags = d.securityGroupTags;
    securityGroupIds = d.securityGroupIds;
    tags = d.tags;
    userData = d.userData;
    blockDevices = d.blockDevices;
    metadataOptions = d.metadataOptions;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private EC2NodeClassDefinition with(java.util.function.Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return new EC2NodeClassDefinition(draft);
  }

  private static <T> List<T> plus(List<T> list, List<T> items) {
    List<T> longer = new ArrayList<>(list);
    longer.addAll(items);
    return Collections.unmodifiableList(longer);
  }

  private static Map<String, String> plus(Map<String, String> map, String key, String value) {
    Map<String, String> bigger = new LinkedHashMap<>(map);
    bigger.put(key, value);
    return Collections.unmodifiableMap(bigger);
  }

  public EC2NodeClassDefinition named(String nodeClassName) {
    return with(c -> c.name = nodeClassName);
  }

  /** {@code family@version}, e.g. {@code al2023@v20261120} or {@code bottlerocket@latest}. */
  public EC2NodeClassDefinition amiAlias(String alias) {
    return with(c -> c.amiAlias = alias);
  }

  /** The IAM role Karpenter creates an instance profile for (or use {@link #instanceProfile}). */
  public EC2NodeClassDefinition role(String iamRole) {
    return with(c -> c.role = iamRole);
  }

  public EC2NodeClassDefinition instanceProfile(String profile) {
    return with(c -> c.instanceProfile = profile);
  }

  /** Subnets and security groups tagged {@code karpenter.sh/discovery: <cluster>}, the usual EKS set-up. */
  public EC2NodeClassDefinition discoveredBy(String clusterName) {
    return subnetsTagged("karpenter.sh/discovery", clusterName)
        .securityGroupsTagged("karpenter.sh/discovery", clusterName);
  }

  public EC2NodeClassDefinition subnetsTagged(String key, String value) {
    Map<String, String> more = plus(subnetTags, key, value);
    return with(c -> c.subnetTags = more);
  }

  public EC2NodeClassDefinition subnetIds(String... ids) {
    List<String> more = plus(subnetIds, List.of(ids));
    return with(c -> c.subnetIds = more);
  }

  public EC2NodeClassDefinition securityGroupsTagged(String key, String value) {
    Map<String, String> more = plus(securityGroupTags, key, value);
    return with(c -> c.securityGroupTags = more);
  }

  public EC2NodeClassDefinition securityGroupIds(String... ids) {
    List<String> more = plus(securityGroupIds, List.of(ids));
    return with(c -> c.securityGroupIds = more);
  }

  /** An EC2 tag on the instances. */
  public EC2NodeClassDefinition tag(String key, String value) {
    Map<String, String> more = plus(tags, key, value);
    return with(c -> c.tags = more);
  }

  public EC2NodeClassDefinition userData(String script) {
    return with(c -> c.userData = script);
  }

  /**
   * The root volume: an encrypted gp3 EBS volume of the given size (a Kubernetes quantity, {@code "100Gi"}),
   * deleted with the instance.
   */
  public EC2NodeClassDefinition rootVolume(String deviceName, String size) {
    return blockDevice(new BlockDeviceMappingsBuilder().withDeviceName(deviceName).withRootVolume(true)
        .withNewEbs().withVolumeSize(size).withVolumeType(Ebs.VolumeType.GP3).withEncrypted(true)
        .withDeleteOnTermination(true).endEbs().build());
  }

  /** Any block device mapping, as the generated type. */
  public EC2NodeClassDefinition blockDevice(BlockDeviceMappings mapping) {
    List<Snapshot<BlockDeviceMappings>> more = plus(blockDevices, List.of(Snapshot.of(mapping)));
    return with(c -> c.blockDevices = more);
  }

  /** Instance metadata service settings (IMDSv2 with hop limit 1 is Karpenter's default). */
  public EC2NodeClassDefinition metadataOptions(MetadataOptions options) {
    Snapshot<MetadataOptions> copy = Snapshot.of(options);
    return with(c -> c.metadataOptions = copy);
  }

  /**
   * As described, not validated.
   *
   * @deprecated the unchecked form has one name on every definition: use {@link #buildUnchecked()}
   */
  @Deprecated(forRemoval = false)
  public EC2NodeClass toEC2NodeClass() {
    return buildUnchecked();
  }

  /** As described, not validated: a new object on every call, which the caller may change freely. */
  public EC2NodeClass buildUnchecked() {
    List<BlockDeviceMappings> devices = null;
    if (!blockDevices.isEmpty()) {
      devices = new ArrayList<>(blockDevices.size());
      for (Snapshot<BlockDeviceMappings> device : blockDevices) {
        devices.add(device.get());
      }
    }
    EC2NodeClassFluent<EC2NodeClassBuilder>.SpecNested<EC2NodeClassBuilder> spec = new EC2NodeClassBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec()
        .withRole(role)
        .withInstanceProfile(instanceProfile)
        .withTags(tags.isEmpty() ? null : new LinkedHashMap<>(tags))
        .withUserData(userData)
        .withBlockDeviceMappings(devices)
        .withMetadataOptions(Snapshot.getOrNull(metadataOptions));
    if (amiAlias != null) {
      spec.addNewAmiSelectorTerm().withAlias(amiAlias).endAmiSelectorTerm();
    }
    if (!subnetTags.isEmpty()) {
      spec.addNewSubnetSelectorTerm().withTags(new LinkedHashMap<>(subnetTags)).endSubnetSelectorTerm();
    }
    subnetIds.forEach(id -> spec.addNewSubnetSelectorTerm().withId(id).endSubnetSelectorTerm());
    if (!securityGroupTags.isEmpty()) {
      spec.addNewSecurityGroupSelectorTerm().withTags(new LinkedHashMap<>(securityGroupTags))
          .endSecurityGroupSelectorTerm();
    }
    securityGroupIds.forEach(id -> spec.addNewSecurityGroupSelectorTerm().withId(id).endSecurityGroupSelectorTerm());
    return spec.endSpec().build();
  }

  /** Every violation of the EC2NodeClass as described, errors and warnings, without throwing. */
  public ValidationReport validate() {
    return KarpenterValidation.check(buildUnchecked());
  }

  /**
   * @throws ValidationException listing every violation of the pinned EC2NodeClass CRD
   */
  public EC2NodeClass build() {
    EC2NodeClass nodeClass = buildUnchecked();
    List<Violation> violations = KarpenterValidation.check(nodeClass).violations();
    ValidationException.throwOnErrors("EC2NodeClass " + (name == null ? "<unnamed>" : name), violations);
    return nodeClass;
  }

  /**
   * The validated EC2NodeClass as JSON, as {@code Manifests.toJson(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toJson() {
    return Manifests.toJson(build());
  }

  /**
   * The validated EC2NodeClass as one YAML document, as {@code Manifests.toYaml(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toYaml() {
    return Manifests.toYaml(build());
  }

  /** The EC2NodeClass as described, in words (as {@link EC2NodeClassDescriptions#describe(Object)}). */
  public String describe() {
    return EC2NodeClassDescriptions.describe(buildUnchecked());
  }
}
