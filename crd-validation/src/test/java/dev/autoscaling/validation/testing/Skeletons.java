package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.schema.SchemaNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An object for every kind and version of the pinned CRDs that holds every declared field, with a plain value of
 * its type (an enum's first value, a number within bounds): not necessarily valid, but of the right shape almost
 * everywhere, which makes it a seed that reaches every part of a schema once mutated.
 */
public final class Skeletons {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 12;

  /** A skeleton object, with where it comes from ({@code keda/keda.sh_scaledobjects.yaml v1alpha1}). */
  public record Skeleton(String name, JsonNode object) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Skeletons() {
  }

  /** One skeleton per kind and version of every CRD file in the pinned folder, e.g. {@code keda}. */
  public static List<Skeleton> of(String provider) {
    List<Skeleton> skeletons = new ArrayList<>();
    try (Stream<Path> files = Files.list(PinnedFiles.crdsDir().resolve(provider))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode crd = Manifests.parseAll(Files.readString(file)).get(0);
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (Map.Entry<String, JsonNode> version : CrdVersions.schemas(crd).entrySet()) {
          ObjectNode object = (ObjectNode) skeleton(SchemaNode.compile(version.getValue()), 0);
          object.put("apiVersion", group + "/" + version.getKey()).put("kind", kind);
          object.putObject("metadata").put("name", "skeleton").put("namespace", "default");
          skeletons.add(new Skeleton(provider + "/" + file.getFileName() + " " + version.getKey(), object));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return skeletons;
  }

  private static JsonNode skeleton(SchemaNode schema, int depth) {
    if (schema.enumValues.size() > 0) {
      return schema.enumValues.get(0);
    }
    if (schema.intOrString) {
      return JSON.textNode("1");
    }
    String type = schema.type == null ? "object" : schema.type;
    switch (type) {
      case "object" -> {
        ObjectNode object = JSON.objectNode();
        if (depth < MAX_DEPTH) {
          schema.properties.forEach((name, property) -> object.set(name, skeleton(property, depth + 1)));
          if (schema.additionalProperties != null) {
            object.set("key", skeleton(schema.additionalProperties, depth + 1));
          }
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = JSON.arrayNode();
        if (schema.items != null && depth < MAX_DEPTH) {
          array.add(skeleton(schema.items, depth + 1));
        }
        return array;
      }
      case "integer" -> {
        return JSON.numberNode(schema.minimum != null ? schema.minimum.longValue() : 1);
      }
      case "number" -> {
        return JSON.numberNode(schema.minimum != null ? schema.minimum.doubleValue() : 1.5);
      }
      case "boolean" -> {
        return JSON.booleanNode(false);
      }
      default -> {
        return JSON.textNode(schema.defaultValue != null && schema.defaultValue.isTextual()
            ? schema.defaultValue.textValue() : "a");
      }
    }
  }
}
