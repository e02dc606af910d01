package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI v3 keywords of one schema node, applied to one value as the API server applies them: strings are
 * measured in characters, {@code pattern} is an unanchored RE2 search, {@code integer} accepts only whole numbers.
 */
public final class SchemaValues {

  private SchemaValues() {
  }

  /** Why the value has the wrong JSON type for the node, or null when the type fits. */
  public static String typeProblem(SchemaNode schema, JsonNode value) {
    if (schema.fitsType(value)) {
      return null;
    }
    if (schema.intOrString) {
      return "must be an integer or a string, not " + describe(value);
    }
    String quoted = value.isTextual() && (schema.type.equals("integer") || schema.type.equals("number"))
        ? " (write the number without quotes)" : "";
    return "must be " + article(schema.type) + ", not " + describe(value) + quoted;
  }

  /** Whether the value satisfies the node's own keywords (used for allOf/anyOf/oneOf/not branches). */
  public static boolean matches(SchemaNode schema, JsonNode value) {
    if (typeProblem(schema, value) != null) {
      return false;
    }
    List<Violation> found = new ArrayList<>();
    checkValue(schema, value, DataPath.root(), found);
    if (value.isObject()) {
      for (String name : schema.required) {
        if (!value.has(name)) {
          return false;
        }
      }
    }
    return found.stream().noneMatch(Violation::isError);
  }

  /** Adds a violation for every keyword of the node that the value (already of the right type) breaks. */
  public static void checkValue(SchemaNode schema, JsonNode value, DataPath path, List<Violation> out) {
    checkValue(schema, value.getNodeType(), value, path, out);
  }

  /** As {@link #checkValue(SchemaNode, JsonNode, DataPath, List)}, with the value's node type already known. */
  public static void checkValue(SchemaNode schema, JsonNodeType nodeType, JsonNode value, DataPath path,
                                List<Violation> out) {
    if (!schema.checksValue) {
      return;
    }
    if (!schema.enumValues.isEmpty() && !schema.enumValues.contains(value)) {
      out.add(Violation.error(path.toString(), "enum", "Unsupported value " + Excerpt.of(value)
          + ": supported values are "
          + schema.enumValues.stream().map(JsonNode::toString).collect(Collectors.joining(", "))));
    }
    switch (nodeType) {
      case STRING -> checkString(schema, value.textValue(), path, out);
      case NUMBER -> {
        if (schema.minimum != null || schema.maximum != null) {
          checkNumber(schema, value.decimalValue(), path, out);
        }
      }
      case ARRAY -> checkArray(schema, value, path, out);
      case OBJECT -> checkObject(schema, value, path, out);
      default -> {
      }
    }
  }

  private static void checkString(SchemaNode schema, String text, DataPath path, List<Violation> out) {
    int length = schema.maxLength == null && schema.minLength == null ? 0 : text.codePointCount(0, text.length());
    if (schema.maxLength != null && length > schema.maxLength) {
      out.add(Violation.error(path.toString(), "maxLength",
          "Too long: may not be more than " + schema.maxLength + " characters (has " + length + ")"));
    }
    if (schema.minLength != null && length < schema.minLength) {
      out.add(Violation.error(path.toString(), "minLength",
          "Too short: must be at least " + schema.minLength + " characters (has " + length + ")"));
    }
    if (schema.patternSource != null) {
      if (schema.pattern == null) {
        out.add(Violation.error(path.toString(), "pattern", "the schema's pattern does not compile: " + schema.patternError));
      } else if (!schema.patternFinds(text)) {
        out.add(Violation.error(path.toString(), "pattern", "must match '" + schema.patternSource + "'"));
      }
    }
    if (schema.format != null) {
      String expected = Formats.check(schema.format, text);
      if (expected != null) {
        out.add(Violation.error(path.toString(), "format", "must be " + expected + " (format " + schema.format + ")"));
      }
    }
  }

  private static void checkNumber(SchemaNode schema, BigDecimal number, DataPath path, List<Violation> out) {
    if (schema.minimum != null) {
      int c = number.compareTo(schema.minimum);
      if (c < 0 || (c == 0 && schema.exclusiveMinimum)) {
        out.add(Violation.error(path.toString(), schema.exclusiveMinimum ? "exclusiveMinimum" : "minimum",
            "must be " + (schema.exclusiveMinimum ? "greater than " : "greater than or equal to ")
                + schema.minimum.toPlainString()));
      }
    }
    if (schema.maximum != null) {
      int c = number.compareTo(schema.maximum);
      if (c > 0 || (c == 0 && schema.exclusiveMaximum)) {
        out.add(Violation.error(path.toString(), schema.exclusiveMaximum ? "exclusiveMaximum" : "maximum",
            "must be " + (schema.exclusiveMaximum ? "less than " : "less than or equal to ")
                + schema.maximum.toPlainString()));
      }
    }
  }

  private static void checkArray(SchemaNode schema, JsonNode array, DataPath path, List<Violation> out) {
    if (schema.maxItems != null && array.size() > schema.maxItems) {
      out.add(Violation.error(path.toString(), "maxItems",
          "Too many: " + array.size() + ": must have at most " + schema.maxItems + " items"));
    }
    if (schema.minItems != null && array.size() < schema.minItems) {
      out.add(Violation.error(path.toString(), "minItems",
          "Too few: " + array.size() + ": must have at least " + schema.minItems + " items"));
    }
    if ("set".equals(schema.listType)) {
      Set<ValueKey> seen = new HashSet<>();
      int index = 0;
      for (JsonNode item : array) {
        if (!seen.add(new ValueKey(item))) {
          out.add(Violation.error(path.item(index).toString(), "x-kubernetes-list-type",
              "Duplicate value: " + Excerpt.of(item) + " (the list is a set)"));
        }
        index++;
      }
    } else if ("map".equals(schema.listType) && !schema.listMapKeys.isEmpty()) {
      Set<List<ValueKey>> seen = new HashSet<>();
      int index = 0;
      for (JsonNode item : array) {
        List<ValueKey> key = new ArrayList<>(schema.listMapKeys.size());
        for (String name : schema.listMapKeys) {
          key.add(new ValueKey(item.path(name)));
        }
        if (!seen.add(key)) {
          out.add(Violation.error(path.item(index).toString(), "x-kubernetes-list-map-keys",
              "Duplicate value: an item with the same " + String.join(", ", schema.listMapKeys)
                  + " is already in the list"));
        }
        index++;
      }
    }
  }

  private static void checkObject(SchemaNode schema, JsonNode object, DataPath path, List<Violation> out) {
    if (schema.maxProperties != null && object.size() > schema.maxProperties) {
      out.add(Violation.error(path.toString(), "maxProperties",
          "Too many: " + object.size() + ": must have at most " + schema.maxProperties + " entries"));
    }
    if (schema.minProperties != null && object.size() < schema.minProperties) {
      out.add(Violation.error(path.toString(), "minProperties",
          "Too few: " + object.size() + ": must have at least " + schema.minProperties + " entries"));
    }
    if (schema.embeddedResource) {
      for (String name : new String[] {"apiVersion", "kind"}) {
        if (!object.path(name).isTextual() || object.path(name).textValue().isEmpty()) {
          out.add(Violation.error(path.field(name).toString(), "x-kubernetes-embedded-resource",
              "Required value: an embedded resource needs " + name));
        }
      }
    }
  }

  /** What kind of value this is, in words: "an object", "a list", "an integer", ... */
  public static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number with a fraction";
      default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "object", "integer" -> "an " + type;
      case "array" -> "a list";
      default -> "a " + type;
    };
  }
}
