package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Visits every node of a structural OpenAPI v3 schema together with the path of the data it describes.
 *
 * <p>Paths read like the data they describe: {@code spec.template.spec.requirements[*].values}; {@code [*]}
 * stands for every item of a list and {@code .*} for every value of a map ({@code additionalProperties}).
 * Schemas under {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} describe the same data as their parent and
 * are visited with the parent's path.
 */
public final class SchemaWalker {

  /** Receives each schema node, in document order, parents before children. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String path, ObjectNode schema);
  }

  private SchemaWalker() {
  }

  public static void walk(JsonNode schema, Visitor visitor) {
    walk("", schema, visitor);
  }

  private static void walk(String path, JsonNode schema, Visitor visitor) {
    if (!(schema instanceof ObjectNode)) {
      return;
    }
    ObjectNode node = (ObjectNode) schema;
    visitor.visit(path, node);

    JsonNode properties = node.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        walk(child(path, property.getKey()), property.getValue(), visitor);
      }
    }
    JsonNode items = node.get("items");
    if (items != null) {
      walk(path + "[*]", items, visitor);
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      walk(child(path, "*"), additional, visitor);
    }
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode alternatives = node.get(combinator);
      if (alternatives != null) {
        alternatives.forEach(alternative -> walk(path, alternative, visitor));
      }
    }
    JsonNode not = node.get("not");
    if (not != null) {
      walk(path, not, visitor);
    }
  }

  /** {@code path.name}, or {@code name} at the root. */
  public static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
