package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClassBuilder;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClassFluent;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.BlockDeviceMappings;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.BlockDeviceMappingsBuilder;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.MetadataOptions;
import dev.autoscaling.karpenter.api.aws.v1.ec2nodeclassspec.blockdevicemappings.Ebs;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EC2NodeClass being described: immutable, each call returns a new definition. {@link #build()} validates
 * against the pinned AWS CRD (its 54 CEL rules included).
 */
public final class EC2NodeClassDefinition {

  static final EC2NodeClassDefinition EMPTY = new EC2NodeClassDefinition();

  private String name;
  private String amiAlias;
  private String role;
  private String instanceProfile;
  private final Map<String, String> subnetTags = new LinkedHashMap<>();
  private final List<String> subnetIds = new ArrayList<>();
  private final Map<String, String> securityGroupTags = new LinkedHashMap<>();
  private final List<String> securityGroupIds = new ArrayList<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private String userData;
  private final List<BlockDeviceMappings> blockDevices = new ArrayList<>();
  private MetadataOptions metadataOptions;

  private EC2NodeClassDefinition() {
  }

  private EC2NodeClassDefinition copy() {
    EC2NodeClassDefinition c = new EC2NodeClassDefinition();
    c.name = name;
    c.amiAlias = amiAlias;
    c.role = role;
    c.instanceProfile = instanceProfile;
    c.subnetTags.putAll(subnetTags);
    c.subnetIds.addAll(subnetIds);
    c.securityGroupTags.putAll(securityGroupTags);
    c.securityGroupIds.addAll(securityGroupIds);
    c.tags.putAll(tags);
    c.userData = userData;
    c.blockDevices.addAll(blockDevices);
    c.metadataOptions = metadataOptions;
    return c;
  }

  /** A copy with one change: every call returns a new definition, earlier ones stay as they were. */
  private EC2NodeClassDefinition with(java.util.function.Consumer<EC2NodeClassDefinition> change) {
    EC2NodeClassDefinition c = copy();
    change.accept(c);
    return c;
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
    return with(c -> c.subnetTags.put(key, value));
  }

  public EC2NodeClassDefinition subnetIds(String... ids) {
    return with(c -> c.subnetIds.addAll(List.of(ids)));
  }

  public EC2NodeClassDefinition securityGroupsTagged(String key, String value) {
    return with(c -> c.securityGroupTags.put(key, value));
  }

  public EC2NodeClassDefinition securityGroupIds(String... ids) {
    return with(c -> c.securityGroupIds.addAll(List.of(ids)));
  }

  /** An EC2 tag on the instances. */
  public EC2NodeClassDefinition tag(String key, String value) {
    return with(c -> c.tags.put(key, value));
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
    return with(c -> c.blockDevices.add(mapping));
  }

  /** Instance metadata service settings (IMDSv2 with hop limit 1 is Karpenter's default). */
  public EC2NodeClassDefinition metadataOptions(MetadataOptions options) {
    return with(c -> c.metadataOptions = options);
  }

  /** As described, not validated. */
  public EC2NodeClass toEC2NodeClass() {
    EC2NodeClassFluent<EC2NodeClassBuilder>.SpecNested<EC2NodeClassBuilder> spec = new EC2NodeClassBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec()
        .withRole(role)
        .withInstanceProfile(instanceProfile)
        .withTags(tags.isEmpty() ? null : new LinkedHashMap<>(tags))
        .withUserData(userData)
        .withBlockDeviceMappings(blockDevices.isEmpty() ? null : new ArrayList<>(blockDevices))
        .withMetadataOptions(metadataOptions);
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

  /**
   * @throws ValidationException listing every violation of the pinned EC2NodeClass CRD
   */
  public EC2NodeClass build() {
    EC2NodeClass nodeClass = toEC2NodeClass();
    List<Violation> violations = KarpenterCrds.aws().validate(nodeClass).violations();
    ValidationException.throwOnErrors("EC2NodeClass " + (name == null ? "<unnamed>" : name), violations);
    return nodeClass;
  }
}
