package dev.autoscaling.simulation.hpa;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Kubernetes' HPA controller that turns the metrics' proposal into a replica count, following
 * {@code kubernetes/pkg/controller/podautoscaler/horizontal.go} (v1.3x): {@code normalizeDesiredReplicasWithBehaviors}
 * keeps the recommendations of the stabilization windows (the scale-down window starts filled with the current
 * count when the HPA is new), takes the smallest recommendation of the scale-up window and the largest of the
 * scale-down window, then limits the change by the policies over their periods ({@code
 * calculateScaleUpLimitWithScalingRules}, {@code calculateScaleDownLimitWithBehaviors}) and by min/max. Without a
 * {@code behavior} the API server's defaults apply: scale up without stabilization by max(4 pods, 100%) per 15 s,
 * scale down after a 300 s window by up to 100% per 15 s. The metrics' proposal itself (AverageValue, the 0.1
 * tolerance) is KEDA's {@link dev.autoscaling.keda.ScalingPreview}.
 */
public final class HpaController {

  /** The controller's default {@code --horizontal-pod-autoscaler-sync-period}. */
  public static final int SYNC_PERIOD_SECONDS = 15;

  /** One policy: {@code Pods} or {@code Percent}, {@code value} per {@code periodSeconds}. */
  public record Policy(String type, int value, int periodSeconds) {
  }

  /** One direction's rules: a stabilization window, how policies combine (Max, Min, Disabled) and the policies. */
  public record Rules(int stabilizationWindowSeconds, String selectPolicy, List<Policy> policies) {
    public Rules {
      policies = List.copyOf(policies);
    }
  }

  public static final Rules DEFAULT_SCALE_UP = new Rules(0, "Max",
      List.of(new Policy("Pods", 4, 15), new Policy("Percent", 100, 15)));
  public static final Rules DEFAULT_SCALE_DOWN = new Rules(300, "Max", List.of(new Policy("Percent", 100, 15)));

  private record Stamped(long time, int value) {
  }

  private final Rules scaleUp;
  private final Rules scaleDown;
  private final int minReplicas;
  private final int maxReplicas;
  private final List<Stamped> recommendations = new ArrayList<>();
  private final List<Stamped> upEvents = new ArrayList<>();
  private final List<Stamped> downEvents = new ArrayList<>();
  private String lastReason = "";

  public HpaController(Rules scaleUp, Rules scaleDown, int minReplicas, int maxReplicas) {
    this.scaleUp = scaleUp;
    this.scaleDown = scaleDown;
    this.minReplicas = minReplicas;
    this.maxReplicas = maxReplicas;
  }

  /** The HPA KEDA creates: its behavior from {@code advanced.horizontalPodAutoscalerConfig}, or the defaults. */
  public static HpaController of(@Nullable HorizontalPodAutoscalerBehavior behavior, int minReplicas, int maxReplicas) {
    Rules up = DEFAULT_SCALE_UP;
    Rules down = DEFAULT_SCALE_DOWN;
    if (behavior != null) {
      up = rules(behavior.getScaleUp(), DEFAULT_SCALE_UP);
      down = rules(behavior.getScaleDown(), DEFAULT_SCALE_DOWN);
    }
    return new HpaController(up, down, minReplicas, maxReplicas);
  }

  /** A direction the user set replaces the default field by field, as the API server defaults each one. */
  private static Rules rules(HPAScalingRules given, Rules defaults) {
    if (given == null) {
      return defaults;
    }
    List<Policy> policies = given.getPolicies() == null || given.getPolicies().isEmpty() ? defaults.policies()
        : given.getPolicies().stream().map(HpaController::policy).toList();
    return new Rules(given.getStabilizationWindowSeconds() == null ? defaults.stabilizationWindowSeconds()
        : given.getStabilizationWindowSeconds(), given.getSelectPolicy() == null ? defaults.selectPolicy()
        : given.getSelectPolicy(), policies);
  }

  private static Policy policy(HPAScalingPolicy p) {
    return new Policy(p.getType(), p.getValue(), p.getPeriodSeconds());
  }

  public int minReplicas() {
    return minReplicas;
  }

