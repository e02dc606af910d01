package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.CronTrigger;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code build()} makes the ScaledObject with the model's setters, not through Jackson: on many generated
 * definitions, the object must equal the one Jackson reads from the same description ({@code buildUnchecked()}),
 * and write the same JSON and YAML.
 */
class ScaledObjectBuildTest {

  @Test
  void shouldBuildWhatJacksonReadsFromTheSameDescription() {
    // Given
    Random random = new Random(20261206);
    int built = 0;

    for (int i = 0; i < 600; i++) {
      ScaledObjectDefinition definition = generated(random);

      // When
      ScaledObject object;
      try {
        object = definition.build();
      } catch (ValidationException e) {
        continue; // nothing built, nothing to compare
      }
      built++;

      // Then
      ScaledObject read = definition.buildUnchecked();
      assertThat(object).as("definition %d", i).isEqualTo(read);
      assertThat(Manifests.toJson(object)).isEqualTo(Manifests.toJson(read));
      assertThat(Manifests.toYaml(object)).isEqualTo(Manifests.toYaml(read));
    }
    assertThat(built).as("definitions that passed validation").isGreaterThan(300);
  }

  /** A definition with each part present or not, so every branch of the model's construction is taken. */
  private static ScaledObjectDefinition generated(Random random) {
    ScaledObjectDefinition d = ScaledObjects.scaling("worker-" + random.nextInt(10));
    if (random.nextInt(4) == 0) {
      d = d.target("apps/v1", "StatefulSet", "db");
    }
    if (random.nextInt(8) != 0) { // KEDA needs a name: now and then none, refused
      d = d.named("so-" + random.nextInt(1000));
    }
    if (random.nextBoolean()) {
      d = d.inNamespace("ns-" + random.nextInt(3));
    }
    if (random.nextBoolean()) {
      d = d.minReplicas(random.nextInt(3));
    }
    if (random.nextBoolean()) {
      d = d.maxReplicas(3 + random.nextInt(20));
    }
    if (random.nextInt(5) == 0) {
      d = d.idleReplicas(0).minReplicas(1 + random.nextInt(3)); // KEDA: idle below min
    }
    if (random.nextBoolean()) {
      d = d.pollingInterval(Duration.ofSeconds(1 + random.nextInt(120)));
    }
    if (random.nextBoolean()) {
      d = d.cooldownPeriod(Duration.ofSeconds(random.nextInt(600)));
    }
    int triggers = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(2); // none: refused
    for (int t = 0; t < triggers; t++) {
      d = d.trigger(trigger(random, t));
    }
    return d;
  }

  private static ScalerTrigger<?> trigger(Random random, int index) {
    ScalerTrigger<?> trigger = random.nextBoolean()
        ? new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(1 + random.nextInt(50))
        : new CronTrigger().timezone("Europe/Paris").start("0 8 * * *").end("0 18 * * *")
            .desiredReplicas(1 + random.nextInt(5));
    if (random.nextBoolean()) {
      trigger = trigger.named("t" + index);
    }
    if (random.nextInt(4) == 0) {
      trigger = trigger.metricType("AverageValue");
    }
    if (random.nextInt(4) == 0) {
      trigger = trigger.useCachedMetrics(random.nextBoolean());
    }
    return switch (random.nextInt(3)) {
      case 0 -> trigger.authenticationRef("auth");
      case 1 -> trigger.clusterAuthenticationRef("cluster-auth");
      default -> trigger;
    };
  }
}
