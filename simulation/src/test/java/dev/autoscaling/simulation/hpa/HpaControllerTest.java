package dev.autoscaling.simulation.hpa;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HpaControllerTest {

  @Test
  void shouldScaleUpByTheLargerOfFourPodsAndDoubleWithTheDefaults() {
    HpaController hpa = HpaController.of(null, 1, 100);
    // 1 → 10 wanted: max(1 + 4, ceil(1 × 2)) = 5
    assertThat(hpa.decide(0, 1, 10)).isEqualTo(5);
    // 15 s later the first scale-up is outside the 15 s period: max(5 + 4, 10) = 10
    assertThat(hpa.decide(15, 5, 10)).isEqualTo(10);
  }

  @Test
  void shouldLimitAScaleUpWithinThePeriodByWhatWasAddedAlready() {
    var behavior = new HorizontalPodAutoscalerBehaviorBuilder().withNewScaleUp().addNewPolicy().withType("Pods")
        .withValue(1).withPeriodSeconds(60).endPolicy().endScaleUp().build();
    HpaController hpa = HpaController.of(behavior, 1, 100);
    assertThat(hpa.decide(0, 2, 6)).isEqualTo(3);
    // within 60 s of adding one: period start 3 - 1 = 2, limit 3
    assertThat(hpa.decide(15, 3, 6)).isEqualTo(3);
    assertThat(hpa.decide(45, 3, 6)).isEqualTo(3);
    // at 60 s the event at 0 is out of the period (strictly after now - period): limit 4
    assertThat(hpa.decide(60, 3, 6)).isEqualTo(4);
  }

  @Test
  void shouldHoldAScaleDownForTheDefaultFiveMinuteWindow() {
    HpaController hpa = HpaController.of(null, 1, 100);
    // a new HPA starts its window with the current count, so 5 holds for 300 s
    assertThat(hpa.decide(0, 5, 1)).isEqualTo(5);
    assertThat(hpa.decide(150, 5, 1)).isEqualTo(5);
    assertThat(hpa.decide(285, 5, 1)).isEqualTo(5);
    // at 300 s the recommendations of second 0 leave the window; 100% per 15 s allows going to minReplicas
    assertThat(hpa.decide(300, 5, 1)).isEqualTo(1);
  }

  @Test
  void shouldTakeTheHighestRecommendationOfTheScaleDownWindow() {
    var behavior = new HorizontalPodAutoscalerBehaviorBuilder().withNewScaleDown()
        .withStabilizationWindowSeconds(60).endScaleDown().build();
    HpaController hpa = HpaController.of(behavior, 1, 100);
    assertThat(hpa.decide(0, 8, 8)).isEqualTo(8);
    assertThat(hpa.decide(15, 8, 6)).isEqualTo(8);
    assertThat(hpa.decide(30, 8, 3)).isEqualTo(8);
    // at 74 s the window (14, 74] holds 6, 3 and now 3: the highest, 6
    assertThat(hpa.decide(74, 8, 3)).isEqualTo(6);
    // at 90 s: (30, 90] holds only this 3 (a recommendation exactly 60 s old is out): down to 3
    assertThat(hpa.decide(90, 6, 3)).isEqualTo(3);
  }

  @Test
  void shouldKeepWithinMaxReplicas() {
    HpaController hpa = HpaController.of(null, 1, 3);
    assertThat(hpa.decide(0, 2, 10)).isEqualTo(3);
    assertThat(hpa.lastReason()).contains("maxReplicas 3");
  }

  @Test
  void shouldNotScaleUpWhenScaleUpIsDisabled() {
    var behavior = new HorizontalPodAutoscalerBehaviorBuilder().withNewScaleUp().withSelectPolicy("Disabled")
        .endScaleUp().build();
    assertThat(HpaController.of(behavior, 1, 100).decide(0, 2, 9)).isEqualTo(2);
  }
}
