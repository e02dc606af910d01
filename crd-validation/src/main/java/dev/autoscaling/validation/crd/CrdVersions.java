package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The versions a CustomResourceDefinition document declares, each with its {@code openAPIV3Schema}. */
public final class CrdVersions {

  private CrdVersions() {
  }

  /**
   * Returns version name to schema, in the order the CRD lists them. A version without a schema is left out: the
   * API server then accepts anything, and there is nothing to walk.
   *
   * @throws IllegalArgumentException if the document is not a CustomResourceDefinition
   */
  public static Map<String, JsonNode> schemas(JsonNode crd) {
    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
      throw new IllegalArgumentException(
          "kind: expected CustomResourceDefinition, found '" + crd.path("kind").asText() + "'");
    }
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (JsonNode version : crd.path("spec").path("versions")) {
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      if (schema.isObject()) {
        schemas.put(version.path("name").asText(), schema);
      }
    }
    return schemas;
  }

  /** Whether the version serves the status subresource, so that status is written only through it. */
  public static boolean hasStatusSubresource(JsonNode crd, String versionName) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals(versionName)) {
        return version.path("subresources").has("status");
      }
    }
    // the v1beta1 form: one subresources block for every version
    return crd.path("spec").path("subresources").has("status");
  }

  /** {@code group/kind}, e.g. {@code karpenter.sh/NodePool}, for messages. */
  public static String groupKind(JsonNode crd) {
    return crd.path("spec").path("group").asText() + "/" + crd.path("spec").path("names").path("kind").asText();
  }
}
