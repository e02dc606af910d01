package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.disruption.Budgets;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.StartupTaints;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Taints;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code build()} makes the NodePool with the model's setters, not through Jackson: on many generated definitions,
 * the object must equal the one Jackson reads from the same description ({@code buildUnchecked()}), and write the
 * same JSON and YAML.
 */
class NodePoolBuildTest {

  @Test
  void shouldBuildWhatJacksonReadsFromTheSameDescription() {
    // Given
    Random random = new Random(20261206);
    int built = 0;

    for (int i = 0; i < 800; i++) {
      NodePoolDefinition definition = generated(random);

      // When
      NodePool pool;
      try {
        pool = definition.build();
      } catch (ValidationException e) {
        continue; // nothing built, nothing to compare
      }
      built++;

      // Then
      NodePool read = definition.buildUnchecked();
      assertThat(pool).as("definition %d", i).isEqualTo(read);
      assertThat(Manifests.toJson(pool)).isEqualTo(Manifests.toJson(read));
      assertThat(Manifests.toYaml(pool)).isEqualTo(Manifests.toYaml(read));
    }
    assertThat(built).as("definitions that passed validation").isGreaterThan(250);
  }

  /** A definition with each part present or not, so every branch of the model's construction is taken. */
  private static NodePoolDefinition generated(Random random) {
    NodePoolDefinition d = switch (random.nextInt(3)) {
      case 0 -> NodePools.arm64();
      case 1 -> NodePools.amd64();
      default -> NodePools.nodePool();
    };
    if (random.nextBoolean()) {
      d = random.nextBoolean() ? d.linux() : d.windows();
    }
    if (random.nextBoolean()) {
      d = random.nextBoolean() ? d.onDemand() : d.spot().skuFamily("D", "E").minValues(2);
    }
    if (random.nextBoolean()) {
      d = d.skuFamily("D");
    }
    if (random.nextInt(4) == 0) {
      d = d.skuCpu().atMost(16);
    }
    if (random.nextBoolean()) {
      d = d.named("pool-" + random.nextInt(1000));
    }
    if (random.nextBoolean()) {
      d = d.weight(1 + random.nextInt(100));
    }
    d = switch (random.nextInt(4)) {
      case 0 -> d.consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1 + random.nextInt(600)));
      case 1 -> d.consolidateWhenEmpty(Duration.ofMinutes(1 + random.nextInt(60)));
      case 2 -> d.neverConsolidate();
      default -> d;
    };
    if (random.nextInt(3) == 0) {
      d = random.nextBoolean() ? d.expireAfter(Duration.ofHours(1 + random.nextInt(720))) : d.neverExpire();
    }
    if (random.nextInt(3) == 0) {
      d = d.terminationGracePeriod(Duration.ofMinutes(1 + random.nextInt(120)));
    }
    if (random.nextInt(3) == 0) {
      d = d.label("team", "t" + random.nextInt(10)).label("tier", "web");
    }
    if (random.nextInt(3) == 0) {
      d = d.annotation("example.com/owner", "o" + random.nextInt(10));
    }
    // the parts the model holds as types of Jackson's own: built through the tree
    if (random.nextInt(6) == 0) {
      d = d.limitCpu("1000").limitMemory("1000Gi");
    }
    if (random.nextInt(6) == 0) {
      d = d.taint("dedicated", "gpu", Taints.Effect.NOSCHEDULE);
    }
    if (random.nextInt(6) == 0) {
      d = d.startupTaint("init", "pending", StartupTaints.Effect.NOEXECUTE);
    }
    if (random.nextInt(6) == 0) {
      d = d.budget("10%").budget("0", "@daily", Duration.ofHours(1), Budgets.Reasons.UNDERUTILIZED);
    }
    return switch (random.nextInt(5)) {
      case 0 -> d.nodeClass(EC2NodeClasses.reference("default"));
      case 1 -> d; // no node class: refused, nothing built
      default -> d.nodeClass(AKSNodeClasses.reference("default"));
    };
  }
}
