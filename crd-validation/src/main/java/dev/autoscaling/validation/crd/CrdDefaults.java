package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.schema.SchemaWalker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code default}s of a CRD's structural schemas.
 *
 * <p>Why strip them before code generation: java-generator turns every schema default into a field initialiser.
 * The serialised object then carries fields the user never wrote, "unset" can no longer be told from "set to the
 * default", and list or object defaults are parsed from JSON on every construction. The API server applies the
 * defaults itself, so the generated models must not.
 *
 * <p>Only the {@code default} keyword of a schema node is touched; a property that happens to be called
 * {@code default} is a name under {@code properties}, not a keyword, and stays.
 */
public final class CrdDefaults {

  private CrdDefaults() {
  }

  /**
   * Removes every {@code default} from every version's schema, in place.
   *
   * @return where they were, as {@code version:path}, e.g. {@code v1:spec.disruption.budgets}
   */
  public static List<String> strip(JsonNode crd) {
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, JsonNode> version : CrdVersions.schemas(crd).entrySet()) {
      SchemaWalker.walk(version.getValue(), (path, schema) -> {
        if (schema.remove("default") != null) {
          removed.add(version.getKey() + ":" + path);
        }
      });
    }
    return removed;
  }
}
