package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.advanced.ScalingModifiers;
import dev.autoscaling.keda.formula.FormulaException;
import dev.autoscaling.keda.formula.ScalingFormula;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * What KEDA and the HPA it drives would do for a ScaledObject, given each trigger's current metric value (or that
 * it keeps failing) and the current replica count: the replica count they head for, and why.
 *
 * <pre>{@code
 * ScalingPreview.Result r = ScalingPreview.of(scaledObject).currentReplicas(1).metric(0, 95).evaluate();
 * r.replicas();   // 10: ceil(95 / 10), within minReplicaCount 1 and maxReplicaCount 100
 * }</pre>
 *
 * <p>Covers activation (a trigger is active when its value is strictly above its activation threshold), scale to
 * and from zero and idle replicas, AverageValue ({@code ceil(total / target)}) and Value
 * ({@code ceil(ready pods × value / target)}) targets, the HPA's 10% tolerance, the maximum across triggers, and
 * min/max clamping. With {@code advanced.scalingModifiers} the named triggers' metrics feed the formula and one
 * {@code composite-metric} (compared to the modifiers' target, metricType and activationTarget) replaces them.
 * A trigger marked {@link #failing} follows {@code spec.fallback} as KEDA v2.20.2 does: past
 * {@code failureThreshold} KEDA reports {@code target × R} (R from the behavior), or passes nil into the formula
 * (behavior scalingModifiers); before that, or without fallback, the HPA sees an error. Metrics of scalers outside
 * {@link TriggerTargets} must be given with their target. Not covered: cpu/memory triggers — asking about them is
 * an error, not a guess.
 */
public final class ScalingPreview {

  /** The HPA's default tolerance: no change while |usage ratio − 1| ≤ 0.1. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  private static final Set<String> RESOURCE_SCALERS = Set.of("cpu", "memory");

  /** The verdict: the replica count KEDA and the HPA head for, and each step that led there. */
  public record Result(int replicas, boolean active, List<String> reasons) {
    public Result {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One metric as the HPA sees it: {@code q = value / target}, the replicas' worth for AverageValue and the usage
   * ratio for Value; a null q is a metric the HPA could not get.
   */
  private record HpaMetric(String label, Double q, boolean averageValue, String value, String target) {
    static HpaMetric missing(String label) {
      return new HpaMetric(label, null, true, null, null);
    }
  }

  /** What the triggers amount to before KEDA's and the HPA's decisions. */
  private static final class Observation {
    final List<HpaMetric> metrics = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    boolean active;
    boolean error;
  }

  // Immutable like the definitions around it: each setting returns a new preview, so a half-set preview can be
  // shared (a monitor's template, evaluated for every poll) without one evaluation changing another's inputs.
  private final ScaledObject scaledObject; // the caller's object, copied once; never changed or handed out
  private final Map<Integer, Double> metrics;
  private final Map<Integer, Integer> failures;
  private final int currentReplicas;
  private final int readyReplicas;
  private final double tolerance;

  private ScalingPreview(ScaledObject scaledObject, Map<Integer, Double> metrics, Map<Integer, Integer> failures,
      int currentReplicas, int readyReplicas, double tolerance) {
    this.scaledObject = scaledObject;
    this.metrics = metrics;
    this.failures = failures;
    this.currentReplicas = currentReplicas;
    this.readyReplicas = readyReplicas;
    this.tolerance = tolerance;
  }

  /** A preview of the ScaledObject as it is now: changing the object afterwards does not change the preview. */
  public static ScalingPreview of(ScaledObject scaledObject) {
    return new ScalingPreview(Manifests.copy(scaledObject), Map.of(), Map.of(), -1, -1, DEFAULT_TOLERANCE);
  }

  private static <V> Map<Integer, V> plus(Map<Integer, V> map, int key, V value) {
    Map<Integer, V> bigger = new LinkedHashMap<>(map);
    bigger.put(key, value);
    return Collections.unmodifiableMap(bigger);
  }

  public ScalingPreview currentReplicas(int replicas) {
    return new ScalingPreview(scaledObject, metrics, failures, replicas, readyReplicas, tolerance);
  }

  /** Ready pods, which KEDA divides by for a Value target in fallback; by default all current replicas. */
  public ScalingPreview readyReplicas(int replicas) {
    return new ScalingPreview(scaledObject, metrics, failures, currentReplicas, replicas, tolerance);
  }

  /** The metric value of the trigger at this index (queue length, lag, ...). */
  public ScalingPreview metric(int triggerIndex, double value) {
    return new ScalingPreview(scaledObject, plus(metrics, triggerIndex, value), failures, currentReplicas,
        readyReplicas, tolerance);
  }

  /** The metric value of the trigger with this {@code name}. */
  public ScalingPreview metric(String triggerName, double value) {
    return metric(index(triggerName, "metric"), value);
  }

  /**
   * The trigger at this index cannot get its metric, and this poll is its {@code consecutiveFailures}-th failure
   * in a row (KEDA's {@code status.health[...].numberOfFailures} after counting it).
   */
  public ScalingPreview failing(int triggerIndex, int consecutiveFailures) {
    return new ScalingPreview(scaledObject, metrics, plus(failures, triggerIndex, consecutiveFailures),
        currentReplicas, readyReplicas, tolerance);
  }

  /** As {@link #failing(int, int)}, for the trigger with this {@code name}. */
  public ScalingPreview failing(String triggerName, int consecutiveFailures) {
    return failing(index(triggerName, "failing"), consecutiveFailures);
  }

  public ScalingPreview tolerance(double value) {
    return new ScalingPreview(scaledObject, metrics, failures, currentReplicas, readyReplicas, value);
  }

  private int index(String triggerName, String method) {
    List<Triggers> triggers = triggers();
    for (int i = 0; i < triggers.size(); i++) {
      if (triggerName.equals(triggers.get(i).getName())) {
        return i;
      }
    }
    throw new IllegalArgumentException(method + "(\"" + triggerName + "\"): no trigger has that name; names are "
        + triggers.stream().map(Triggers::getName).filter(n -> n != null).toList());
  }

  private List<Triggers> triggers() {
    ScaledObjectSpec spec = scaledObject.getSpec();
    return spec == null || spec.getTriggers() == null ? List.of() : spec.getTriggers();
  }

  /**
   * @throws ValidationException listing everything missing or not covered at once, each with its field: a
   *                             trigger without a metric value, a target that is not a number, a formula that does
   *                             not compile, a cpu/memory trigger
   */
  public Result evaluate() {
    ScaledObjectSpec spec = scaledObject.getSpec();
    List<String> problems = new ArrayList<>();
    if (currentReplicas < 0) {
      problems.add("currentReplicas: say how many replicas run now (0 or more)");
    }
    if (triggers().isEmpty()) {
      problems.add("spec.triggers: there is nothing to scale on");
    }
    FallbackRule fallback = FallbackRule.of(spec.getFallback());
    ScalingModifiers modifiers = spec.getAdvanced() == null ? null : spec.getAdvanced().getScalingModifiers();
    boolean composite = modifiers != null && modifiers.getFormula() != null && !modifiers.getFormula().isEmpty();
    Observation seen = composite ? composite(modifiers, fallback, problems) : perTrigger(fallback, problems);
    if (!problems.isEmpty()) {
      List<Violation> violations = new ArrayList<>(problems.size());
      for (String problem : problems) {
        int colon = problem.indexOf(": ");
        violations.add(colon < 0 ? Violation.error("", "preview", problem)
            : Violation.error(problem.substring(0, colon), "preview", problem.substring(colon + 2)));
      }
      throw new ValidationException("preview of ScaledObject " + scaledObject.getMetadata().getName(), violations);
    }
    return decide(seen, spec, fallback);
  }

  /** Without scalingModifiers: each trigger is its own external metric in the HPA. */
  private Observation perTrigger(FallbackRule fallback, List<String> problems) {
    Observation seen = new Observation();
    List<Triggers> triggers = triggers();
    for (int i = 0; i < triggers.size(); i++) {
      Triggers trigger = triggers.get(i);
      String where = "spec.triggers[" + i + "] (" + trigger.getType() + ")";
      String label = "trigger " + i;
      boolean averageValue = !"Value".equals(trigger.getMetricType());
      if (failures.containsKey(i) && !RESOURCE_SCALERS.contains(trigger.getType())) {
        failingTrigger(label, failures.get(i), fallback, averageValue, problems, where, seen);
        continue;
      }
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
      double value = metrics.get(i);
      double threshold = activation == null ? 0 : activation;
      boolean active = value > threshold;
      seen.active |= active;
      seen.reasons.add(label + ": " + format(value) + (active ? " > " : " <= ") + "activation " + format(threshold)
          + (active ? ", active" : ", inactive"));
      seen.metrics.add(new HpaMetric(label, value / target, averageValue, format(value), format(target)));
    }
    return seen;
  }

  /** A trigger without scalingModifiers that cannot get its metric: fallback, or an error for the HPA. */
  private void failingTrigger(String label, int failed, FallbackRule fallback, boolean averageValue,
      List<String> problems, String where, Observation seen) {
    String count = failingFor(label, failed);
    if (fallback == null || !fallback.valid(null) || !fallback.exceeded(failed)) {
      seen.error = true;
      seen.metrics.add(HpaMetric.missing(label));
      seen.reasons.add(count + (fallback == null ? ", no fallback" : fallback.valid(null)
          ? ", not more than failureThreshold " + fallback.failureThreshold() : ", fallback has negative numbers")
          + ": KEDA passes the error on, the HPA gets no value");
      return;
    }
    if (fallback.viaFormula()) {
      problems.add(where + ": fallback.behavior scalingModifiers needs advanced.scalingModifiers.formula (KEDA's"
          + " admission rejects this ScaledObject)");
      return;
    }
    int r = fallback.replicasFor(currentReplicas);
    seen.reasons.add(count + ", more than failureThreshold " + fallback.failureThreshold() + ": fallback "
        + fallback.explain(currentReplicas) + ", KEDA reports target × " + r + " and counts the trigger active");
    seen.active = true;
    if (averageValue) {
      seen.metrics.add(new HpaMetric(label, (double) r, true, "target × " + r, "target"));
      return;
    }
    int ready = readyPods(currentReplicas);
    if (ready == 0) {
      seen.error = true;
      seen.metrics.add(HpaMetric.missing(label));
      seen.reasons.add(label + ": a Value target divides by the ready pods, and none is ready: KEDA's fallback"
          + " fails too");
      return;
    }
    seen.metrics.add(new HpaMetric(label, (double) r / ready, false, "target × " + r + " / " + ready + " ready",
        "target"));
  }

  /** With scalingModifiers: the named triggers feed the formula, one composite-metric goes to the HPA. */
  private Observation composite(ScalingModifiers modifiers, FallbackRule fallback, List<String> problems) {
    Observation seen = new Observation();
    String at = "spec.advanced.scalingModifiers.";
    Double target = number(modifiers.getTarget() == null ? "" : modifiers.getTarget(), at + "target", problems);
    if (target != null && target <= 0) {
      problems.add(at + "target: must be a number above 0");
    }
    Double activation = modifiers.getActivationTarget() == null ? Double.valueOf(0)
        : number(modifiers.getActivationTarget(), at + "activationTarget", problems);
    boolean averageValue = modifiers.getMetricType() != ScalingModifiers.MetricType.VALUE;
    List<Triggers> triggers = triggers();
    List<String> names = new ArrayList<>();
    for (Triggers trigger : triggers) {
      if (!RESOURCE_SCALERS.contains(trigger.getType()) && trigger.getName() != null && !trigger.getName().isEmpty()) {
        names.add(trigger.getName());
      }
    }
    ScalingFormula formula = null;
    try {
      formula = ScalingFormula.compile(modifiers.getFormula(), names);
    } catch (FormulaException e) {
      problems.add(at + "formula: " + e.getMessage());
    }

    Map<String, Double> values = new LinkedHashMap<>();
    Integer fallbackReplicas = null;
    for (int i = 0; i < triggers.size(); i++) {
      Triggers trigger = triggers.get(i);
      String where = "spec.triggers[" + i + "] (" + trigger.getType() + ")";
      String name = trigger.getName();
      if (RESOURCE_SCALERS.contains(trigger.getType())) {
        problems.add(where + ": cpu and memory are resource metrics, which the preview does not model");
        continue;
      }
      if (name == null || name.isEmpty()) {
        seen.reasons.add("trigger " + i + " (" + trigger.getType() + ") has no name: it cannot feed the formula");
        continue;
      }
      if (failures.containsKey(i)) {
        int failed = failures.get(i);
        String count = failingFor(name, failed);
        if (fallback != null && fallback.valid(modifiers.getTarget()) && fallback.exceeded(failed)) {
          if (fallback.viaFormula()) {
            values.put(name, null);
            seen.reasons.add(count + ", more than failureThreshold " + fallback.failureThreshold()
                + ": it enters the formula as nil (fallback.behavior scalingModifiers)");
          } else {
            fallbackReplicas = fallback.replicasFor(currentReplicas);
            seen.reasons.add(count + ", more than failureThreshold " + fallback.failureThreshold() + ": fallback "
                + fallback.explain(currentReplicas) + "; the formula is not evaluated");
          }
        } else {
          seen.error = true;
          seen.reasons.add(count + (fallback == null ? ", no fallback"
              : !fallback.valid(modifiers.getTarget()) ? ", and fallback is off: with scalingModifiers KEDA needs"
              + " an integer target above 0, not '" + modifiers.getTarget() + "'"
              : ", not more than failureThreshold " + fallback.failureThreshold()) + ": KEDA gets an error");
        }
        continue;
      }
      if (!metrics.containsKey(i)) {
        problems.add(where + ": give its current metric value with metric(\"" + name + "\", value)");
        continue;
      }
      values.put(name, metrics.get(i));
    }
    if (!problems.isEmpty()) {
      return seen;
    }
    Double value = compositeValue(formula, values, fallbackReplicas, target, averageValue, fallback, seen);
    if (value == null) {
      seen.metrics.add(HpaMetric.missing("composite-metric"));
      return seen;
    }
    // KEDA hands the HPA a milli-quantity: int64(value × 1000)
    value = (long) (value * 1000) / 1000.0;
    seen.active = value > activation;
    seen.reasons.add("composite-metric " + format(value) + (seen.active ? " > " : " <= ") + "activationTarget "
        + format(activation) + (seen.active ? ", active" : ", inactive"));
    seen.metrics.add(new HpaMetric("composite-metric", value / target, averageValue, format(value), format(target)));
    return seen;
  }

  /** The composite metric KEDA serves, or null when it serves none (and why, in the reasons). */
  private Double compositeValue(ScalingFormula formula, Map<String, Double> values, Integer fallbackReplicas,
      double target, boolean averageValue, FallbackRule fallback, Observation seen) {
    if (seen.error) {
      seen.reasons.add("a trigger errs: KEDA serves no composite-metric and counts the ScaledObject inactive");
      return null;
    }
    if (fallbackReplicas != null) {
      double value = target * fallbackReplicas;
      String how = "scalingModifiers.target " + format(target) + " × " + fallbackReplicas;
      if (!averageValue) {
        int ready = readyPods(currentReplicas);
        if (ready == 0) {
          seen.error = true;
          seen.reasons.add("a Value target divides by the ready pods, and none is ready: KEDA's fallback fails too");
          return null;
        }
        value /= ready;
        how += " / " + ready + " ready";
      }
      seen.reasons.add("fallback composite-metric: " + how + " = " + format(value));
      return value;
    }
    StringJoiner inputs = new StringJoiner(", ");
    values.forEach((name, v) -> inputs.add(name + "=" + (v == null ? "nil" : format(v))));
    try {
      Double value = formula.evaluate(values);
      if (value != null) {
        seen.reasons.add("formula " + formula + " with " + inputs + " = " + format(value));
        return value;
      }
      if (fallback != null) {
        double replaced = fallback.replicas() * target;
        seen.reasons.add("formula " + formula + " with " + inputs + " gives nil: KEDA uses fallback.replicas "
            + fallback.replicas() + " × target " + format(target) + " = " + format(replaced));
        return replaced;
      }
      seen.reasons.add("formula " + formula + " with " + inputs + " gives nil and there is no fallback: KEDA logs"
          + " an error, serves no composite-metric and sees nothing active");
    } catch (FormulaException e) {
      seen.reasons.add("formula " + formula + " with " + inputs + " fails (" + e.getMessage() + "): KEDA logs the"
          + " error, serves no composite-metric and sees nothing active");
    }
    return null;
  }

  /** KEDA's scale loop (to and from zero) and the HPA's proposal for what the triggers amount to. */
  private Result decide(Observation seen, ScaledObjectSpec spec, FallbackRule fallback) {
    int min = spec.getMinReplicaCount() == null ? 0 : spec.getMinReplicaCount();
    int max = spec.getMaxReplicaCount() == null ? 100 : spec.getMaxReplicaCount();
    Integer idle = spec.getIdleReplicaCount();
    List<String> reasons = new ArrayList<>(seen.reasons);
    if (!seen.active) {
      if (seen.error && fallback != null && fallback.replicas() != 0) {
        reasons.add("nothing active and a trigger errs: KEDA keeps the " + currentReplicas + " replicas, so that"
            + " fallback can act once failureThreshold is passed");
        return new Result(currentReplicas, false, reasons);
      }
      if (seen.error && fallback == null) {
        reasons.add("nothing active and a trigger errs without fallback: KEDA reports Ready=False (TriggerError)"
            + " and keeps the " + currentReplicas + " replicas");
        return new Result(currentReplicas, false, reasons);
      }
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
    int valid = 0;
    for (HpaMetric m : seen.metrics) {
      if (m.q() == null) {
        reasons.add(m.label() + ": no value, the HPA counts the metric as invalid");
        continue;
      }
      valid++;
      double ratio = m.averageValue() ? m.q() / from : m.q();
      int proposal;
      if (Math.abs(ratio - 1) <= tolerance) {
        proposal = from;
        reasons.add(m.label() + ": usage ratio " + format(ratio) + " is within the HPA's tolerance of "
            + format(tolerance) + ": stays at " + from);
      } else {
        // the HPA multiplies a Value ratio by the ready pods (which is why KEDA's fallback divides by them)
        int ready = readyPods(from);
        proposal = (int) Math.ceil(m.averageValue() ? m.q() : ready * m.q());
        reasons.add(m.label() + ": " + (m.averageValue()
            ? "AverageValue: ceil(" + m.value() + " / " + m.target() + ")"
            : "Value: ceil(" + ready + " ready × " + m.value() + " / " + m.target() + ")") + " = " + proposal);
      }
      desired = Math.max(desired, proposal);
    }
    if (valid == 0) {
      reasons.add("the HPA has no valid metric: it keeps " + from + " replicas");
      return new Result(from, true, reasons);
    }
    if (valid > 1) {
      reasons.add("the HPA takes the largest proposal: " + desired);
    }
    if (valid < seen.metrics.size() && desired < from) {
      reasons.add("with a metric missing the HPA does not scale down: it keeps " + from + " replicas");
      return new Result(from, true, reasons);
    }
    int floor = Math.max(min, 1);
    int clamped = Math.min(max, Math.max(floor, desired));
    if (clamped != desired) {
      reasons.add("clamped to " + (clamped == max ? "maxReplicaCount " + max : "minimum " + floor));
    }
    return new Result(clamped, true, reasons);
  }

  /** The ready pods KEDA's Value fallback and the HPA's Value proposal count: as given, else all running. */
  private int readyPods(int running) {
    return readyReplicas >= 0 ? readyReplicas : running;
  }

  private static String failingFor(String trigger, int failed) {
    return trigger + ": failing " + failed + " time" + (failed == 1 ? "" : "s") + " in a row";
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
    return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value)
        : Double.toString(value);
  }
}
