package dev.autoscaling.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
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
 * inclusion), so the output is the same in meaning, only cheaper. Every string that any YAML 1.1 or 1.2 reader
 * would take for another type ({@code "10"}, {@code "0x10"}, {@code "1e3"}, {@code "yes"}, {@code "-.inf"}, a date)
 * is quoted, keys included, so that what is written reads back the same ({@link YamlQuoting}).
 *
 * <p>Reading follows kubectl ({@link ManifestReader}): anchors, aliases and merge keys resolved, YAML 1.1 scalars
 * as go-yaml v2 resolves them, a duplicate field refused, the input's text never quoted in an error.
 */
public final class Manifests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new ManifestYamlFactory(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(YamlQuoting.INSTANCE)));

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
  public static JsonNode toTree(@Nullable Object object) {
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
   * Every document of a YAML or JSON text (JSON is YAML), as kubectl reads it, skipping empty ones, as trees: a
   * top-level JSON array is one document, as it is to kubectl.
   *
   * @throws IllegalArgumentException naming the document and line when the text is not well-formed, has a field set
   *                                  twice, or passes a reading limit ({@link ManifestLimits#DEFAULT})
   */
  public static List<JsonNode> parseAll(String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (ManifestReader reader = ManifestReader.of(text, "the text")) {
      while (reader.hasNext()) {
        ManifestDocument document = reader.next();
        if (!document.problems().isEmpty()) {
          ManifestProblem problem = document.problems().get(0);
          throw new IllegalArgumentException((document.parsed() ? "" : "not valid YAML or JSON: ")
              + problem.message().replaceFirst("^not valid (YAML|JSON): ", "") + " (document " + document.number()
              + (problem.line() > 0 ? ", " + problem.where() : "") + ")");
        }
        documents.add(document.tree());
      }
    } catch (UnreadableInputException e) {
      throw new IllegalArgumentException("not valid YAML or JSON: " + e.reason(), null);
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

  /**
   * A deep copy of a model object, through the JSON it serialises to: the copy shares nothing with the original,
   * so changing one never changes the other.
   */
  @SuppressWarnings("unchecked")
  public static <T extends @Nullable Object> T copy(T object) {
    return object == null ? null : convert(toTree(object), (Class<T>) object.getClass());
  }

  /** A model object read back from the JSON text {@link #toJson(Object)} wrote. */
  static <T> T fromJson(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), null);
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
