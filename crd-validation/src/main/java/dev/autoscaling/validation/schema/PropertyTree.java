package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The shape of a structural schema, flattened: for every property path, its type, whether it is required, its
 * enum values and whether unknown fields are kept below it. Two schemas with equal trees accept the same fields
 * with the same types; descriptions, defaults, validations and formats are not part of the shape.
 *
 * <p>Used to show that a Java model still says what its CRD says (the model-fidelity check), and that two served
 * versions of a CRD are the same structure.
 */
public final class PropertyTree {

  /** The shape of one property. {@code type} is {@code int-or-string} for {@code x-kubernetes-int-or-string}. */
  public record Property(String type, boolean required, Set<String> enumValues, boolean preserveUnknownFields) {

    @Override
    public String toString() {
      return type + (required ? ", required" : "") + (enumValues.isEmpty() ? "" : ", enum " + enumValues)
          + (preserveUnknownFields ? ", preserves unknown fields" : "");
    }
  }

  private final Map<String, Property> properties;

  private PropertyTree(Map<String, Property> properties) {
    this.properties = Collections.unmodifiableMap(properties);
  }

  /** The tree of an {@code openAPIV3Schema}; paths are relative to the object ({@code spec.minReplicaCount}). */
  public static PropertyTree of(JsonNode openApiV3Schema) {
    Map<String, Property> properties = new TreeMap<>();
    Map<String, Set<String>> requiredByParent = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    SchemaWalker.walk(openApiV3Schema, (path, schema) -> {
      // allOf/anyOf/oneOf branches come after their parent with the same path: the parent alone gives the
      // property its shape, and a "required" inside a branch is conditional, so it is not taken either.
      if (!seen.add(path)) {
        return;
      }
      schema.path("required").forEach(name ->
          requiredByParent.computeIfAbsent(path, p -> new HashSet<>()).add(name.asText()));
      if (path.isEmpty()) {
        return;
      }
      Set<String> enumValues = new TreeSet<>();
      schema.path("enum").forEach(value -> enumValues.add(value.asText()));
      properties.put(path, new Property(typeOf(schema), false, enumValues,
          schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)));
    });
    requiredByParent.forEach((parent, names) -> names.forEach(name -> {
      String path = SchemaWalker.child(parent, name);
      Property p = properties.get(path);
      if (p != null) {
        properties.put(path, new Property(p.type(), true, p.enumValues(), p.preserveUnknownFields()));
      }
    }));
    return new PropertyTree(properties);
  }

  private static String typeOf(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return "int-or-string";
    }
    return schema.path("type").asText("any");
  }

  public Map<String, Property> properties() {
    return properties;
  }

  /** The same tree without the paths the filter rejects (e.g. subtrees that map to hand-written types). */
  public PropertyTree filter(Predicate<String> keep) {
    Map<String, Property> kept = new TreeMap<>();
    properties.forEach((path, property) -> {
      if (keep.test(path)) {
        kept.put(path, property);
      }
    });
    return new PropertyTree(kept);
  }

  /**
   * Every way this tree differs from the expected one, as readable lines, sorted by path; empty when they agree.
   * Below a property that preserves unknown fields in both trees, nothing is compared: any shape is accepted there.
   */
  public List<String> differencesFrom(PropertyTree expected) {
    Set<String> paths = new TreeSet<>(expected.properties.keySet());
    paths.addAll(properties.keySet());
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      if (underFreeForm(path, expected) && underFreeForm(path, this)) {
        continue;
      }
      Property want = expected.properties.get(path);
      Property have = properties.get(path);
      if (have == null) {
        differences.add(path + ": missing (expected " + want + ")");
      } else if (want == null) {
        differences.add(path + ": not in the expected schema (found " + have + ")");
      } else if (!Objects.equals(want, have)) {
        differences.add(path + ": expected " + want + ", found " + have);
      }
    }
    return differences;
  }

  private static boolean underFreeForm(String path, PropertyTree tree) {
    for (Map.Entry<String, Property> entry : tree.properties.entrySet()) {
      String prefix = entry.getKey();
      if (entry.getValue().preserveUnknownFields() && path.length() > prefix.length() && path.startsWith(prefix)
          && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[')) {
        return true;
      }
    }
    return false;
  }
}
