package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingPreviewTest {

  /** The workshop's ScaledObject: rabbitmq, QueueLength, value 10, minReplicaCount 1. */
  private static ScaledObject workshop() {
    return new ScaledObjectBuilder()
        .withNewMetadata().withName("virtual-worker-rabbitmq-scaledobject").withNamespace("pets").endMetadata()
        .withNewSpec().withNewScaleTargetRef().withName("virtual-worker").endScaleTargetRef()
        .withMinReplicaCount(1).withPollingInterval(60)
        .addNewTrigger().withType("rabbitmq").addToMetadata("protocol", "http").addToMetadata("queueName", "orders")
        .addToMetadata("mode", "QueueLength").addToMetadata("value", "10").endTrigger()
        .endSpec().build();
  }

  @Test
  void shouldGiveTenReplicasForAQueueOf95WithTheWorkshopsValue10() {
    ScalingPreview.Result result = ScalingPreview.of(workshop()).currentReplicas(1).metric(0, 95).evaluate();

    assertThat(result.replicas()).isEqualTo(10);
    assertThat(result.active()).isTrue();
    assertThat(result.reasons()).contains("trigger 0: AverageValue: ceil(95 / 10) = 10");
  }

  @ParameterizedTest(name = "queue {1} with {0} running -> {2}")
  @CsvSource({
      "1, 0, 1",      // inactive: stays at minReplicaCount 1
      "4, 0, 1",      // inactive: back to minReplicaCount after the cooldown
      "4, 42, 4",     // ratio 42/40 = 1.05: within the HPA's 10% tolerance, stays at 4
      "4, 45, 5",     // ratio 1.125: ceil(45/10)
      "9, 95, 9",     // ratio 95/90 = 1.06: within tolerance, stays at 9
      "1, 5000, 100"  // clamped to maxReplicaCount 100
  })
  void shouldFollowTheHpaAlgorithm(int running, double queue, int expected) {
    ScalingPreview.Result result = ScalingPreview.of(workshop()).currentReplicas(running).metric(0, queue).evaluate();

    assertThat(result.replicas()).isEqualTo(expected);
  }

  @Test
  void shouldScaleFromZeroWhenATriggerBecomesActive() {
    ScaledObject toZero = new ScaledObjectBuilder(workshop()).editSpec().withMinReplicaCount(0)
        .editFirstTrigger().addToMetadata("activationValue", "5").endTrigger().endSpec().build();

    assertThat(ScalingPreview.of(toZero).currentReplicas(0).metric(0, 5).evaluate().replicas()).isZero();
    ScalingPreview.Result woken = ScalingPreview.of(toZero).currentReplicas(0).metric(0, 6).evaluate();
    assertThat(woken.replicas()).isEqualTo(1);
    assertThat(woken.reasons()).contains("active from 0 replicas: KEDA scales to 1 and hands over to the HPA");
  }

  @Test
  void shouldTakeTheLargestProposalAcrossTriggers() {
    ScaledObject two = new ScaledObjectBuilder(workshop()).editSpec()
        .addNewTrigger().withType("kafka").withName("lag").addToMetadata("lagThreshold", "50").endTrigger()
        .endSpec().build();

    ScalingPreview.Result result = ScalingPreview.of(two).currentReplicas(2).metric(0, 30).metric("lag", 400)
        .evaluate();

    assertThat(result.replicas()).isEqualTo(8);
    assertThat(result.reasons()).contains("the HPA takes the largest proposal: 8");
  }

  @Test
  void shouldSayWhatItCannotPreview() {
    ScaledObject cpu = new ScaledObjectBuilder(workshop()).editSpec()
        .addNewTrigger().withType("cpu").withMetricType("Utilization").addToMetadata("value", "60").endTrigger()
        .endSpec().build();

    assertThatThrownBy(() -> ScalingPreview.of(cpu).metric(0, 1).evaluate())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("currentReplicas: say how many replicas run now")
        .hasMessageContaining("spec.triggers[1] (cpu): the preview knows the targets of");
  }
}
