package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.ScaleTargetRef;
import dev.autoscaling.keda.api.v1alpha1.scaledobjectspec.Triggers;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KEDA v2.20.2's ScaledObject admission rules that read the cluster (keda-facts A.1 #1–#5): another ScaledObject
 * or a foreign HPA already scaling the workload, a clash of HPA names, and cpu/memory triggers on containers
 * without requests or limits. KEDA stops at the first; here every one is reported.
 */
final class ClusterAdmissionRules {

  static final String HPA_OWNERSHIP_VALIDATION = "validations.keda.sh/hpa-ownership";
  static final String TRANSFER_HPA_OWNERSHIP = "scaledobject.keda.sh/transfer-hpa-ownership";
  private static final String RULE = "KEDA admission";

  private final KubernetesClient client;
  private final ScaledObject scaledObject;
  private final String namespace;
  private final String targetGvk;
  private final String targetName;
  private final List<Violation> out = new ArrayList<>();

  private ClusterAdmissionRules(KubernetesClient client, ScaledObject scaledObject) {
    this.client = client;
    this.scaledObject = scaledObject;
    String ns = scaledObject.getMetadata().getNamespace();
    this.namespace = ns == null || ns.isEmpty() ? client.getNamespace() : ns;
    ScaleTargetRef ref = spec().getScaleTargetRef();
    this.targetGvk = gvk(ref == null ? null : ref.getApiVersion(), ref == null ? null : ref.getKind());
    this.targetName = ref == null ? null : ref.getName();
  }

  static List<Violation> check(KubernetesClient client, ScaledObject scaledObject) {
    ClusterAdmissionRules rules = new ClusterAdmissionRules(client, scaledObject);
    rules.otherScaledObjects();
    rules.foreignHpas();
    rules.resourceTriggers();
    return rules.out;
  }

  private ScaledObjectSpec spec() {
    return scaledObject.getSpec();
  }

  /** KEDA's GVK string, {@code apps/v1.Deployment}, with its defaults for an empty apiVersion or kind. */
  static String gvk(String apiVersion, String kind) {
    String groupVersion = apiVersion == null || apiVersion.isEmpty() ? "apps/v1"
        : apiVersion.contains("/") ? apiVersion : "/" + apiVersion;
    return groupVersion + "." + (kind == null || kind.isEmpty() ? "Deployment" : kind);
  }

  /** 1 and 2: one ScaledObject per workload, and one per HPA name, in the namespace. */
  private void otherScaledObjects() {
    String hpaName = ExternalMetricNames.hpaName(scaledObject);
    boolean customHpaName = !hpaName.equals("keda-hpa-" + scaledObject.getMetadata().getName());
    for (ScaledObject other : client.resources(ScaledObject.class).inNamespace(namespace).list().getItems()) {
      String otherName = other.getMetadata().getName();
      if (otherName.equals(scaledObject.getMetadata().getName()) || other.getSpec() == null) {
        continue;
      }
      ScaleTargetRef ref = other.getSpec().getScaleTargetRef();
      if (ref != null && gvk(ref.getApiVersion(), ref.getKind()).equals(targetGvk)
          && Objects.equals(ref.getName(), targetName)) {
        out.add(error("spec.scaleTargetRef.name", "the workload '" + targetName + "' of type '" + targetGvk
            + "' is already managed by the ScaledObject '" + otherName + "': put the triggers into that"
            + " ScaledObject, or delete it first"));
      }
      if (ExternalMetricNames.hpaName(other).equals(hpaName)) {
        out.add(error(customHpaName ? "spec.advanced.horizontalPodAutoscalerConfig.name" : "metadata.name",
            "the HPA '" + hpaName + "' is already managed by the ScaledObject '" + otherName + "': choose another"
                + " advanced.horizontalPodAutoscalerConfig.name"));
      }
    }
  }

  /** 3 and 3b: an HPA this ScaledObject does not own already scales the workload. */
  private void foreignHpas() {
    Map<String, String> annotations = scaledObject.getMetadata().getAnnotations();
    boolean transfer = annotations != null && "true".equals(annotations.get(TRANSFER_HPA_OWNERSHIP));
    String customHpaName = spec().getAdvanced() == null || spec().getAdvanced().getHorizontalPodAutoscalerConfig()
        == null ? null : spec().getAdvanced().getHorizontalPodAutoscalerConfig().getName();
    for (HorizontalPodAutoscaler hpa
        : client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems()) {
      Map<String, String> hpaAnnotations = hpa.getMetadata().getAnnotations();
      if (hpaAnnotations != null && "false".equals(hpaAnnotations.get(HPA_OWNERSHIP_VALIDATION))) {
        continue; // the HPA opts out of this check
      }
      var ref = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
      if (ref == null || !gvk(ref.getApiVersion(), ref.getKind()).equals(targetGvk)
          || !Objects.equals(ref.getName(), targetName) || ownedByThis(hpa)) {
        continue;
      }
      String hpaName = hpa.getMetadata().getName();
      if (!transfer) {
        out.add(error("spec.scaleTargetRef.name", "the workload '" + targetName + "' of type '" + targetGvk
            + "' is already managed by the hpa '" + hpaName + "': delete that HPA, or adopt it with annotation "
            + TRANSFER_HPA_OWNERSHIP + ": \"true\" and advanced.horizontalPodAutoscalerConfig.name: " + hpaName));
      } else if (!hpaName.equals(customHpaName)) {
        out.add(error("spec.advanced.horizontalPodAutoscalerConfig.name", "the existing hpa '" + hpaName
            + "' for workload '" + targetName + "' of type '" + targetGvk + "' must be specified by name in"
            + " advanced settings to enable ownership transfer: set advanced.horizontalPodAutoscalerConfig.name: "
            + hpaName));
      }
    }
  }

