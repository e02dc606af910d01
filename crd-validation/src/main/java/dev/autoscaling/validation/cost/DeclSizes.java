package dev.autoscaling.validation.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.schema.SchemaNode;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The API server's size model of a schema node: the most elements (characters, items, entries) it may hold, and
 * the fewest bytes one value of it takes when serialised. Without {@code maxLength}, {@code maxItems} or
 * {@code maxProperties}, sizes are bounded by the 3 MiB request limit.
 */
final class DeclSizes {

  static final long MAX_REQUEST_BYTES = 3 * 1024 * 1024;
  /** The request limit less the two bytes of the enclosing quotes or brackets. */
  private static final long BUDGET = MAX_REQUEST_BYTES - 2;

  private final Map<SchemaNode, Long> minSizes = new IdentityHashMap<>();

  /** The most characters, items or entries (0 for numbers, booleans and objects). */
  long maxElements(SchemaNode node) {
    if (node.intOrString) {
      return node.maxLength != null ? 4L * node.maxLength : BUDGET;
    }
    if (node.type == null) {
      return BUDGET;
    }
    switch (node.type) {
      case "string": {
        if ("byte".equals(node.format)) {
          return node.maxLength != null ? node.maxLength : BUDGET;
        }
        if ("duration".equals(node.format) || "date-time".equals(node.format)) {
          return 32;
        }
        if ("date".equals(node.format)) {
          return 12;
        }
        if (node.maxLength != null) {
          return 4L * node.maxLength;
        }
        if (!node.enumValues.isEmpty()) {
          long longest = 0;
          for (JsonNode value : node.enumValues) {
            longest = Math.max(longest, value.asText().getBytes(StandardCharsets.UTF_8).length);
          }
          return longest;
        }
        return BUDGET;
      }
      case "array":
        return node.maxItems != null ? Math.max(0, node.maxItems)
            : node.items == null ? BUDGET : BUDGET / (minSize(node.items) + 1);
      case "object":
        if (node.additionalProperties != null) {
          return node.maxProperties != null ? Math.max(0, node.maxProperties)
              : BUDGET / (minSize(node.additionalProperties) + 6);
        }
        return 0;
      default:
        return 0;
    }
  }

  /** The fewest bytes a serialised value takes. */
  long minSize(SchemaNode node) {
    Long known = minSizes.get(node);
    if (known != null) {
      return known;
    }
    long size;
    if (node.intOrString) {
      size = 1;
    } else if (node.type == null) {
      size = 1;
    } else {
      switch (node.type) {
        case "string" -> size = "duration".equals(node.format) ? 3 : "date".equals(node.format) ? 12
            : "date-time".equals(node.format) ? 21 : 2;
        case "boolean" -> size = 4;
        case "integer", "number" -> size = 1;
        case "array" -> size = 2;
        case "object" -> {
          size = 2;
          if (node.additionalProperties == null) {
            for (String name : node.required) {
              SchemaNode property = node.properties.get(name);
              if (property != null && property.defaultValue == null) {
                size += name.length() + minSize(property) + 4;
              }
            }
          }
        }
        default -> size = 1;
      }
    }
    minSizes.put(node, size);
    return size;
  }

  /** Whether field selection on a value of this node is a map or struct access (which costs 1). */
  static boolean isMapOrStruct(SchemaNode node) {
    return node == null || node.type == null || "object".equals(node.type);
  }

  static boolean isList(SchemaNode node) {
    return node != null && "array".equals(node.type);
  }

  static boolean isString(SchemaNode node) {
    return node != null && ("string".equals(node.type) || node.intOrString);
  }
}
