package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.triggers.TriggerAuth;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The TriggerAuthentications and ClusterTriggerAuthentications seen so far in one input (a file or a set of files
 * applied together), so that a trigger referencing one of them is checked against what it really gives: applying
 * the input creates exactly that authentication. A reference to one not seen may give anything (it may already be
 * in the cluster). Not thread-safe: one instance per input read in order.
 */
public final class KedaAuthentications {

  /** The sources of a (Cluster)TriggerAuthentication whose parameters are listed with a {@code parameter} field. */
  private static final Set<String> LISTED_SOURCES = Set.of("secretTargetRef", "env", "configMapTargetRef",
      "hashiCorpVault", "azureKeyVault", "awsSecretManager", "gcpSecretManager", "boundServiceAccountToken",
      "podIdentity");

  /** Made with the first authentication recorded: most inputs have none, and one is made for every object read. */
  private @Nullable Map<String, TriggerAuth> seen;

  /** Remembers a TriggerAuthentication or ClusterTriggerAuthentication; any other object is passed over. */
  public void record(JsonNode object) {
    String kind = object.path("kind").asText("");
    if (!kind.equals("TriggerAuthentication") && !kind.equals("ClusterTriggerAuthentication")) {
      return;
    }
    String name = object.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      return;
    }
    String key = kind.equals("TriggerAuthentication") ? key(kind, object.path("metadata").path("namespace")
        .asText(""), name) : key(kind, "", name);
    if (seen == null) {
      seen = new HashMap<>();
    }
    seen.put(key, of(object.path("spec")));
  }

  /**
   * What a trigger's authentication may give: {@link TriggerAuth#NONE} without authenticationRef, what the
   * referenced authentication gives when it was seen, {@link TriggerAuth#UNKNOWN} otherwise.
   *
   * @param namespace the namespace of the ScaledObject or ScaledJob ("" when it names none)
   */
  public TriggerAuth of(JsonNode trigger, String namespace) {
    JsonNode ref = trigger.path("authenticationRef");
    if (ref.isMissingNode() || ref.isNull()) {
      return TriggerAuth.NONE;
    }
    if (seen == null) {
      return TriggerAuth.UNKNOWN; // none seen: no key to make and look up
    }
    String kind = ref.path("kind").asText("");
    String name = ref.path("name").asText("");
    TriggerAuth auth = kind.equals("ClusterTriggerAuthentication")
        ? seen.get(key(kind, "", name))
        : kind.isEmpty() || kind.equals("TriggerAuthentication")
            ? seen.get(key("TriggerAuthentication", namespace, name)) : null;
    return auth == null ? TriggerAuth.UNKNOWN : auth;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  /** The parameters a spec gives; unknown (anything) when it uses a source this SDK does not list. */
  private static TriggerAuth of(JsonNode spec) {
    Set<String> parameters = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> source : spec.properties()) {
      if (!LISTED_SOURCES.contains(source.getKey())) {
        return TriggerAuth.UNKNOWN;
      }
      collect(source.getValue(), parameters, 0);
    }
    String provider = spec.path("podIdentity").path("provider").asText("");
    return new TriggerAuth(true, parameters, provider);
  }

  /** Every {@code parameter} field under a source, however it nests them (vault secrets, lists of references). */
  private static void collect(JsonNode node, Set<String> parameters, int depth) {
    if (depth > 8) {
      return;
    }
    if (node.isObject()) {
      JsonNode parameter = node.get("parameter");
      if (parameter != null && parameter.isTextual()) {
        parameters.add(parameter.asText());
      }
      node.forEach(child -> collect(child, parameters, depth + 1));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, parameters, depth + 1));
    }
  }
}
