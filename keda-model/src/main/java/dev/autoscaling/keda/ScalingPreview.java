package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What KEDA and the HPA it drives would do for a ScaledObject, given each trigger's current metric value and the
 * current replica count: the replica count they head for, and why.
 *
 * <pre>{@code
 * ScalingPreview.Result r = ScalingPreview.of(scaledObject).currentReplicas(1).metric(0, 95).evaluate();
 * r.replicas();   // 10: ceil(95 / 10), within minReplicaCount 1 and maxReplicaCount 100
 * }</pre>
 *
 * <p>Covers activation (a trigger is active when its value is strictly above its activation threshold), scale to
 * and from zero and idle replicas, AverageValue ({@code ceil(total / target)}) and Value
 * ({@code ceil(current × value / target)}) targets, the HPA's 10% tolerance, the maximum across triggers, and
 * min/max clamping. Metrics of scalers outside {@link TriggerTargets} must be given with their target. Not
 * covered: scalingModifiers formulas, fallback and cpu/memory triggers — asking about them is an error, not a guess.
 */
public final class ScalingPreview {

  /** The HPA's default tolerance: no change while |usage ratio − 1| ≤ 0.1. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** The verdict: the replica count KEDA and the HPA head for, and each step that led there. */
  public record Result(int replicas, boolean active, List<String> reasons) {
    public Result {
      reasons = List.copyOf(reasons);
    }
  }

  private final ScaledObject scaledObject;
  private final Map<Integer, Double> metrics = new LinkedHashMap<>();
  private int currentReplicas = -1;
  private double tolerance = DEFAULT_TOLERANCE;

  private ScalingPreview(ScaledObject scaledObject) {
    this.scaledObject = scaledObject;
  }

  public static ScalingPreview of(ScaledObject scaledObject) {
    return new ScalingPreview(scaledObject);
  }

  public ScalingPreview currentReplicas(int replicas) {
    this.currentReplicas = replicas;
    return this;
  }

  /** The metric value of the trigger at this index (queue length, lag, ...). */
  public ScalingPreview metric(int triggerIndex, double value) {
    metrics.put(triggerIndex, value);
    return this;
  }

  /** The metric value of the trigger with this {@code name}. */
  public ScalingPreview metric(String triggerName, double value) {
    List<Triggers> triggers = triggers();
    for (int i = 0; i < triggers.size(); i++) {
      if (triggerName.equals(triggers.get(i).getName())) {
        return metric(i, value);
      }
    }
    throw new IllegalArgumentException("metric(\"" + triggerName + "\"): no trigger has that name; names are "
        + triggers.stream().map(Triggers::getName).filter(n -> n != null).toList());
  }

  public ScalingPreview tolerance(double value) {
    this.tolerance = value;
    return this;
  }

  private List<Triggers> triggers() {
    ScaledObjectSpec spec = scaledObject.getSpec();
    return spec == null || spec.getTriggers() == null ? List.of() : spec.getTriggers();
  }

