package dev.autoscaling.karpenter;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Karpenter objects read from YAML (a file, a cluster) get the same precise answers as objects built with the
 * facade. Each row replaces one line of a valid object.
 */
class KarpenterYamlBadInputTest {

  private static final String POOL = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: p}
      spec:
        weight: 10
        disruption:
          consolidationPolicy: WhenEmptyOrUnderutilized
          consolidateAfter: 1s
        template:
          spec:
            nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
            requirements:
            - {key: kubernetes.io/arch, operator: In, values: [arm64]}
      """;

  private static final String AKS = """
      apiVersion: karpenter.azure.com/v1beta1
      kind: AKSNodeClass
      metadata: {name: c}
      spec:
        imageFamily: AzureLinux
      """;

  private static final String EC2 = """
      apiVersion: karpenter.k8s.aws/v1
      kind: EC2NodeClass
      metadata: {name: e}
      spec:
        role: KarpenterNodeRole
        amiSelectorTerms: [{alias: al2023@latest}]
        subnetSelectorTerms: [{tags: {karpenter.sh/discovery: prod}}]
        securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: prod}}]
      """;

  private static List<Violation> errors(String yaml) {
    if (yaml.contains("kind: NodePool")) {
      return KarpenterValidation.check(Manifests.parseAll(yaml).get(0)).violations().stream()
          .filter(Violation::isError).toList();
    }
    var validator = yaml.contains("karpenter.k8s.aws/v1") ? KarpenterCrds.aws() : KarpenterCrds.azure();
    return new ArrayList<>(validator.validate(yaml).errors());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "consolidateAfter '1 second' | POOL | consolidateAfter: 1s | consolidateAfter: 1 second | spec.disruption.consolidateAfter | must match",
      "unknown consolidation policy | POOL | consolidationPolicy: WhenEmptyOrUnderutilized | consolidationPolicy: Always | spec.disruption.consolidationPolicy | Unsupported value",
      "budget schedule without duration | POOL | consolidateAfter: 1s | \"consolidateAfter: 1s\\n    budgets: [{nodes: '1', schedule: '@daily'}]\" | spec.disruption.budgets | 'schedule' must be set with 'duration'",
      "budget duration in seconds | POOL | consolidateAfter: 1s | \"consolidateAfter: 1s\\n    budgets: [{nodes: '1', schedule: '@daily', duration: 30s}]\" | spec.disruption.budgets[0].duration | must match",
      "unknown budget reason | POOL | consolidateAfter: 1s | \"consolidateAfter: 1s\\n    budgets: [{nodes: '1', reasons: [Expired]}]\" | spec.disruption.budgets[0].reasons[0] | Unsupported value",
      "weight as a string | POOL | weight: 10 | weight: ten | spec.weight | must be an integer",
      "unknown operator | POOL | operator: In, values: [arm64] | operator: Equals, values: [arm64] | spec.template.spec.requirements[0].operator | Unsupported value",
      "Exists with a wrong arch value | POOL | values: [arm64] | values: [aarch64] | spec.template.spec.requirements[0].values[0] | 'aarch64' is not a value of kubernetes.io/arch",
      "requirement without key | POOL | key: kubernetes.io/arch, | \"\" | spec.template.spec.requirements[0].key | Required value",
      "minValues 0 | POOL | values: [arm64]} | values: [arm64], minValues: 0} | spec.template.spec.requirements[0].minValues | must be greater than or equal to 1",
      "nodeClassRef without kind | POOL | kind: AKSNodeClass, | \"\" | spec.template.spec.nodeClassRef.kind | Required value",
      "static pool with weight | POOL | weight: 10 | \"weight: 10\\n  replicas: 3\" | spec | 'weight' is not supported on static NodePools",
      "unknown image family | AKS | imageFamily: AzureLinux | imageFamily: Windows | spec.imageFamily | Unsupported value",
      "FIPS on Ubuntu 24.04 | AKS | imageFamily: AzureLinux | \"imageFamily: Ubuntu2404\\n  fipsMode: FIPS\" | spec | FIPS is not yet supported for Ubuntu2204 or Ubuntu2404",
      "OS disk above 2048 GB | AKS | imageFamily: AzureLinux | osDiskSizeGB: 4096 | spec.osDiskSizeGB | must be less than or equal to 2048",
      "image GC thresholds reversed | AKS | imageFamily: AzureLinux | kubelet: {imageGCHighThresholdPercent: 50, imageGCLowThresholdPercent: 80} | spec.kubelet | imageGCHighThresholdPercent must be greater than imageGCLowThresholdPercent",
      "EC2NodeClass without role or instance profile | EC2 | role: KarpenterNodeRole | instanceStorePolicy: RAID0 | spec | must specify exactly one of ['role', 'instanceProfile']",
      "EC2NodeClass AMI alias without version | EC2 | alias: al2023@latest | alias: al2023 | spec.amiSelectorTerms[0].alias | must match"})
  void shouldRejectWithThePreciseMessage(String what, String base, String from, String to, String path,
      String message) {
    String original = base.equals("POOL") ? POOL : base.equals("AKS") ? AKS : EC2;
    String yaml = original.replace(from, to.replace("\\n", "\n"));
    assertThat(yaml).as("the row must change the object").isNotEqualTo(original);

    assertThat(errors(yaml)).as(what).anySatisfy(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(message);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"valid NodePool | POOL", "valid AKSNodeClass | AKS", "valid EC2NodeClass | EC2"})
  void shouldAcceptTheValidOriginals(String what, String base) {
    String yaml = base.equals("POOL") ? POOL : base.equals("AKS") ? AKS : EC2;

    assertThat(errors(yaml)).as(what).isEmpty();
  }

  /** NAP's own pools, as the Azure provider's examples and e2e defaults describe them, written out by hand. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"general-purpose", "system-surge", "e2e-default"})
  void shouldAcceptNapsOwnNodePools(String name) {
    String common = """
          template:
            metadata:
              labels:
                kubernetes.azure.com/ebpf-dataplane: cilium
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              expireAfter: Never
              startupTaints:
              - {key: node.cilium.io/agent-not-ready, value: 'true', effect: NoExecute}
              requirements:
              - {key: kubernetes.io/arch, operator: In, values: [amd64]}
              - {key: kubernetes.io/os, operator: In, values: [linux]}
              - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
              - {key: karpenter.azure.com/sku-family, operator: In, values: [D]}
        """;
    String yaml = switch (name) {
      case "general-purpose" -> """
          apiVersion: karpenter.sh/v1
          kind: NodePool
          metadata: {name: general-purpose}
          spec:
            disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 0s, budgets: [{nodes: 30%}]}
          """ + common;
      case "system-surge" -> """
          apiVersion: karpenter.sh/v1
          kind: NodePool
          metadata: {name: system-surge}
          spec:
            disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 0s, budgets: [{nodes: 30%}]}
          """ + common.replace("kubernetes.azure.com/ebpf-dataplane: cilium",
              "kubernetes.azure.com/ebpf-dataplane: cilium\n        kubernetes.azure.com/mode: system")
          .replace("startupTaints:", "taints:\n      - {key: CriticalAddonsOnly, value: 'true', effect: NoSchedule}\n      startupTaints:");
      default -> """
          apiVersion: karpenter.sh/v1
          kind: NodePool
          metadata: {name: default}
          spec:
            limits: {cpu: '1000', memory: 1000Gi}
            disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: Never, budgets: [{nodes: 100%}]}
          """ + common;
    };

    assertThat(errors(yaml)).as(name).isEmpty();
    assertThat(Manifests.parseAll(yaml).get(0).at("/spec/template/spec/requirements").size()).isEqualTo(4);
  }
}
