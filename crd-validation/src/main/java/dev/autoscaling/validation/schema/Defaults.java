package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies a structural schema's {@code default}s the way the API server does before it validates: a property that
 * is absent (or null without {@code nullable}) gets its default, and defaulting continues inside the values it
 * set. CEL rules then see the defaulted object, as on a cluster.
 *
 * <p>The copy is shallow along the way to each default, so validating an object costs no deep copy.
 */
public final class Defaults {

  private Defaults() {
  }

  /**
   * The data with defaults applied. The input is never changed: nodes on the way to a default are copied
   * (shallowly; untouched subtrees are shared), and data that needs no default comes back as the same instance.
   * The result is for reading: defaults are placed as the schema's own nodes, not copies, since copying them for
   * every validation cost more than the validation of the rest.
   */
  public static JsonNode applied(JsonNode data, SchemaNode schema) {
    return observed(data, schema, true, node -> false); // as if every place were read: every default goes in
  }

  /**
   * The data with the defaults applied that a check can see when the object is created: where a CEL rule, or a
   * keyword such as an enum or a property count, reads the place a default goes or a place above it. A default
   * that nothing reads changes no outcome, as long as it is valid itself: {@code cleanDefault} says which
   * defaults validate without a violation (the validator checks each once); the others are always placed, so their
   * violations are reported as on a cluster. A JSON null replaced by a default is always replaced. Use
   * {@link #applied} for updates, where transition rules read the old object too.
   *
   * <p>Why: placing a default copies every object on the way to it, for every validation; in a NodePool neither
   * the budgets nor the expireAfter default is read by any rule, and those copies were a sixth of its validation.
   */
  public static JsonNode appliedWhereObserved(JsonNode data, SchemaNode schema, Predicate<SchemaNode> cleanDefault) {
    return observed(data, schema, false, cleanDefault);
  }

  private static JsonNode observed(JsonNode data, SchemaNode schema, boolean seenAbove,
                                   Predicate<SchemaNode> cleanDefault) {
    if (!schema.defaultsBelow) {
      return data;
    }
    boolean seen = seenAbove || schema.observesContent;
    if (data instanceof ObjectNode object) {
      // One pass over the fields finds which defaulted properties are set, instead of a lookup each: a lookup reads
      // the object's hash table, a cache miss on an object seen for the first time that the pass does not need.
      // Defaults go in after the pass: they are new fields, appended in schema order either way, and a null they
      // replace keeps its place, so the copy is the one placing them first gave.
      List<String> defaulted = schema.defaultedProperties;
      long present = 0; // bit i: defaulted property i is set to a non-null value (at most 64 are tracked)
      boolean anyNull = false;
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        SchemaNode propertySchema = schema.property(field.getKey());
        if (propertySchema != null && propertySchema.defaultValue != null) {
          if (field.getValue().getNodeType() == JsonNodeType.NULL) {
            anyNull = true;
          } else {
            int index = defaulted.indexOf(field.getKey());
            present |= index < 64 ? 1L << index : 0;
          }
        }
        SchemaNode valueSchema = propertySchema != null ? propertySchema : schema.additionalProperties;
        if (valueSchema == null || !valueSchema.defaultsBelow) {
          continue;
        }
        JsonNode value = observed(field.getValue(), valueSchema,
            seen || schema.observedFields.contains(field.getKey()), cleanDefault);
        if (value != field.getValue()) {
          copy = copy != null ? copy : shallowCopy(object, schema);
          copy.set(field.getKey(), value);
        }
      }
      for (int i = 0; i < defaulted.size(); i++) {
        if (i < 64 && (present & 1L << i) != 0) {
          continue; // set, and not null: nothing to place
        }
        String name = defaulted.get(i);
        SchemaNode propertySchema = schema.property(name);
        JsonNode value = i < 64 && !anyNull ? null : object.get(name);
        boolean place = value == null
            ? seen || schema.observedFields.contains(name) || !cleanDefault.test(propertySchema)
            : value.getNodeType() == JsonNodeType.NULL && !propertySchema.nullable;
        if (place) {
          copy = copy != null ? copy : shallowCopy(object, schema);
          copy.set(name, propertySchema.completeDefault);
        }
      }
      return copy != null ? copy : object;
    }
    if (data instanceof ArrayNode array && schema.items != null) {
      ArrayNode copy = null;
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = observed(array.get(i), schema.items, seen, cleanDefault);
        if (item != array.get(i)) {
          if (copy == null) {
            copy = JsonNodeFactory.instance.arrayNode(array.size());
            copy.addAll(array);
          }
          copy.set(i, item);
        }
      }
      return copy != null ? copy : array;
    }
    return data;
  }

  private static ObjectNode shallowCopy(ObjectNode object, SchemaNode schema) {
    // sized for the fields and every default the schema may add, so copying never grows the table
    int most = object.size() + schema.defaultedProperties.size();
    Map<String, JsonNode> fields = new LinkedHashMap<>(most * 4 / 3 + 1);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      fields.put(field.getKey(), field.getValue());
    }
    return new ObjectNode(JsonNodeFactory.instance, fields);
  }
}