  private boolean ownedByThis(HorizontalPodAutoscaler hpa) {
    for (OwnerReference owner : hpa.getMetadata().getOwnerReferences()) {
      if ("ScaledObject".equals(owner.getKind()) && scaledObject.getMetadata().getName().equals(owner.getName())) {
        return true;
      }
    }
    return false;
  }

  /** 4 and 5: cpu/memory triggers on a Deployment or StatefulSet. */
  private void resourceTriggers() {
    List<Triggers> triggers = spec().getTriggers() == null ? List.of() : spec().getTriggers();
    PodSpec pod = null;
    boolean onlyResources = !triggers.isEmpty();
    boolean anyResource = false;
    for (int i = 0; i < triggers.size(); i++) {
      String type = triggers.get(i).getType();
      boolean resource = "cpu".equals(type) || "memory".equals(type);
      onlyResources &= resource;
      if (!resource) {
        continue;
      }
      if (!anyResource) {
        anyResource = true;
        if (!targetGvk.equals("apps/v1.Deployment") && !targetGvk.equals("apps/v1.StatefulSet")) {
          return; // KEDA checks only these two kinds
        }
        pod = podSpec();
        if (pod == null) {
          String kind = targetGvk.endsWith("Deployment") ? "deployments" : "statefulsets";
          out.add(error("spec.scaleTargetRef.name", kind + ".apps \"" + targetName + "\" not found in namespace "
              + namespace + ": a cpu/memory trigger needs the workload to exist before the ScaledObject"));
          return;
        }
      }
      Map<String, String> metadata = triggers.get(i).getMetadata();
      String containerName = metadata == null ? null : metadata.get("containerName");
      for (Container container : pod.getContainers()) {
        if (containerName != null && !containerName.isEmpty() && !containerName.equals(container.getName())) {
          continue;
        }
        if (!set(container.getResources(), type) && !limitRangeDefault(type)) {
          out.add(error("spec.triggers[" + i + "]", "the scaledobject has a " + type + " trigger but the container "
              + container.getName() + " doesn't have the " + type + " request defined: set"
              + " resources.requests." + type + " (or a limit) on it, or a LimitRange default for containers in"
              + " namespace " + namespace));
        }
      }
    }
    if (anyResource && onlyResources && (spec().getMinReplicaCount() == null || spec().getMinReplicaCount() == 0)) {
      out.add(error("spec.minReplicaCount", "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to"
          + " zero doesn't work in this case): set minReplicaCount to 1 or more, or add an event trigger"));
    }
  }

  private PodSpec podSpec() {
    if (targetGvk.endsWith(".Deployment")) {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(targetName).get();
      return d == null ? null : d.getSpec().getTemplate().getSpec();
    }
    StatefulSet s = client.apps().statefulSets().inNamespace(namespace).withName(targetName).get();
    return s == null ? null : s.getSpec().getTemplate().getSpec();
  }

  /** A request or a limit for the resource, greater than 0. */
  private static boolean set(ResourceRequirements resources, String resource) {
    return resources != null && (positive(resources.getRequests(), resource)
        || positive(resources.getLimits(), resource));
  }

  /** A LimitRange of type Container in the namespace with a default or defaultRequest above 0. */
  private boolean limitRangeDefault(String resource) {
    for (LimitRange range : client.limitRanges().inNamespace(namespace).list().getItems()) {
      if (range.getSpec() == null) {
        continue;
      }
      for (LimitRangeItem item : range.getSpec().getLimits()) {
        if ("Container".equals(item.getType())
            && (positive(item.getDefault(), resource) || positive(item.getDefaultRequest(), resource))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean positive(Map<String, Quantity> quantities, String resource) {
    Quantity q = quantities == null ? null : quantities.get(resource);
    return q != null && q.getNumericalAmount().compareTo(BigDecimal.ZERO) > 0;
  }

  private static Violation error(String path, String message) {
    return Violation.error(path, RULE, message);
  }
}
