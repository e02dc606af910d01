package dev.autoscaling.simulation.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KedaOperatorTest {

  private static ScaledObject rabbit(Integer min, String activation) {
    var trigger = new ScaledObjectBuilder().withNewMetadata().withName("so").endMetadata().withNewSpec()
        .withNewScaleTargetRef().withName("worker").endScaleTargetRef().withMinReplicaCount(min)
        .addNewTrigger().withType("rabbitmq").addToMetadata("queueName", "orders").addToMetadata("mode",
            "QueueLength").addToMetadata("value", "10");
    if (activation != null) {
      trigger = trigger.addToMetadata("activationValue", activation);
    }
    return trigger.endTrigger().endSpec().build();
  }

  @Test
  void shouldActivateFromZeroAndReturnAfterTheCooldown() {
    KedaOperator keda = KedaOperator.of(rabbit(0, null));
    assertThat(keda.pollingInterval()).isEqualTo(30);
    assertThat(keda.cooldownPeriod()).isEqualTo(300);
    assertThat(keda.poll(30, 0, 5)).isEqualTo(1);
    assertThat(keda.poll(60, 1, 0)).isEqualTo(1);
    // last active at 30 s: still within the 300 s cooldown at 300 s, back to 0 at 330 s
    assertThat(keda.poll(300, 1, 0)).isEqualTo(1);
    assertThat(keda.poll(330, 1, 0)).isEqualTo(0);
  }

  @Test
  void shouldActivateOnlyAboveTheActivationValue() {
    KedaOperator keda = KedaOperator.of(rabbit(0, "5"));
    assertThat(keda.poll(30, 0, 5)).isEqualTo(0);
    assertThat(keda.poll(60, 0, 6)).isEqualTo(1);
  }

  @Test
  void shouldNeverGoBelowAMinimumOfOne() {
    KedaOperator keda = KedaOperator.of(rabbit(1, null));
    assertThat(keda.poll(30, 3, 0)).isEqualTo(3);
    assertThat(keda.poll(10_000, 3, 0)).isEqualTo(3);
    assertThat(keda.hpa().minReplicas()).isEqualTo(1);
  }

  @Test
  void shouldProposeAverageValueReplicasWithinTheTolerance() {
    KedaOperator keda = KedaOperator.of(rabbit(1, null));
    // 21 / (10 × 2) = 1.05: within 0.1 of 1, stays at 2
    assertThat(keda.hpaProposal(2, 21)).isEqualTo(2);
    // 23 / 20 = 1.15: ceil(23 / 10) = 3
    assertThat(keda.hpaProposal(2, 23)).isEqualTo(3);
    // 5 / 20 = 0.25: ceil(5 / 10) = 1
    assertThat(keda.hpaProposal(2, 5)).isEqualTo(1);
  }

  @Test
  void shouldRefuseAScaledObjectThePreviewCannotAnswer() {
    ScaledObject cpu = new ScaledObjectBuilder().withNewMetadata().withName("cpu").endMetadata().withNewSpec()
        .withNewScaleTargetRef().withName("w").endScaleTargetRef().addNewTrigger().withType("cpu")
        .withMetricType("Utilization").addToMetadata("value", "50").endTrigger().endSpec().build();
    assertThatThrownBy(() -> KedaOperator.of(cpu)).isInstanceOf(IllegalArgumentException.class);
  }
}
