package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Fallback;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.advanced.ScalingModifiers;
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

  private static ScaledObject withFallback(ScaledObject so, String behavior, int threshold, int replicas) {
    return new ScaledObjectBuilder(so).editSpec().withNewFallback().withFailureThreshold(threshold)
        .withReplicas(replicas).withBehavior(behavior == null ? null : Fallback.Behavior.valueOf(behavior))
        .endFallback().endSpec().build();
  }

  @Test
  void shouldFallBackToStaticReplicasOnlyPastTheThreshold() {
    ScaledObject so = withFallback(workshop(), "_STATIC", 3, 6);

    ScalingPreview.Result past = ScalingPreview.of(so).currentReplicas(2).failing(0, 4).evaluate();
    assertThat(past.replicas()).isEqualTo(6);
    assertThat(past.active()).isTrue();
    assertThat(past.reasons()).containsExactly(
        "trigger 0: failing 4 times in a row, more than failureThreshold 3: fallback static uses fallback.replicas"
            + " 6, KEDA reports target × 6 and counts the trigger active",
        "trigger 0: AverageValue: ceil(target × 6 / target) = 6");

    ScalingPreview.Result at = ScalingPreview.of(so).currentReplicas(2).failing(0, 3).evaluate();
    assertThat(at.replicas()).isEqualTo(2);
    assertThat(at.active()).isFalse();
    assertThat(at.reasons()).contains("nothing active and a trigger errs: KEDA keeps the 2 replicas, so that"
        + " fallback can act once failureThreshold is passed");
  }

  @ParameterizedTest(name = "{0} with fallback.replicas 6 and {1} running -> {2}")
  @CsvSource({
      "CURRENTREPLICAS, 7, 7",
      "CURRENTREPLICASIFHIGHER, 9, 9",
      "CURRENTREPLICASIFHIGHER, 2, 6",
      "CURRENTREPLICASIFLOWER, 9, 6",
      "CURRENTREPLICASIFLOWER, 2, 2"})
  void shouldTakeTheFallbackReplicasTheBehaviorChooses(String behavior, int running, int expected) {
    ScaledObject so = withFallback(workshop(), behavior, 3, 6);

    ScalingPreview.Result result = ScalingPreview.of(so).currentReplicas(running).failing(0, 4).evaluate();

    assertThat(result.replicas()).isEqualTo(expected);
    assertThat(result.reasons().get(0)).contains("fallback " + Fallback.Behavior.valueOf(behavior).getValue());
  }

  @Test
  void shouldDivideAValueFallbackByTheReadyPods() {
    ScaledObject value = withFallback(new ScaledObjectBuilder(workshop()).editSpec().editFirstTrigger()
        .withMetricType("Value").endTrigger().endSpec().build(), "_STATIC", 3, 6);

    ScalingPreview.Result twoReady = ScalingPreview.of(value).currentReplicas(4).readyReplicas(2).failing(0, 4)
        .evaluate();
    assertThat(twoReady.replicas()).isEqualTo(6);
    assertThat(twoReady.reasons()).contains("trigger 0: Value: ceil(2 ready × target × 6 / 2 ready / target) = 6");

    ScalingPreview.Result noneReady = ScalingPreview.of(value).currentReplicas(4).readyReplicas(0).failing(0, 4)
        .evaluate();
    assertThat(noneReady.replicas()).isEqualTo(4);
    assertThat(noneReady.reasons()).contains("trigger 0: a Value target divides by the ready pods, and none is"
        + " ready: KEDA's fallback fails too");
  }

  @Test
  void shouldNotScaleDownWhileAMetricIsMissing() {
    ScaledObject two = new ScaledObjectBuilder(workshop()).editSpec()
        .addNewTrigger().withType("kafka").withName("lag").addToMetadata("lagThreshold", "50").endTrigger()
        .endSpec().build();

    ScalingPreview.Result up = ScalingPreview.of(two).currentReplicas(2).metric(0, 50).failing("lag", 1).evaluate();
    assertThat(up.replicas()).isEqualTo(5);

    ScalingPreview.Result held = ScalingPreview.of(two).currentReplicas(4).metric(0, 5).failing("lag", 1).evaluate();
    assertThat(held.replicas()).isEqualTo(4);
    assertThat(held.reasons()).contains("trigger 1: failing 1 time in a row, no fallback: KEDA passes the error on,"
        + " the HPA gets no value", "with a metric missing the HPA does not scale down: it keeps 4 replicas");
  }

  /** The workshop's queue plus a kafka lag, combined by a formula into one composite metric. */
  private static ScaledObject composite(String formula, String target, String activation, String metricType) {
    return new ScaledObjectBuilder(workshop()).editSpec()
        .editFirstTrigger().withName("queue").endTrigger()
        .addNewTrigger().withType("kafka").withName("lag").addToMetadata("lagThreshold", "50").endTrigger()
        .withNewAdvanced().withNewScalingModifiers().withFormula(formula).withTarget(target)
        .withActivationTarget(activation)
        .withMetricType(metricType == null ? null : ScalingModifiers.MetricType.valueOf(metricType))
        .endScalingModifiers().endAdvanced()
        .endSpec().build();
  }

  @Test
  void shouldScaleOnTheFormulasCompositeMetric() {
    ScalingPreview.Result result = ScalingPreview.of(composite("(queue + lag)/2", "5", null, null))
        .currentReplicas(1).metric("queue", 30).metric("lag", 10).evaluate();

    assertThat(result.replicas()).isEqualTo(4);
    assertThat(result.reasons()).containsExactly(
        "formula (queue + lag)/2 with queue=30, lag=10 = 20",
        "composite-metric 20 > activationTarget 0, active",
        "composite-metric: AverageValue: ceil(20 / 5) = 4");
  }

  @ParameterizedTest(name = "{0}, target {1}, activation {2}, {3}, running {4} -> {5}")
  @CsvSource(nullValues = "-", value = {
      "queue > 2 ? queue + lag : 1, 5, -, -, 1, 8",     // 30 + 10 = 40, ceil(40 / 5)
      "queue > 40 ? queue + lag : 1, 5, -, -, 3, 1",    // 1: ceil(1 / 5) = 1
      "(queue + lag)/2, 5, 25, -, 3, 1",                // 20 <= activationTarget 25: back to minReplicaCount 1
      "(queue + lag)/2, 5, -, VALUE, 2, 8",             // Value: ceil(2 ready × 20 / 5)
      "'max(queue, lag) / 3', 4, -, -, 1, 3"})            // 10 (30 / 3) -> ceil(10 / 4)
  void shouldFollowTheCompositeTargetAndActivation(String formula, String target, String activation,
      String metricType, int running, int expected) {
    ScalingPreview.Result result = ScalingPreview.of(composite(formula, target, activation, metricType))
        .currentReplicas(running).metric("queue", 30).metric("lag", 10).evaluate();

    assertThat(result.replicas()).isEqualTo(expected);
  }

  @Test
  void shouldRouteAroundFailingTriggersWithNilCoalescing() {
    ScaledObject so = withFallback(composite("queue ?? lag ?? 8", "2", null, null), "SCALINGMODIFIERS", 3, 10);

    ScalingPreview.Result queueDown = ScalingPreview.of(so).currentReplicas(1).failing("queue", 5).metric("lag", 6)
        .evaluate();
    assertThat(queueDown.replicas()).isEqualTo(3);
    assertThat(queueDown.reasons()).contains("queue: failing 5 times in a row, more than failureThreshold 3: it"
        + " enters the formula as nil (fallback.behavior scalingModifiers)",
        "formula queue ?? lag ?? 8 with queue=nil, lag=6 = 6");

    ScalingPreview.Result bothDown = ScalingPreview.of(so).currentReplicas(1).failing("queue", 5).failing("lag", 4)
        .evaluate();
    assertThat(bothDown.replicas()).isEqualTo(4);
  }

  @Test
  void shouldUseFallbackReplicasWhenTheFormulaGivesNil() {
    ScaledObject so = withFallback(composite("queue ?? lag", "2", null, null), "SCALINGMODIFIERS", 3, 10);

    ScalingPreview.Result result = ScalingPreview.of(so).currentReplicas(1).failing("queue", 5).failing("lag", 5)
        .evaluate();

    assertThat(result.replicas()).isEqualTo(10);
    assertThat(result.reasons()).contains("formula queue ?? lag with queue=nil, lag=nil gives nil: KEDA uses"
        + " fallback.replicas 10 × target 2 = 20");
  }

  @Test
  void shouldReplaceTheFormulaByTheFallbackMetricForOtherBehaviors() {
    ScaledObject so = withFallback(composite("(queue + lag)/2", "5", null, null), "_STATIC", 3, 6);

    ScalingPreview.Result result = ScalingPreview.of(so).currentReplicas(2).metric("queue", 30).failing("lag", 4)
        .evaluate();

    assertThat(result.replicas()).isEqualTo(6);
    assertThat(result.reasons()).contains("fallback composite-metric: scalingModifiers.target 5 × 6 = 30");
  }

  @Test
  void shouldNotFallBackWhenTheCompositeTargetIsNotAnInteger() {
    ScaledObject so = withFallback(composite("(queue + lag)/2", "2.5", null, null), "_STATIC", 3, 6);

    ScalingPreview.Result result = ScalingPreview.of(so).currentReplicas(2).metric("queue", 30).failing("lag", 4)
        .evaluate();

    assertThat(result.replicas()).isEqualTo(2);
    assertThat(result.active()).isFalse();
    assertThat(result.reasons().get(0)).contains("fallback is off: with scalingModifiers KEDA needs an integer"
        + " target above 0, not '2.5'");
  }

  @Test
  void shouldTreatAFailingFormulaAsNothingActive() {
    ScaledObject so = new ScaledObjectBuilder(withFallback(composite("queue + lag", "2", null, null),
        "SCALINGMODIFIERS", 3, 10)).editSpec().withMinReplicaCount(0).endSpec().build();

    ScalingPreview.Result result = ScalingPreview.of(so).currentReplicas(3).failing("queue", 4).metric("lag", 6)
        .evaluate();

    assertThat(result.replicas()).isZero();
    assertThat(result.active()).isFalse();
    assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("invalid operation: <nil> + float64"));
  }

  @Test
  void shouldRejectAFormulaThatDoesNotCompile() {
    assertThatThrownBy(() -> ScalingPreview.of(composite("queue + lagg", "5", null, null)).currentReplicas(1)
        .metric("queue", 1).metric("lag", 1).evaluate())
        .hasMessageContaining("spec.advanced.scalingModifiers.formula: unknown name lagg at column 9; did you mean"
            + " lag?");
  }
}
