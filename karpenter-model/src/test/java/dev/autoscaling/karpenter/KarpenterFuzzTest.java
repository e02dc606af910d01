package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.karpenter.api.aws.v1.EC2NodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.testing.FuzzStatistics;
import dev.autoscaling.validation.testing.Mutations;
import dev.autoscaling.validation.testing.Mutations.Mutation;
import dev.autoscaling.validation.testing.Skeletons;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutations of good Karpenter objects and of every Karpenter CRD's skeleton (both providers), given to the CRD
 * validators, the well-known label checks, the descriptions and the model parser: violations or a clean
 * {@link IllegalArgumentException}, never another exception.
 */
class KarpenterFuzzTest {

  private static final Map<String, Class<?>> MODELS = Map.of("NodePool", NodePool.class, "NodeClaim", NodeClaim.class,
      "AKSNodeClass", AKSNodeClass.class, "EC2NodeClass", EC2NodeClass.class);
  private static final List<JsonNode> SEEDS = new ArrayList<>();
  private static final FuzzStatistics STATISTICS = new FuzzStatistics("Karpenter validation, label checks and parsing");

  static {
    SEEDS.addAll(Manifests.parseAll("""
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: arm}
        spec:
          weight: 10
          limits: {cpu: '100', memory: 400Gi}
          disruption:
            consolidationPolicy: WhenEmptyOrUnderutilized
            consolidateAfter: 30s
            budgets: [{nodes: 10%}, {nodes: '0', schedule: '@daily', duration: 10m, reasons: [Drifted]}]
          template:
            metadata: {labels: {team: a}, annotations: {note: b}}
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              expireAfter: 720h
              requirements:
              - {key: kubernetes.io/arch, operator: In, values: [arm64]}
              - {key: karpenter.azure.com/sku-cpu, operator: Gt, values: ['4']}
              - {key: karpenter.azure.com/sku-family, operator: In, values: [D]}
              - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand, spot]}
              taints: [{key: example.com/team, value: a, effect: NoSchedule}]
              startupTaints: [{key: example.com/init, effect: NoExecute}]
        ---
        apiVersion: karpenter.azure.com/v1beta1
        kind: AKSNodeClass
        metadata: {name: default}
        spec: {imageFamily: AzureLinux, osDiskSizeGB: 128, maxPods: 50, tags: {env: test}}
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: default}
        spec:
          role: KarpenterNodeRole
          amiSelectorTerms: [{alias: al2023@latest}]
          subnetSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
          securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
          kubelet: {maxPods: 110, evictionHard: {memory.available: 5%}}
        """));
    Skeletons.of("karpenter-azure").forEach(skeleton -> SEEDS.add(skeleton.object()));
    Skeletons.of("karpenter-aws").forEach(skeleton -> SEEDS.add(skeleton.object()));
  }

  @Provide
  Arbitrary<JsonNode> seeds() {
    return Arbitraries.of(SEEDS);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutations.mutations();
  }

  @Property(seed = "20260116")
  void shouldAnswerEveryMutationOfAKarpenterObject(@ForAll("seeds") JsonNode seed,
                                                   @ForAll("mutations") List<Mutation> mutations) {
    JsonNode object = Mutations.apply(seed, mutations);
    String kind = object.path("kind").asText();

    STATISTICS.time(() -> {
      List<Violation> violations = new ArrayList<>(kind.equals("NodePool") ? KarpenterValidation.check(object).violations()
          : LabelChecks.requirements(object));
      violations.addAll(KarpenterCrds.azure().validate(object).violations());
      violations.addAll(KarpenterCrds.aws().validate(object).violations());
      FuzzStatistics.assertBounded(violations);
      try {
        KarpenterDescriptions.describe(object);
      } catch (IllegalArgumentException e) {
        // a kind without a description: a clean answer
      }
      Class<?> model = MODELS.get(kind);
      if (model != null) {
        try {
          Manifests.convert(object, model);
        } catch (IllegalArgumentException e) {
          // the tree does not fit the model: a clean answer
        }
      }
    });
  }

  @AfterContainer
  static void report() {
    STATISTICS.print();
  }
}
