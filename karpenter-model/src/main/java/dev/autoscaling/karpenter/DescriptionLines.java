package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.karpenter.status.Readiness;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The common form of every describe() in this package, so that a NodePool, an AKSNodeClass and an EC2NodeClass
 * read alike: a header line, then {@code "  label:  value"} lines with the values aligned, then the status when
 * the object has one.
 */
final class DescriptionLines {

  // Wide enough for the longest label in use ("node class:", "sec. groups:") plus a space.
  private static final int LABEL_WIDTH = 13;

  private final List<String> lines = new ArrayList<>();

  /**
   * Starts with the header: {@code NodePool arm-nodepool (weight 10)}, plus the {@code kubernetes.io/description}
   * annotation where there is one.
   */
  DescriptionLines(JsonNode tree, String kind, String detail) {
    String description = tree.at("/metadata/annotations").path("kubernetes.io/description").asText("");
    lines.add(kind + " " + tree.at("/metadata/name").asText("<unnamed>") + (detail.isEmpty() ? "" : " " + detail)
        + (description.isEmpty() ? "" : ": " + description));
  }

  /**
   * The object as a tree, after checking it is what the caller describes: describing an EC2NodeClass as a NodePool
   * would print a page of "none" instead of failing.
   */
  static JsonNode tree(Object object, String kind) {
    if (object == null) {
      throw new IllegalArgumentException(kind + ": is null; pass the " + kind + " as built, parsed or read from the"
          + " cluster (get() returns null when it does not exist)");
    }
    JsonNode tree = object instanceof JsonNode node ? node : Manifests.toTree(object);
    String actual = tree.path("kind").asText(kind);
    if (!kind.equals(actual)) {
      throw new IllegalArgumentException("kind: is " + actual + " where " + kind + " was expected; describe it with "
          + "KarpenterDescriptions.describe(..), which picks the description by kind");
    }
    return tree;
  }

  DescriptionLines field(String label, String value) {
    lines.add("  " + pad(label + ":") + value);
    return this;
  }

  /** Only when {@code value} is set: for the fields whose absence needs no line. */
  DescriptionLines fieldIfPresent(String label, JsonNode value, String text) {
    return value.isMissingNode() || value.isNull() ? this : field(label, text);
  }

  /** The status line, when the object carries a status: Ready, or the conditions standing in the way. */
  DescriptionLines status(JsonNode tree) {
    Readiness readiness = Readiness.of(tree);
    return readiness.hasStatus() ? field("status", readiness.explanation()) : this;
  }

  String text() {
    return String.join("\n", lines);
  }

  /** {@code kubernetes.io/arch in arm64}, {@code karpenter.azure.com/sku-cpu >= 4}: a node selector requirement. */
  static String requirement(JsonNode requirement) {
    String key = requirement.path("key").asText();
    String operator = requirement.path("operator").asText();
    String values = join(requirement.path("values"));
    String text = switch (operator) {
      case "In" -> key + " in " + values;
      case "NotIn" -> key + " not in " + values;
      case "Exists" -> key + " set";
      case "DoesNotExist" -> key + " not set";
      case "Gt" -> key + " > " + values;
      case "Lt" -> key + " < " + values;
      case "Gte" -> key + " >= " + values;
      case "Lte" -> key + " <= " + values;
      default -> key + " " + operator + " " + values;
    };
    return requirement.has("minValues") ? text + " (at least " + requirement.get("minValues").asText()
        + " of them)" : text;
  }

  /** One value as itself, several as {@code [a, b]}. */
  static String join(JsonNode values) {
    List<String> text = new ArrayList<>();
    values.forEach(v -> text.add(v.asText()));
    return text.size() == 1 ? text.get(0) : "[" + String.join(", ", text) + "]";
  }

  /**
   * A map as {@code key=value, key=value}, or {@code none}; nested objects are written as compact JSON, cut as
   * messages cut them (Jackson refuses to write a value nested over 1,000 deep, and a description never needs it).
   */
  static String pairs(JsonNode map) {
    List<String> text = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      JsonNode value = entry.getValue();
      text.add(entry.getKey() + "=" + (value.isValueNode() ? value.asText() : Excerpt.of(value)));
    }
    return text.isEmpty() ? "none" : String.join(", ", text);
  }

  /** The values a list of requirements allows for {@code key} (e.g. the architectures of an image), or empty. */
  static String valuesOf(JsonNode requirements, String key) {
    for (JsonNode requirement : requirements) {
      if (key.equals(requirement.path("key").asText()) && "In".equals(requirement.path("operator").asText())) {
        return join(requirement.path("values"));
      }
    }
    return "";
  }

  private static String pad(String label) {
    return label.length() >= LABEL_WIDTH ? label + " " : label + " ".repeat(LABEL_WIDTH - label.length());
  }
}