  /**
   * @throws IllegalArgumentException naming what is missing or not covered: a trigger without a metric value, a
   *                                  target that is not a number, a scalingModifiers formula, a cpu/memory trigger
   */
  public Result evaluate() {
    ScaledObjectSpec spec = scaledObject.getSpec();
    List<Triggers> triggers = triggers();
    List<String> problems = new ArrayList<>();
    if (currentReplicas < 0) {
      problems.add("currentReplicas: say how many replicas run now (0 or more)");
    }
    if (spec.getAdvanced() != null && spec.getAdvanced().getScalingModifiers() != null) {
      problems.add("spec.advanced.scalingModifiers: formulas are not previewed");
    }
    if (triggers.isEmpty()) {
      problems.add("spec.triggers: there is nothing to scale on");
    }
    int min = spec.getMinReplicaCount() == null ? 0 : spec.getMinReplicaCount();
    int max = spec.getMaxReplicaCount() == null ? 100 : spec.getMaxReplicaCount();
    Integer idle = spec.getIdleReplicaCount();

    List<double[]> targets = new ArrayList<>(); // {value, target, activation, averageValue 1/0}
    for (int i = 0; i < triggers.size(); i++) {
      Triggers trigger = triggers.get(i);
      String where = "spec.triggers[" + i + "] (" + trigger.getType() + ")";
      TriggerTargets known = TriggerTargets.of(trigger.getType());
      if (known == null) {
        problems.add(where + ": the preview knows the targets of " + new TreeSet<>(TriggerTargets.types())
            + " only");
        continue;
      }
      if (!metrics.containsKey(i)) {
        problems.add(where + ": give its current metric value with metric(" + i + ", value)");
        continue;
      }
      Map<String, String> metadata = trigger.getMetadata() == null ? Map.of() : trigger.getMetadata();
      String targetText = metadata.getOrDefault(known.targetKey(),
          known.legacyTargetKey() == null ? null : metadata.get(known.legacyTargetKey()));
      Double target = targetText == null ? known.defaultTarget() : number(targetText, where + " metadata."
          + known.targetKey(), problems);
      if (target == null || target <= 0) {
        problems.add(where + ": metadata." + known.targetKey() + " must be a number above 0");
        continue;
      }
      String activationText = metadata.get(known.activationKey());
      Double activation = activationText == null ? 0.0 : number(activationText, where + " metadata."
          + known.activationKey(), problems);
      boolean averageValue = !"Value".equals(trigger.getMetricType());
      targets.add(new double[] {metrics.get(i), target, activation == null ? 0 : activation, averageValue ? 1 : 0, i});
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot preview ScaledObject "
          + scaledObject.getMetadata().getName() + ":\n  " + String.join("\n  ", problems));
    }

    List<String> reasons = new ArrayList<>();
    boolean active = false;
    for (double[] t : targets) {
      boolean triggerActive = t[0] > t[2];
      active |= triggerActive;
      reasons.add("trigger " + (int) t[4] + ": " + format(t[0]) + (triggerActive ? " > " : " <= ")
          + "activation " + format(t[2]) + (triggerActive ? ", active" : ", inactive"));
    }
    if (!active) {
      int replicas = idle != null ? idle : min;
      reasons.add("no trigger active: KEDA scales to " + (idle != null ? "idleReplicaCount " : "minReplicaCount ")
          + replicas + (replicas < currentReplicas ? " once cooldownPeriod has passed" : ""));
      return new Result(replicas, false, reasons);
    }
    int from = currentReplicas;
    if (from == 0 || (idle != null && from < Math.max(min, 1))) {
      from = Math.max(min, 1);
      reasons.add("active from " + currentReplicas + " replicas: KEDA scales to " + from
          + " and hands over to the HPA");
    }
    int desired = 0;
    for (double[] t : targets) {
      boolean averageValue = t[3] == 1;
      double ratio = averageValue ? t[0] / (t[1] * from) : t[0] / t[1];
      int proposal;
      if (Math.abs(ratio - 1) <= tolerance) {
        proposal = from;
        reasons.add("trigger " + (int) t[4] + ": usage ratio " + format(ratio) + " is within the HPA's tolerance of "
            + format(tolerance) + ": stays at " + from);
      } else {
        proposal = (int) Math.ceil(averageValue ? t[0] / t[1] : from * ratio);
        reasons.add("trigger " + (int) t[4] + ": " + (averageValue
            ? "AverageValue: ceil(" + format(t[0]) + " / " + format(t[1]) + ")"
            : "Value: ceil(" + from + " × " + format(t[0]) + " / " + format(t[1]) + ")") + " = " + proposal);
      }
      desired = Math.max(desired, proposal);
    }
    if (targets.size() > 1) {
      reasons.add("the HPA takes the largest proposal: " + desired);
    }
    int floor = Math.max(min, 1);
    int clamped = Math.min(max, Math.max(floor, desired));
    if (clamped != desired) {
      reasons.add("clamped to " + (clamped == max ? "maxReplicaCount " + max : "minimum " + floor));
    }
    return new Result(clamped, true, reasons);
  }

  private static Double number(String text, String where, List<String> problems) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      problems.add(where + ": '" + text + "' is not a number");
      return null;
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
