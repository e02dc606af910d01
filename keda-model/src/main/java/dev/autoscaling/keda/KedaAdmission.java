package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.formula.FormulaException;
import dev.autoscaling.keda.formula.FormulaProblem;
import dev.autoscaling.keda.formula.ScalingFormula;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.TriggerMetadata;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * KEDA's validating webhooks, client-side, for the rules that need only the object itself (v2.20.2, see
 * keda-facts A.1, A.3, A.4). KEDA stops at the first failing rule, in random order; here every rule is evaluated
 * and every failure reported. Rules that need the cluster (another ScaledObject or HPA owning the target, resource
 * requests for cpu/memory triggers) run in {@link #checkInCluster}. The scalingModifiers formula is compiled and given a
 * trial run as KEDA does ({@link ScalingFormula}). Each trigger's metadata is also checked against KEDA's scaler
 * catalogue ({@link TriggerMetadata}).
 */
public final class KedaAdmission {

  private static final Set<String> RESOURCE_SCALERS = Set.of("cpu", "memory");
  /** The metadata paths of the first triggers, made once: nearly every object has only a few triggers. */
  private static final String[] METADATA_PATHS = new String[8];

  static {
    for (int i = 0; i < METADATA_PATHS.length; i++) {
      METADATA_PATHS[i] = "spec.triggers[" + i + "].metadata";
    }
  }

  /**
   * The warnings about pollingInterval and cooldownPeriod for the usual minReplicaCounts, made once each: most
   * ScaledObjects with a minimum above 0 get one, and the text depends on the minimum alone. Filled as met (racing
   * threads make equal strings, and a String is safe to share however it is published); fixed size, so bounded.
   */
  private static final String[] POLLING_INTERVAL_MESSAGES = new String[64];
  private static final String[] COOLDOWN_PERIOD_MESSAGES = new String[64];

  private KedaAdmission() {
  }

  /** The webhook's answer for a ScaledObject, ScaledJob, TriggerAuthentication or ClusterTriggerAuthentication. */
  public static List<Violation> check(Object resource) {
    return check(resource, new KedaAuthentications());
  }

  /**
   * The webhook's answer, with the (Cluster)TriggerAuthentications seen earlier in the same input: a trigger's
   * scaler checks then know what its authenticationRef gives. The object itself is not recorded.
   */
  public static List<Violation> check(Object resource, KedaAuthentications authentications) {
    JsonNode object = resource instanceof JsonNode node ? node : Manifests.toTree(resource);
    String namespace = object.path("metadata").path("namespace").asText("");
    List<Violation> out = new ArrayList<>();
    switch (object.path("kind").asText()) {
      case "ScaledObject" -> {
        scaledObject(object, out);
        triggers(object.path("spec").path("triggers"), authentications, namespace, out);
      }
      case "ScaledJob" -> triggers(object.path("spec").path("triggers"), authentications, namespace, out);
      case "TriggerAuthentication", "ClusterTriggerAuthentication" -> authentication(object.path("spec"), out);
      default -> {
        // not a KEDA kind with webhook rules
      }
    }
    return out;
  }

  /**
   * The webhook's answer for a ScaledObject about to be created or updated in the cluster the client reaches: the
   * rules of {@link #check} and those that read the cluster (KEDA's #1–#5): another ScaledObject or an HPA KEDA
   * does not own already scaling the workload (an HPA annotated {@code validations.keda.sh/hpa-ownership: "false"}
   * is ignored; one may be adopted with {@code scaledobject.keda.sh/transfer-hpa-ownership: "true"} and its name in
   * {@code advanced.horizontalPodAutoscalerConfig.name}), a clash of HPA names, cpu/memory triggers on containers
   * with neither request nor limit (nor a namespace LimitRange default), a missing Deployment or StatefulSet, and
   * only cpu/memory triggers with minReplicaCount 0. The ScaledObject's namespace is used, else the client's.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the cluster cannot be read, as KEDA's
   *                                                                 webhook then fails too
   */
  public static List<Violation> checkInCluster(KubernetesClient client, ScaledObject scaledObject) {
    List<Violation> out = check(scaledObject);
    out.addAll(ClusterAdmissionRules.check(client, scaledObject));
    return out;
  }

  private static void scaledObject(JsonNode so, List<Violation> out) {
    JsonNode spec = so.path("spec");
    String name = so.path("metadata").path("name").asText("");
    // 16, 17: names become label values and the HPA's name
    if (name.length() > 63) {
      out.add(error("metadata.name", "scaledobject name " + Excerpt.of(name) + " must be no more than 63"
          + " characters (it is " + name.length() + "; KEDA uses it as a label value)"));
    }
    String hpaName = spec.path("advanced").path("horizontalPodAutoscalerConfig").path("name")
        .asText("keda-hpa-" + name);
    if (hpaName.length() > 63) {
      out.add(error(spec.path("advanced").path("horizontalPodAutoscalerConfig").has("name")
              ? "spec.advanced.horizontalPodAutoscalerConfig.name" : "metadata.name",
          "HPA name " + Excerpt.of(hpaName) + " derived from scaledobject is " + hpaName.length()
              + " characters long, more than 63: shorten the ScaledObject name to 54 characters or set "
              + "advanced.horizontalPodAutoscalerConfig.name"));
    }
    // 6, 7: replica bounds, with KEDA's effective minimum (unset -> 0, set -> at least 1)
    boolean minSet = spec.has("minReplicaCount") && spec.get("minReplicaCount").isIntegralNumber();
    long effectiveMin = minSet ? Math.max(spec.get("minReplicaCount").asLong(), 1) : 0;
    long max = spec.path("maxReplicaCount").asLong(100);
    if (effectiveMin > max) {
      out.add(error("spec.minReplicaCount", "MinReplicaCount=" + effectiveMin + " must be less than "
          + "MaxReplicaCount=" + max));
    }
    if (spec.has("idleReplicaCount") && spec.get("idleReplicaCount").asLong() >= effectiveMin) {
      out.add(error("spec.idleReplicaCount", "IdleReplicaCount=" + spec.get("idleReplicaCount").asLong()
          + " must be less than MinReplicaCount=" + effectiveMin
          + (minSet ? "" : " (minReplicaCount is unset, which KEDA counts as 0: set it explicitly)")));
    }
    // 8, 9, 15: fallback
    JsonNode fallback = spec.path("fallback");
    JsonNode modifiers = spec.path("advanced").path("scalingModifiers");
    boolean formula = !modifiers.path("formula").asText("").isEmpty();
    if (!fallback.isMissingNode()) {
      if (fallback.path("failureThreshold").asLong(0) < 0 || fallback.path("replicas").asLong(0) < 0) {
        out.add(error("spec.fallback", "FailureThreshold=" + fallback.path("failureThreshold").asLong()
            + " & Replicas=" + fallback.path("replicas").asLong() + " must both be >= 0"));
      }
      boolean onlyResources = true;
      JsonNode triggers = spec.path("triggers");
      for (JsonNode trigger : elements(triggers)) {
        onlyResources &= RESOURCE_SCALERS.contains(trigger.path("type").asText());
      }
      if (!formula && onlyResources && triggers.isArray() && !triggers.isEmpty()) {
        out.add(error("spec.fallback", "at least one trigger (that is not cpu or memory) has to be there for"
            + " fallback: cpu and memory metrics come from the metrics server and cannot fall back"));
      }
      if ("scalingModifiers".equals(fallback.path("behavior").asText()) && !formula) {
        out.add(error("spec.fallback.behavior", "scalingModifiers fallback behavior requires"
            + " scalingModifiers.formula"));
      }
    }
    // 10, 11, 13, 14: scalingModifiers
    if (modifiers.isObject() && modifiers.size() > 0) {
      if (!formula) {
        out.add(error("spec.advanced.scalingModifiers.formula", "ScalingModifiers.Formula is mandatory"));
      } else if (modifiers.path("target").asText("").isEmpty()) {
        out.add(error("spec.advanced.scalingModifiers.target", "formula is given but target is empty"));
      }
      if (!modifiers.path("target").asText("").isEmpty()) {
        double target;
        try {
          target = Double.parseDouble(modifiers.path("target").asText());
        } catch (NumberFormatException e) {
          target = -1;
        }
        if (!(target > 0)) {
          out.add(error("spec.advanced.scalingModifiers.target", "error converting target for scalingModifiers: '"
              + Excerpt.of(modifiers.path("target").asText()) + "' must be a number greater than 0"));
        }
      }
      if ("Utilization".equals(modifiers.path("metricType").asText())) {
        out.add(error("spec.advanced.scalingModifiers.metricType",
            "Utilization needs to be AverageValue or Value for external metrics"));
      }
      if (formula) {
        formula(modifiers.path("formula").asText(), spec.path("triggers"), out);
      }
    }
    // warnings: settings KEDA's webhook calls not relevant. It compares minReplicaCount as written (unset counts
    // as 0, and 0 keeps both settings relevant, since KEDA then scales to and from zero itself) and an idle
    // replica count of 0 (which does the same); the cached-metrics exception applies to pollingInterval only.
    long minReplicas = spec.path("minReplicaCount").asLong(0);
    boolean idleNotZero = !(spec.has("idleReplicaCount") && spec.get("idleReplicaCount").asLong() == 0);
    boolean cached = false;
    for (JsonNode trigger : elements(spec.path("triggers"))) {
      cached |= trigger.path("useCachedMetrics").asBoolean(false);
    }
    if (spec.has("pollingInterval") && minReplicas > 0 && idleNotZero && !cached) {
      out.add(Violation.warning("spec.pollingInterval", "KEDA admission", pollingIntervalMessage(minReplicas)));
    }
    if (spec.has("cooldownPeriod") && minReplicas > 0 && idleNotZero) {
      out.add(Violation.warning("spec.cooldownPeriod", "KEDA admission", cooldownPeriodMessage(minReplicas)));
    }
  }

  private static String pollingIntervalMessage(long minReplicas) {
    return remembered(POLLING_INTERVAL_MESSAGES, minReplicas, KedaAdmission::pollingIntervalText);
  }

  private static String cooldownPeriodMessage(long minReplicas) {
    return remembered(COOLDOWN_PERIOD_MESSAGES, minReplicas, KedaAdmission::cooldownPeriodText);
  }

  /** The text for this minReplicaCount, made once when the count fits the array (see the arrays). */
  private static String remembered(String[] texts, long minReplicas, LongFunction<String> text) {
    int i = (int) minReplicas;
    if (i != minReplicas || i <= 0 || i >= texts.length) {
      return text.apply(minReplicas);
    }
    String known = texts[i];
    return known != null ? known : (texts[i] = text.apply(minReplicas));
  }

  private static String pollingIntervalText(long minReplicas) {
    return "pollingInterval is not relevant: minReplicaCount is " + minReplicas + ", so the HPA asks for the metrics"
        + " itself (every 15 s by default); KEDA polls at this interval only when minReplicaCount or idleReplicaCount"
        + " is 0, or a trigger sets useCachedMetrics";
  }

  private static String cooldownPeriodText(long minReplicas) {
    return "cooldownPeriod is not relevant: minReplicaCount is " + minReplicas + ", so KEDA never scales to zero;"
        + " the cooldown applies only when minReplicaCount or idleReplicaCount is 0";
  }

  /**
   * 12: KEDA compiles the formula with every named non-cpu/memory trigger as a variable and runs it once with each
   * at -1; a failure of either rejects the object. Parts of expr the SDK does not model only earn a warning.
   */
  private static void formula(String text, JsonNode triggers, List<Violation> out) {
    String path = ScalingFormula.PATH;
    List<String> names = new ArrayList<>();
    List<String> resourceNames = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    List<JsonNode> list = items(triggers); // not a list: the CRD's type check says so
    for (int i = 0; i < list.size(); i++) {
      String type = list.get(i).path("type").asText();
      String name = list.get(i).path("name").asText("");
      if (RESOURCE_SCALERS.contains(type)) {
        resourceNames.add(name);
      } else if (name.isEmpty()) {
        unnamed.add("spec.triggers[" + i + "] (" + Excerpt.of(type) + ")");
      } else {
        names.add(name);
      }
    }
    try {
      out.addAll(ScalingFormula.compile(text, names).check().violations());
    } catch (FormulaException e) {
      if (e.problem() == FormulaProblem.NOT_COVERED) {
        out.add(Violation.warning(path, "KEDA admission", "not checked: " + Excerpt.of(e.getMessage())));
        return;
      }
      FormulaException explained = e;
      if (e.problem() == FormulaProblem.UNKNOWN_NAME) {
        String unknown = e.reason().startsWith("unknown name ") ? e.reason().substring("unknown name ".length()) : "";
        if (resourceNames.contains(unknown)) {
          explained = explained.withHint(Excerpt.of(unknown) + " is a cpu/memory trigger: resource metrics never"
              + " reach the formula");
        }
        if (!unnamed.isEmpty()) {
          explained = explained.withHint("only named triggers can be used; " + String.join(", ", unnamed)
              + (unnamed.size() == 1 ? " has" : " have") + " no name");
        }
      }
      // the reason may quote the formula's names and tokens, which are as long as the user made them
      out.add(error(path, "error validating formula in ScalingModifiers: " + Excerpt.of(explained.getMessage())));
    }
  }

  /** 18, 19, 20: checks on the trigger list (ScaledObject and ScaledJob). */
  private static void triggers(JsonNode triggers, KedaAuthentications authentications, String namespace,
      List<Violation> out) {
    if (!triggers.isArray() || triggers.isEmpty()) {
      out.add(error("spec.triggers", "no triggers defined in the ScaledObject/ScaledJob: add at least one"));
      return;
    }
    Set<String> names = null; // most triggers have no name: no set to make for them
    for (int i = 0; i < triggers.size(); i++) {
      JsonNode trigger = triggers.get(i);
      String type = trigger.path("type").asText();
      if (trigger.path("useCachedMetrics").asBoolean(false)
          && (RESOURCE_SCALERS.contains(type) || type.equals("cron"))) {
        out.add(error("spec.triggers[" + i + "].useCachedMetrics", "property \"useCachedMetrics\" is not"
            + " supported for \"" + Excerpt.of(type) + "\" scaler"));
      }
      // the SDK's own checks of the free-form metadata: KEDA's catalogue, and no credentials in plain text
      Map<String, String> metadata = new MetadataView(trigger.path("metadata"));
      String metricType = trigger.path("metricType").isTextual() ? trigger.get("metricType").asText() : null;
      out.addAll(TriggerMetadata.check(type, metricType, metadata, authentications.of(trigger, namespace),
          metadataPath(i)));
      String name = trigger.path("name").asText("");
      if (name.isEmpty()) {
        continue;
      }
      if (names == null) {
        names = new HashSet<>();
      }
      if (!names.add(name)) {
        out.add(error("spec.triggers[" + i + "].name", "triggerName \"" + Excerpt.of(name) + "\" is defined multiple"
            + " times in the ScaledObject/ScaledJob, but it must be unique"));
      }
    }
  }

  private static String metadataPath(int index) {
    return index < METADATA_PATHS.length ? METADATA_PATHS[index] : "spec.triggers[" + index + "].metadata";
  }

  /** A.4: pod identity and oauth2 rules of (Cluster)TriggerAuthentication. */
  private static void authentication(JsonNode spec, List<Violation> out) {
    JsonNode identity = spec.path("podIdentity");
    String provider = identity.path("provider").asText("");
    if (provider.equals("azure-workload")) {
      if (identity.has("identityId") && identity.get("identityId").asText().isEmpty()) {
        out.add(error("spec.podIdentity.identityId", "identityId of PodIdentity should not be empty: remove it to"
            + " use the default identity, or set the client id"));
      }
      if (!identity.path("identityAuthorityHost").asText("").isEmpty()) {
        if (identity.path("identityTenantId").asText("").isEmpty()) {
          out.add(error("spec.podIdentity.identityTenantId", "identityTenantId of PodIdentity should not be empty"
              + " when identityAuthorityHost is set"));
        }
      } else if (identity.has("identityTenantId") && identity.get("identityTenantId").asText().isEmpty()) {
        out.add(error("spec.podIdentity.identityTenantId", "identityTenantId of PodIdentity should not be empty"));
      }
    } else if (provider.equals("aws")) {
      String roleArn = identity.path("roleArn").asText("");
      if (!roleArn.isEmpty() && "workload".equals(identity.path("identityOwner").asText())) {
        out.add(error("spec.podIdentity.roleArn", "roleArn of PodIdentity can't be set if KEDA isn't"
            + " identityOwner: remove identityOwner: workload, or the roleArn"));
      }
      if (!identity.path("externalID").asText("").isEmpty() && roleArn.isEmpty()) {
        out.add(error("spec.podIdentity.externalID", "externalID of PodIdentity needs a roleArn"));
      }
    } else if (!provider.isEmpty()) {
      return; // as in KEDA: any other provider returns before the oauth2 checks
    }
    JsonNode oauth2 = spec.path("oauth2");
    if (oauth2.isObject()) {
      if (!"clientCredentials".equals(oauth2.path("type").asText())) {
        out.add(error("spec.oauth2.type", "oauth2 type must be clientCredentials"));
      }
      if (oauth2.path("clientId").asText("").isEmpty()) {
        out.add(error("spec.oauth2.clientId", "oauth2 clientId is required"));
      }
      String tokenUrl = oauth2.path("tokenUrl").asText("");
      if (!isHttpUrlWithHost(tokenUrl)) {
        // the URL itself is not repeated: it may carry credentials
        out.add(error("spec.oauth2.tokenUrl", "oauth2 tokenUrl must be an http or https URL with a host"));
      }
    }
  }

  /** The items of a list, without copying them; nothing for any other shape (the CRD's schema says so). */
  private static Iterable<JsonNode> elements(JsonNode list) {
    return list.isArray() ? list : List.of();
  }

  /** The items of a list; nothing for any other shape, which the CRD's schema rejects on its own. */
  private static List<JsonNode> items(JsonNode list) {
    if (!list.isArray()) {
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>(list.size());
    list.forEach(items::add);
    return items;
  }

  private static boolean isHttpUrlWithHost(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Violation error(String path, String message) {
    return Violation.error(path, "KEDA admission", message);
  }
}
