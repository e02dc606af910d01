package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements.Operator;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.StartupTaints;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Taints;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.disruption.Budgets;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.autoscaling.karpenter.NodePools.arm64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class NodePoolsTest {

  private static final NodePoolDefinition VALID = arm64().linux().onDemand().skuFamily("D")
      .named("arm-nodepool").weight(10)
      .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
      .nodeClass(AKSNodeClasses.reference("default"));

  @Test
  void shouldReadAsTheRequirementsItAdds() {
    // When
    NodePool pool = VALID.build();

    // Then
    List<Requirements> requirements = pool.getSpec().getTemplate().getSpec().getRequirements();
    assertThat(requirements).extracting(Requirements::getKey, r -> r.getOperator().getValue(), Requirements::getValues)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kubernetes.io/arch", "In", List.of("arm64")),
            org.assertj.core.groups.Tuple.tuple("kubernetes.io/os", "In", List.of("linux")),
            org.assertj.core.groups.Tuple.tuple("karpenter.sh/capacity-type", "In", List.of("on-demand")),
            org.assertj.core.groups.Tuple.tuple("karpenter.azure.com/sku-family", "In", List.of("D")));
    assertThat(Manifests.toTree(pool).at("/spec/disruption").toString())
        .isEqualTo("{\"consolidateAfter\":\"1s\",\"consolidationPolicy\":\"WhenEmptyOrUnderutilized\"}");
  }

  @Test
  void shouldLeaveAPartialDefinitionUntouchedWhenItIsExtended() {
    NodePoolDefinition base = arm64().onDemand();

    NodePool withSpot = base.spot().named("a").nodeClass(AKSNodeClasses.reference("default")).buildUnchecked();
    NodePool plain = base.named("b").nodeClass(AKSNodeClasses.reference("default")).buildUnchecked();

    assertThat(withSpot.getSpec().getTemplate().getSpec().getRequirements()).hasSize(3);
    assertThat(plain.getSpec().getTemplate().getSpec().getRequirements()).hasSize(2);
  }

  @Test
  void shouldRenderExactlyWhatSerialisingTheBuiltPoolGives() {
    NodePoolDefinition pool = VALID.limitCpu("1000").budget("10%").taint("team", "a", Taints.Effect.NOSCHEDULE);

    assertThat(pool.toJson()).isEqualTo(Manifests.toJson(pool.build()));
    assertThat(pool.toYaml()).isEqualTo(Manifests.toYaml(pool.build()));
    assertThatThrownBy(() -> VALID.weight(0).toJson())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.weight");
  }

  @Test
  void shouldWriteEverySettingWhereTheCrdExpectsIt() {
    // Given a pool that uses every part of the facade
    NodePoolDefinition pool = VALID.skuCpu().atLeast(4).minValues(1)
        .requirement("example.com/dedicated", Operator.EXISTS)
        .limitCpu("1000").limitMemory("1000Gi").limitNodes(20)
        .budget("10%").budget("0", "0 9 * * mon-fri", Duration.ofHours(8), Budgets.Reasons.DRIFTED, Budgets.Reasons.EMPTY)
        .expireAfter(Duration.ofDays(30)).terminationGracePeriod(Duration.ofMinutes(90))
        .taint("team", "a", Taints.Effect.NOSCHEDULE)
        .startupTaint("example.com/agent-not-ready", "true", StartupTaints.Effect.NOEXECUTE)
        .label("team", "a").annotation("owner", "platform");

    // Then the render, the built object and this hand-written manifest are the same NodePool
    String expected = """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: arm-nodepool
        spec:
          weight: 10
          limits: {cpu: "1000", memory: 1000Gi, nodes: "20"}
          disruption:
            consolidationPolicy: WhenEmptyOrUnderutilized
            consolidateAfter: 1s
            budgets:
            - nodes: 10%
            - {nodes: "0", schedule: "0 9 * * mon-fri", duration: 8h, reasons: [Drifted, Empty]}
          template:
            metadata:
              labels: {team: a}
              annotations: {owner: platform}
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              expireAfter: 720h
              terminationGracePeriod: 1h30m
              taints: [{key: team, value: a, effect: NoSchedule}]
              startupTaints: [{key: example.com/agent-not-ready, value: "true", effect: NoExecute}]
              requirements:
              - {key: kubernetes.io/arch, operator: In, values: [arm64]}
              - {key: kubernetes.io/os, operator: In, values: [linux]}
              - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
              - {key: karpenter.azure.com/sku-family, operator: In, values: [D]}
              - {key: karpenter.azure.com/sku-cpu, operator: Gte, values: ["4"], minValues: 1}
              - {key: example.com/dedicated, operator: Exists}
        """;
    assertThat(Manifests.parseAll(pool.toYaml()).get(0)).isEqualTo(Manifests.parseAll(expected).get(0));
    assertThat(pool.toJson()).isEqualTo(Manifests.toJson(pool.build()));
    assertThat(pool.toYaml()).isEqualTo(Manifests.toYaml(pool.build()));
    assertThat(KarpenterValidation.check(pool.build()).violations()).isEmpty();
  }

  @Test
  void shouldGiveEveryBuiltPoolItsOwnObjects() {
    NodePool first = VALID.minValues(1).budget("10%").taint("team", "a", Taints.Effect.NOSCHEDULE).build();
    first.getSpec().getTemplate().getSpec().getRequirements().get(0).getValues().add("amd64");
    first.getSpec().getTemplate().getSpec().getRequirements().get(3).setMinValues(9L);
    first.getSpec().getDisruption().getBudgets().get(0).setNodes("50%");
    first.getSpec().getTemplate().getSpec().getTaints().get(0).setValue("b");

    NodePool second = VALID.minValues(1).budget("10%").taint("team", "a", Taints.Effect.NOSCHEDULE).build();

    assertThat(second.getSpec().getTemplate().getSpec().getRequirements().get(0).getValues()).containsExactly("arm64");
    assertThat(second.getSpec().getTemplate().getSpec().getRequirements().get(3).getMinValues()).isEqualTo(1L);
    assertThat(second.getSpec().getDisruption().getBudgets().get(0).getNodes()).isEqualTo("10%");
    assertThat(second.getSpec().getTemplate().getSpec().getTaints().get(0).getValue()).isEqualTo("a");
  }

  @Test
  void shouldWriteDurationsAsKarpenterReadsThem() {
    NodePool pool = VALID.expireAfter(Duration.ofDays(30)).terminationGracePeriod(Duration.ofMinutes(90))
        .budget("10%").budget("0", "0 9 * * mon-fri", Duration.ofHours(8)).build();

    assertThat(pool.getSpec().getTemplate().getSpec().getExpireAfter()).isEqualTo("720h");
    assertThat(pool.getSpec().getTemplate().getSpec().getTerminationGracePeriod()).isEqualTo("1h30m");
    assertThat(pool.getSpec().getDisruption().getBudgets().get(1).getDuration()).isEqualTo("8h");
  }

  @Test
  void shouldRefuseADurationKarpenterCannotReadWithEveryOtherProblem() {
    // Given: two values the chain cannot write and one the CRD refuses
    NodePoolDefinition pool = VALID.consolidateWhenEmpty(Duration.ofMillis(500)).expireAfter(Duration.ofSeconds(-1))
        .weight(200);

    // Then: one exception, each problem with its field
    assertThatThrownBy(pool::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.disruption.consolidateAfter: PT0.5S cannot be written")
        .hasMessageContaining("spec.template.spec.expireAfter: PT-1S cannot be written")
        .hasMessageContaining("spec.weight:");
    assertThat(pool.validate().errors()).hasSize(3);
  }

  @Test
  void shouldReportMinValuesWithoutARequirementInBuild() {
    assertThatThrownBy(() -> NodePools.nodePool().named("p").minValues(2).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.template.spec.requirements: minValues(2) needs a requirement before it");
  }

  /** One bad choice each: the path and the message that say what to fix. */
  static Stream<org.junit.jupiter.params.provider.Arguments> badChoices() {
    return Stream.of(
        bad("In with no values", p -> p.requirement(Labels.ZONE, Operator.IN),
            "spec.template.spec.requirements", "requirements with operator 'In' must have a value defined"),
        bad("Gt with a non-integer", p -> p.requirement(Labels.SKU_CPU, Operator.GT, "four"),
            "spec.template.spec.requirements[4].values[0]",
            "'four' is not a whole number, which karpenter.azure.com/sku-cpu takes"),
        bad("Gt with two values", p -> p.requirement(Labels.SKU_CPU, Operator.GT, "2", "4"),
            "spec.template.spec.requirements",
            "requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value"),
        bad("Gt on a text label", p -> p.requirement(Labels.SKU_FAMILY, Operator.GT, "4"),
            "spec.template.spec.requirements[4].operator",
            "operator Gt compares numbers, and karpenter.azure.com/sku-family is not numeric: use In or NotIn"),
        bad("minValues above the value count", p -> p.skuSeries("Dpsv5").minValues(2),
            "spec.template.spec.requirements",
            "requirements with 'minValues' must have at least that many values specified in the 'values' field"),
        bad("weight 0", p -> p.weight(0), "spec.weight", "must be greater than or equal to 1"),
        bad("weight 101", p -> p.weight(101), "spec.weight", "must be less than or equal to 100"),
        bad("restricted karpenter.sh/nodepool", p -> p.requirement("karpenter.sh/nodepool", Operator.IN, "x"),
            "spec.template.spec.requirements[4].key", "label \"karpenter.sh/nodepool\" is restricted"),
        bad("restricted kubernetes.io/hostname", p -> p.requirement("kubernetes.io/hostname", Operator.IN, "n"),
            "spec.template.spec.requirements[4].key", "label \"kubernetes.io/hostname\" is restricted"),
        bad("misspelt Azure label", p -> p.requirement("karpenter.azure.com/sku-familly", Operator.IN, "D"),
            "spec.template.spec.requirements[4].key", "karpenter.azure.com/sku-familly is not a label Karpenter"
                + " sets in karpenter.azure.com; did you mean karpenter.azure.com/sku-family?"),
        bad("Azure label domain", p -> p.requirement("karpenter.azure.com/sku-familly", Operator.IN, "D"),
            "spec.template.spec.requirements[4].key", "label domain \"karpenter.azure.com\" is restricted"),
        bad("unknown AKS label", p -> p.requirement("kubernetes.azure.com/agentpool", Operator.IN, "x"),
            "spec.template.spec.requirements[4].key", "label domain \"kubernetes.azure.com\" is restricted"),
        bad("legacy AKS label", p -> p.requirement("agentpool", Operator.IN, "x"),
            "spec.template.spec.requirements[4].key", "label \"agentpool\" is restricted"),
        bad("architecture arm", p -> p.architectures("arm"), "spec.template.spec.requirements[4].values[0]",
            "'arm' is not a value of kubernetes.io/arch: use amd64, arm64"),
        bad("capacity type ondemand", p -> p.capacityTypes("ondemand"),
            "spec.template.spec.requirements[4].values[0]",
            "'ondemand' is not a value of karpenter.sh/capacity-type: use on-demand, spot, reserved"),
        bad("GPU maker", p -> p.skuGpuManufacturer("intel"), "spec.template.spec.requirements[4].values[0]",
            "'intel' is not a value of karpenter.azure.com/sku-gpu-manufacturer: use nvidia, amd"),
        bad("nodeClassRef group with a version", p -> p.nodeClass(
                new NodeClassReference("karpenter.azure.com/v1beta1", "AKSNodeClass", "default")),
            "spec.template.spec.nodeClassRef.group", "must match '^[^/]*$'"),
        bad("empty nodeClassRef name", p -> p.nodeClass(AKSNodeClasses.reference("")),
            "spec.template.spec.nodeClassRef.name", "name may not be empty"),
        bad("no node class", p -> p.nodeClass((NodeClassReference) null),
            "spec.template.spec.nodeClassRef", "Required value: set nodeClassRef"),
        bad("restricted template label", p -> p.label("karpenter.sh/nodepool", "x"),
            "spec.template.metadata.labels", "label \"karpenter.sh/nodepool\" is restricted"),
        bad("template label value too long", p -> p.label("team", "x".repeat(64)),
            "spec.template.metadata.labels[team]", "Too long: may not be more than 63 characters (has 64)"),
        bad("taint key with spaces", p -> p.taint("bad key", "v", Taints.Effect.NOSCHEDULE),
            "spec.template.spec.taints[0].key", "must match"),
        bad("cpu limit that is no quantity", p -> p.limitCpu("lots"), "spec.limits[cpu]", "must match"),
        bad("budget without consolidateAfter", p -> NodePools.arm64().named("arm-nodepool").budget("1")
                .nodeClass(AKSNodeClasses.reference("default")),
            "spec.disruption.consolidateAfter", "Required value: set consolidateAfter"),
        bad("budget nodes as a word", p -> p.budget("half"), "spec.disruption.budgets[0].nodes", "must match"),
        bad("budget schedule that is no cron", p -> p.budget("1", "daily", Duration.ofHours(1)),
            "spec.disruption.budgets[0].schedule", "must match"));
  }

  private static org.junit.jupiter.params.provider.Arguments bad(String what, UnaryOperator<NodePoolDefinition> change,
      String path, String message) {
    return org.junit.jupiter.params.provider.Arguments.of(what, change, path, message);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("badChoices")
  void shouldRejectWithThePreciseMessage(String what, UnaryOperator<NodePoolDefinition> change, String path,
      String message) {
    assertThatThrownBy(() -> change.apply(VALID).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations())
            .filteredOn(Violation::isError)
            .anySatisfy(v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.message()).contains(message);
            }))
        .hasMessageStartingWith("NodePool arm-nodepool is invalid");
  }

  @Test
  void shouldRejectANameTheApiServerRejects() {
    assertThatThrownBy(() -> VALID.named("Bad_Name").build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).filteredOn(Violation::isError)
            .singleElement().satisfies(v -> {
              assertThat(v.path()).isEqualTo("metadata.name");
              assertThat(v.message()).isEqualTo("Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must"
                  + " consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
                  + " alphanumeric character (e.g. 'example.com', regex used for validation is"
                  + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
            }));
  }

  @Test
  void shouldRejectANamelessPool() {
    assertThatThrownBy(() -> NodePools.arm64().linux().nodeClass(AKSNodeClasses.named("default")).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).filteredOn(Violation::isError)
            .extracting(Violation::path, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("metadata.name",
                    "Required value: name or generateName is required"),
                org.assertj.core.groups.Tuple.tuple("", "some validation rules were not checked because the object"
                    + " was invalid; correct the existing errors to complete validation")))
        .hasMessageStartingWith("NodePool <unnamed> is invalid");
  }

  @Test
  void shouldAcceptRealWorldPoolsWithoutFalseAlarms() {
    // A flexible spot pool on AKS
    assertThat(NodePools.spot().amd64().skuFamily("D", "E", "F").minValues(2).skuCpu().between(4, 16)
        .acceleratedNetworking(true).zones("eastus2-1", "eastus2-2").named("spot-general").weight(50)
        .limitCpu("1000").limitMemory("1000Gi").budget("10%").expireAfter(Duration.ofDays(7))
        .consolidateWhenEmptyOrUnderutilized(Duration.ofMinutes(5))
        .taint("example.com/spot", "true", Taints.Effect.NOSCHEDULE).label("team", "platform")
        .nodeClass(AKSNodeClasses.reference("default")).build()).isNotNull();
    // A general pool on EKS, checked against the AWS copy of the NodePool CRD
    assertThat(NodePools.onDemand().instanceCategories("c", "m", "r").instanceGeneration().greaterThan(4)
        .instanceCpu().atMost(32).named("general").nodeClass(NodeClassReference.ec2NodeClass("default"))
        .consolidateWhenEmptyOrUnderutilized(Duration.ofMinutes(1)).build()).isNotNull();
  }
}
