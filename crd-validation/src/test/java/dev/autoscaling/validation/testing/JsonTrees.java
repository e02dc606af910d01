package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoscaling.manifest.Manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers for comparing manifests by meaning (JSON trees), not by text. */
public final class JsonTrees {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTrees() {
  }

  /**
   * The tree re-read from its JSON text, so that numbers compare by value: YAML parsing and Java serialisation
   * pick different node classes (int vs long) for the same number.
   */
  public static JsonNode normalized(JsonNode tree) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tree the object serialises to, normalised. */
  public static JsonNode treeOf(Object object) {
    return normalized(Manifests.toTree(object));
  }

  /** The documents of a YAML file on the test class path, normalised. */
  public static List<JsonNode> resourceDocuments(String resource) {
    try (InputStream in = JsonTrees.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return Manifests.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
          .map(JsonTrees::normalized)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single document of a YAML file on the test class path, normalised. */
  public static JsonNode resourceDocument(String resource) {
    List<JsonNode> documents = resourceDocuments(resource);
    if (documents.size() != 1) {
      throw new IllegalArgumentException(resource + ": expected one document, found " + documents.size());
    }
    return documents.get(0);
  }
}