  public int maxReplicas() {
    return maxReplicas;
  }

  public Rules scaleUp() {
    return scaleUp;
  }

  public Rules scaleDown() {
    return scaleDown;
  }

  /** Why the last {@link #decide} gave what it gave. */
  public String lastReason() {
    return lastReason;
  }

  /**
   * One sync: the replica count for {@code proposal} (what the metrics ask for) when {@code current} replicas run
   * at second {@code now}. Records the scale event when the answer differs from {@code current}.
   */
  public int decide(long now, int current, int proposal) {
    if (recommendations.isEmpty() && scaleDown.stabilizationWindowSeconds() > 0) {
      recommendations.add(new Stamped(now, current));
    }
    int up = proposal;
    int down = proposal;
    for (Stamped r : recommendations) {
      if (r.time() > now - scaleUp.stabilizationWindowSeconds()) {
        up = Math.min(up, r.value());
      }
      if (r.time() > now - scaleDown.stabilizationWindowSeconds()) {
        down = Math.max(down, r.value());
      }
    }
    int stabilized = current;
    if (stabilized < up) {
      stabilized = up;
    }
    if (stabilized > down) {
      stabilized = down;
    }
    long horizon = Math.max(scaleUp.stabilizationWindowSeconds(), scaleDown.stabilizationWindowSeconds());
    recommendations.removeIf(r -> r.time() <= now - horizon);
    recommendations.add(new Stamped(now, proposal));
    lastReason = stabilized != proposal ? "stabilized " + proposal + " to " + stabilized : "proposal " + proposal;

    int desired = stabilized;
    if (stabilized > current) {
      int limit = Math.max(current, scaleUpLimit(now, current));
      int allowed = Math.min(maxReplicas, limit);
      if (desired > allowed) {
        lastReason += allowed == limit && limit < maxReplicas ? ", scale-up policy allows " + allowed
            : ", maxReplicas " + allowed;
        desired = allowed;
      }
    } else if (stabilized < current) {
      int limit = Math.min(current, scaleDownLimit(now, current));
      int allowed = Math.max(minReplicas, limit);
      if (desired < allowed) {
        lastReason += allowed == limit && limit > minReplicas ? ", scale-down policy allows " + allowed
            : ", minReplicas " + allowed;
        desired = allowed;
      }
    }
    // events older than the longest policy period no longer count: keep a long run's lists short
    int period = 0;
    for (Policy p : scaleUp.policies()) {
      period = Math.max(period, p.periodSeconds());
    }
    for (Policy p : scaleDown.policies()) {
      period = Math.max(period, p.periodSeconds());
    }
    long cutoff = now - period;
    upEvents.removeIf(e -> e.time() <= cutoff);
    downEvents.removeIf(e -> e.time() <= cutoff);
    if (desired > current) {
      upEvents.add(new Stamped(now, desired - current));
    } else if (desired < current) {
      downEvents.add(new Stamped(now, current - desired));
    }
    return desired;
  }

  private int scaleUpLimit(long now, int current) {
    if ("Disabled".equals(scaleUp.selectPolicy())) {
      return current;
    }
    boolean min = "Min".equals(scaleUp.selectPolicy());
    int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (Policy p : scaleUp.policies()) {
      int start = current - changed(upEvents, now, p.periodSeconds()) + changed(downEvents, now, p.periodSeconds());
      int proposed = "Pods".equals(p.type()) ? start + p.value()
          : (int) Math.ceil(start * (1 + p.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  private int scaleDownLimit(long now, int current) {
    if ("Disabled".equals(scaleDown.selectPolicy())) {
      return current;
    }
    boolean min = "Min".equals(scaleDown.selectPolicy());
    int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (Policy p : scaleDown.policies()) {
      int start = current - changed(upEvents, now, p.periodSeconds()) + changed(downEvents, now, p.periodSeconds());
      int proposed = "Pods".equals(p.type()) ? start - p.value() : (int) (start * (1 - p.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  private static int changed(List<Stamped> events, long now, int periodSeconds) {
    int sum = 0;
    for (Stamped e : events) {
      if (e.time() > now - periodSeconds) {
        sum += e.value();
      }
    }
    return sum;
  }
}
