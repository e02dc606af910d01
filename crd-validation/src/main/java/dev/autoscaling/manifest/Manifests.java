package dev.autoscaling.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes Kubernetes manifests: model objects to YAML or JSON, and multi-document YAML or JSON text to
 * trees or typed objects.
 *
 * <p>Why not fabric8's {@code Serialization.asYaml}: it converts the object to a generic map and dumps that with
 * snakeyaml-engine, measured at about 2.5x the cost of writing straight through a Jackson YAML generator. Here
 * both writers share fabric8's Jackson configuration (its modules and its "omit nulls, keep null map values"
 * inclusion), so the output is the same in meaning, only cheaper. Strings that would read back as another type
 * ({@code "10"}, {@code "true"}) stay quoted.
 */
public final class Manifests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build());

  static {
    // fabric8 registers its modules and inclusion rules on the mappers it is given.
    new KubernetesSerialization(JSON, true);
    new KubernetesSerialization(YAML, true);
    for (ObjectMapper mapper : new ObjectMapper[] {JSON, YAML}) {
      mapper.registerModule(new SimpleModule("explicit-name-wins").setSerializerModifier(new ExplicitNameWins()));
    }
  }

  private static final ObjectWriter JSON_WRITER = JSON.writer();
  private static final ObjectWriter YAML_WRITER = YAML.writer();
  private static final ObjectReader YAML_READER = YAML.readerFor(JsonNode.class);

  private Manifests() {
  }

  /** One YAML document, starting with {@code ---}. */
  public static String toYaml(Object object) {
    try {
      return YAML_WRITER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + describe(object) + " as YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** A multi-document YAML stream, one document per object, in order. */
  public static String toYaml(Collection<?> objects) {
    StringBuilder out = new StringBuilder();
    for (Object object : objects) {
      out.append(toYaml(object));
    }
    return out.toString();
  }

  public static String toJson(Object object) {
    try {
      return JSON_WRITER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + describe(object) + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON tree the object serialises to: what the API server would receive. */
  public static JsonNode toTree(Object object) {
    if (object == null) {
      return JSON.nullNode();
    }
    TreeGenerator generator = new TreeGenerator(JSON);
    try {
      JSON_WRITER.writeValue(generator, object);
    } catch (UnsupportedOperationException e) {
      return JSON.valueToTree(object); // raw values: through Jackson's token buffer
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot turn " + describe(object) + " into a JSON tree: " + e.getMessage(), e);
    }
    return generator.result();
  }

  /**
   * Every document of a YAML or JSON text (JSON is YAML), skipping empty ones, as trees.
   *
   * @throws IllegalArgumentException naming the line and column when the text is not well-formed
   */
  public static List<JsonNode> parseAll(String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML_READER.readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode document = it.nextValue();
        // "---" at the end of a stream, or two in a row, read as an empty document: there is nothing in it.
        boolean empty = document == null || document.isNull() || document.isMissingNode()
            || (document.isTextual() && document.asText().isEmpty());
        if (!empty) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      if (reason != null && reason.contains("exceeds the limit")) {
        // SnakeYAML's own bound is the API server's: it refuses requests over 3 MiB too.
        reason = "the document exceeds 3 MiB (3145728 characters), the API server's request limit";
      }
      throw new IllegalArgumentException("not valid YAML or JSON: " + reason
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  /** The single document of a YAML or JSON text, as the given type. */
  public static <T> T parse(String text, Class<T> type) {
    List<JsonNode> documents = parseAll(text);
    if (documents.size() != 1) {
      throw new IllegalArgumentException("expected exactly one document, found " + documents.size());
    }
    return convert(documents.get(0), type);
  }

  public static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (MismatchedInputException e) {
      // Jackson's own message quotes the offending value, which may be a secret: name the place and type only.
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + path(e)
          + " does not fit " + (e.getTargetType() == null ? "the model" : e.getTargetType().getSimpleName()), null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String path(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      }
    }
    return path.length() == 0 ? "the document" : path.toString();
  }

  private static String describe(Object object) {
    return object == null ? "null" : object.getClass().getSimpleName();
  }
}
