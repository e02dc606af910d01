package dev.autoscaling.simulation.keda;

import dev.autoscaling.keda.ScalingPreview;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.simulation.hpa.HpaController;

/**
 * KEDA's operator for one ScaledObject, as {@code pkg/scaling/scale_handler.go} and
 * {@code pkg/scaling/executor/scale_scaledobjects.go} of KEDA v2.20.2 do it: every {@code pollingInterval} (default
 * 30 s) it asks the triggers whether they are active; an active ScaledObject at 0 replicas goes to
 * max(minReplicaCount, 1); one that has been inactive for {@code cooldownPeriod} (default 300 s) goes to
 * {@code idleReplicaCount} or 0, and only when minReplicaCount is 0 (or idle is set). Between those the HPA KEDA
 * created ({@code keda-hpa-<name>}, min max(minReplicaCount, 1), max maxReplicaCount default 100) scales, its
 * proposal computed by {@link ScalingPreview} (AverageValue, tolerance, fallback, scaling modifiers). Every trigger
 * reads the simulated queue depth.
 */
public final class KedaOperator {

  private final ScaledObject scaledObject;
  private final int pollingInterval;
  private final int cooldownPeriod;
  private final int minReplicas;
  private final int maxReplicas;
  private final Integer idleReplicas;
  private final HpaController hpa;
  private long lastActive = Long.MIN_VALUE / 2;
  private boolean active;
  private int failures;

  private KedaOperator(ScaledObject scaledObject) {
    this.scaledObject = scaledObject;
    ScaledObjectSpec spec = scaledObject.getSpec();
    this.pollingInterval = spec.getPollingInterval() == null ? 30 : spec.getPollingInterval();
    this.cooldownPeriod = spec.getCooldownPeriod() == null ? 300 : spec.getCooldownPeriod();
    this.minReplicas = spec.getMinReplicaCount() == null ? 0 : spec.getMinReplicaCount();
    this.maxReplicas = spec.getMaxReplicaCount() == null ? 100 : spec.getMaxReplicaCount();
    this.idleReplicas = spec.getIdleReplicaCount();
    var config = spec.getAdvanced() == null ? null : spec.getAdvanced().getHorizontalPodAutoscalerConfig();
    this.hpa = HpaController.of(config == null ? null : config.getBehavior(), Math.max(1, minReplicas), maxReplicas);
  }

  /**
   * @throws IllegalArgumentException when {@link ScalingPreview} cannot compute this ScaledObject's answer (a
   *                                  trigger type whose target it does not know, a cpu/memory trigger, ...)
   */
  public static KedaOperator of(ScaledObject scaledObject) {
    KedaOperator operator = new KedaOperator(scaledObject);
    operator.preview(1, 0, false).evaluate();
    return operator;
  }

  public ScaledObject scaledObject() {
    return scaledObject;
  }

  public String name() {
    return scaledObject.getMetadata().getName();
  }

  public String target() {
    return scaledObject.getSpec().getScaleTargetRef().getName();
  }

  public int pollingInterval() {
    return pollingInterval;
  }

  public int cooldownPeriod() {
    return cooldownPeriod;
  }

  public HpaController hpa() {
    return hpa;
  }

  public boolean active() {
    return active;
  }

  private ScalingPreview preview(int current, double value, boolean failing) {
    ScalingPreview preview = ScalingPreview.of(scaledObject).currentReplicas(current);
    int triggers = scaledObject.getSpec().getTriggers().size();
    for (int i = 0; i < triggers; i++) {
      // a ScalingPreview is immutable: each setting returns the preview with it
      preview = failing ? preview.failing(i, failures) : preview.metric(i, value);
    }
    return preview;
  }

  /**
   * One poll at second {@code now} with the metric {@code value} (NaN: the scaler failed): the replica count KEDA
   * itself sets (activation from 0, deactivation after the cooldown), or {@code current} when that is the HPA's
   * business.
   */
  public int poll(long now, int current, double value) {
    boolean failing = Double.isNaN(value);
    failures = failing ? failures + 1 : 0;
    ScalingPreview.Result result = preview(current, failing ? 0 : value, failing).evaluate();
    active = result.active();
    if (active) {
      lastActive = now;
      if (current == 0 || (idleReplicas != null && current == idleReplicas)) {
        return Math.max(minReplicas, 1);
      }
      return current;
    }
    boolean mayIdle = minReplicas == 0 || idleReplicas != null;
    int idle = idleReplicas == null ? 0 : idleReplicas;
    if (mayIdle && current > idle && now - lastActive >= cooldownPeriod) {
      return idle;
    }
    return current;
  }

  /** What the HPA's metrics propose at {@code current} replicas (the HPA does nothing at 0). */
  public int hpaProposal(int current, double value) {
    boolean failing = Double.isNaN(value);
    return preview(current, failing ? 0 : value, failing).evaluate().replicas();
  }

  /** Whether the last poll found a trigger active, and since when it has not been. */
  public long lastActive() {
    return lastActive;
  }
}
