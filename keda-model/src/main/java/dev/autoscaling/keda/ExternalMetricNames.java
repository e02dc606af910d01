package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;

import java.util.ArrayList;
import java.util.List;

/**
 * The external metric names KEDA gives a ScaledObject's triggers ({@code s0-rabbitmq-orders}), as they appear in
 * the HPA and in {@code status.externalMetricNames}: {@code s<index>-<scaler part>}, the part with
 * {@code / . : % ( )} replaced by {@code -}, for every scaler of KEDA v2.20.2. cpu and memory triggers are resource
 * metrics and have none; a solace trigger has one per target it sets; datadog in cluster-agent mode is named
 * {@code datadogmetric@<namespace>:<name>}, without index.
 *
 * <p>The names come from the object alone. Where KEDA takes a value from elsewhere (a {@code <param>FromEnv}
 * variable, a TriggerAuthentication, an Azure DevOps pool lookup, an external scaler's own answer), the name shows
 * {@code <param>} in its place ({@code s0-kafka-<topic>}), which no real metric name contains.
 */
public final class ExternalMetricNames {

  private ExternalMetricNames() {
  }

  public static List<String> of(ScaledObject scaledObject) {
    List<String> names = new ArrayList<>();
    List<Triggers> triggers = scaledObject.getSpec() == null || scaledObject.getSpec().getTriggers() == null
        ? List.of() : scaledObject.getSpec().getTriggers();
    for (int i = 0; i < triggers.size(); i++) {
      names.addAll(of(i, triggers.get(i), scaledObject.getMetadata().getNamespace()));
    }
    return names;
  }

  /**
   * The names of one trigger at this index of its ScaledObject.
   *
   * @param namespace the ScaledObject's namespace (kubernetes-workload names its metric after it)
   */
  public static List<String> of(int triggerIndex, Triggers trigger, String namespace) {
    List<String> names = new ArrayList<>();
    for (ScalerMetricParts.Part part : ScalerMetricParts.of(trigger.getType(), trigger.getMetadata(), namespace)) {
      String text = part.normalised() ? normalise(part.text()) : part.text();
      names.add(part.indexed() ? "s" + triggerIndex + "-" + text : text);
    }
    return names;
  }

  /** The HPA KEDA creates for the ScaledObject. */
  public static String hpaName(ScaledObject scaledObject) {
    var advanced = scaledObject.getSpec() == null ? null : scaledObject.getSpec().getAdvanced();
    if (advanced != null && advanced.getHorizontalPodAutoscalerConfig() != null
        && advanced.getHorizontalPodAutoscalerConfig().getName() != null
        && !advanced.getHorizontalPodAutoscalerConfig().getName().isEmpty()) {
      return advanced.getHorizontalPodAutoscalerConfig().getName();
    }
    return "keda-hpa-" + scaledObject.getMetadata().getName();
  }

  /** KEDA's NormalizeString. */
  private static String normalise(String part) {
    return part.replaceAll("[/.:%()]", "-");
  }
}
