package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Applies a structural schema's {@code default}s the way the API server does before it validates: a property that
 * is absent (or null without {@code nullable}) gets a copy of its default, and defaulting continues inside the
 * values it set. CEL rules then see the defaulted object, as on a cluster.
 */
public final class Defaults {

  private Defaults() {
  }

  /** Applies the defaults in place; the caller passes a copy when the original must stay as written. */
  public static void apply(JsonNode data, SchemaNode schema) {
    if (data instanceof ObjectNode object) {
      for (Map.Entry<String, SchemaNode> property : schema.properties.entrySet()) {
        SchemaNode propertySchema = property.getValue();
        JsonNode value = object.get(property.getKey());
        if (propertySchema.defaultValue != null
            && (value == null || (value.isNull() && !propertySchema.nullable))) {
          object.set(property.getKey(), propertySchema.defaultValue.deepCopy());
        }
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        SchemaNode propertySchema = schema.properties.get(field.getKey());
        if (propertySchema != null) {
          apply(field.getValue(), propertySchema);
        } else if (schema.additionalProperties != null) {
          apply(field.getValue(), schema.additionalProperties);
        }
      }
    } else if (data.isArray() && schema.items != null) {
      for (JsonNode item : data) {
        apply(item, schema.items);
      }
    }
  }

  /** Whether any node of the schema declares a default (most objects need no copy when none does). */
  public static boolean any(SchemaNode schema) {
    boolean[] found = {false};
    schema.forEach(node -> found[0] |= node.defaultValue != null);
    return found[0];
  }
}
