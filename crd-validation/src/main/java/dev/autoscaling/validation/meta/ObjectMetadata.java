package dev.autoscaling.validation.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.schema.SchemaValues;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An object's {@code metadata} as the API server checks it on create, before any schema (the CRD's schema cannot
 * constrain it): a name or a generateName, names that are DNS subdomains (what the API server requires of every
 * custom resource), a namespace that is a DNS label, label and annotation keys that are qualified names, label values
 * of at most 63 characters, and at most 256 KiB of annotations. The messages are apimachinery's (v1.35) word for
 * word, the value they quote cut to an {@link Excerpt}.
 */
public final class ObjectMetadata {

  /** The rule of a violation that stops the API server from evaluating CEL rules, as a missing field does. */
  public static final String REQUIRED = "required"; // the schema keyword's name: blocking alike
  /** The rule of the total-annotation-size violation; the API server files it as "too long", which is blocking. */
  public static final String ANNOTATIONS_SIZE = "annotations size";
  /** The rule of every other metadata violation. */
  public static final String RULE = "metadata";

  /** The most bytes the annotations' keys and values may add up to. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  // apimachinery's formats, quoted in the messages; DnsNames matches them (DnsNamesTest compares the two)
  static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";
  static final String KEY_NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FORMAT = "(" + KEY_NAME_FORMAT + ")?";
  private static final String KEY_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must"
      + " start and end with an alphanumeric character";

  private ObjectMetadata() {
  }

  /**
   * Every violation of an object's metadata on create.
   *
   * @param object     the whole object (its {@code metadata} is read)
   * @param kind       the object's kind, for messages
   * @param namespaced whether the kind lives in namespaces (the CRD's {@code scope})
   */
  public static List<Violation> check(JsonNode object, String kind, boolean namespaced) {
    List<Violation> out = new ArrayList<>();
    JsonNode metadata = object.get("metadata");
    if (metadata == null || metadata.isNull()) {
      out.add(Violation.error("metadata.name", REQUIRED, "Required value: name or generateName is required"));
      return out;
    }
    if (!metadata.isObject()) {
      out.add(Violation.error("metadata", RULE, "Invalid value: metadata must be an object (ObjectMeta), not "
          + SchemaValues.describe(metadata)));
      return out;
    }
    // The fields checked here, read in one pass over the metadata rather than one lookup each: on an object seen
    // for the first time every lookup reads the map's hash table, a cache miss the pass does not need.
    Fields fields = new Fields(metadata);
    // ObjectMeta is decoded before it is checked: a field of the wrong type fails that, and nothing else is said
    if (!decodable(fields, out)) {
      return out;
    }
    String generateName = text(fields.generateName);
    String name = text(fields.name);
    if (!generateName.isEmpty()) {
      // the API server checks the prefix with a trailing '-' counted as a letter, then appends 5 random ones
      String masked = generateName.length() > 1 && generateName.endsWith("-")
          ? generateName.substring(0, generateName.length() - 1) + "a" : generateName;
      for (String problem : dnsSubdomain(masked)) {
        out.add(invalid("metadata.generateName", generateName, problem));
      }
    }
    if (name.isEmpty()) {
      if (generateName.isEmpty()) {
        out.add(Violation.error("metadata.name", REQUIRED, "Required value: name or generateName is required"));
      }
    } else {
      for (String problem : dnsSubdomain(name)) {
        out.add(invalid("metadata.name", name, problem));
      }
    }
    String namespace = text(fields.namespace);
    if (!namespace.isEmpty()) {
      if (namespaced) {
        for (String problem : dnsLabel(namespace)) {
          out.add(invalid("metadata.namespace", namespace, problem));
        }
      } else {
        out.add(Violation.warning("metadata.namespace", RULE, "ignored: " + Excerpt.of(kind)
            + " is cluster-scoped, so the API server clears the namespace"));
      }
    }
    for (Map.Entry<String, JsonNode> label : present(fields.labels).properties()) {
      for (String problem : qualifiedName(label.getKey())) {
        out.add(invalid("metadata.labels", label.getKey(), problem));
      }
      for (String problem : labelValue(label.getValue().asText(""))) {
        out.add(invalid("metadata.labels", label.getValue().asText(""), problem));
      }
    }
    long annotationBytes = 0;
    for (Map.Entry<String, JsonNode> annotation : present(fields.annotations).properties()) {
      // annotation keys are qualified names in any case
      for (String problem : qualifiedName(annotation.getKey().toLowerCase(Locale.ROOT))) {
        out.add(invalid("metadata.annotations", annotation.getKey(), problem));
      }
      annotationBytes += bytes(annotation.getKey()) + bytes(annotation.getValue().asText(""));
    }
    if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT) {
      out.add(Violation.error("metadata.annotations", ANNOTATIONS_SIZE, "Too long: may not be more than "
          + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes"));
    }
    for (JsonNode finalizer : present(fields.finalizers)) {
      for (String problem : qualifiedName(finalizer.asText(""))) {
        out.add(invalid("metadata.finalizers", finalizer.asText(""), problem));
      }
    }
    return out;
  }

  /** apimachinery's IsDNS1123Subdomain: what every custom resource's name must be. */
  public static List<String> dnsSubdomain(String value) {
    List<String> problems = new ArrayList<>(2);
    if (bytes(value) > 253) {
      problems.add("must be no more than 253 bytes");
    }
    if (!DnsNames.isSubdomain(value)) {
      problems.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
          + " '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN_FORMAT, "example.com"));
    }
    return problems;
  }

  /** apimachinery's IsDNS1123Label: a namespace, a Service name. */
  public static List<String> dnsLabel(String value) {
    List<String> problems = new ArrayList<>(2);
    if (bytes(value) > 63) {
      problems.add("must be no more than 63 bytes");
    }
    if (!DnsNames.isLabel(value)) {
      problems.add(DnsNames.isSubdomain(value) ? "must not contain dots"
          : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
              + " must start and end with an alphanumeric character", LABEL_FORMAT, "my-name", "123-abc"));
    }
    return problems;
  }

  /** apimachinery's IsQualifiedName: a label or annotation key, a finalizer. */
  public static List<String> qualifiedName(String value) {
    List<String> problems = new ArrayList<>(2);
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        name = parts[1];
        if (parts[0].isEmpty()) {
          problems.add("prefix part must be non-empty");
        } else {
          for (String problem : dnsSubdomain(parts[0])) {
            problems.add("prefix part " + problem);
          }
        }
      }
      default -> {
        problems.add("a valid label key " + regexError(KEY_NAME_MESSAGE, KEY_NAME_FORMAT, "MyName", "my.name",
            "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return problems;
      }
    }
    if (name.isEmpty()) {
      problems.add("name part must be non-empty");
    } else if (bytes(name) > 63) {
      problems.add("name part must be no more than 63 bytes");
    }
    if (!DnsNames.isKeyName(name)) {
      problems.add("name part " + regexError(KEY_NAME_MESSAGE, KEY_NAME_FORMAT, "MyName", "my.name", "123-abc"));
    }
    return problems;
  }

  /** apimachinery's IsValidLabelValue. */
  public static List<String> labelValue(String value) {
    List<String> problems = new ArrayList<>(2);
    if (bytes(value) > 63) {
      problems.add("must be no more than 63 bytes");
    }
    if (!DnsNames.isLabelValue(value)) {
      problems.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
          + " or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FORMAT, "MyValue",
          "my_value", "12345"));
    }
    return problems;
  }

  /** apimachinery's RegexError, spacing included. */
  private static String regexError(String message, String format, String... examples) {
    StringBuilder text = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      text.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return text.append("regex used for validation is '").append(format).append("')").toString();
  }

  /** The metadata fields this check reads, each null when absent. */
  private static final class Fields {
    private JsonNode name;
    private JsonNode generateName;
    private JsonNode namespace;
    private JsonNode labels;
    private JsonNode annotations;
    private JsonNode finalizers;

    Fields(JsonNode metadata) {
      for (Map.Entry<String, JsonNode> field : metadata.properties()) {
        switch (field.getKey()) {
          case "name" -> name = field.getValue();
          case "generateName" -> generateName = field.getValue();
          case "namespace" -> namespace = field.getValue();
          case "labels" -> labels = field.getValue();
          case "annotations" -> annotations = field.getValue();
          case "finalizers" -> finalizers = field.getValue();
          default -> {
          }
        }
      }
    }
  }

  /** As {@code metadata.path(field).asText("")}, for a field read by {@link Fields}. */
  private static String text(JsonNode value) {
    return value == null ? "" : value.asText("");
  }

  /** As {@code metadata.path(field)}, for a field read by {@link Fields}. */
  private static JsonNode present(JsonNode value) {
    return value == null ? MissingNode.getInstance() : value;
  }

  private static boolean decodable(Fields fields, List<Violation> out) {
    int before = out.size();
    String[] strings = {"name", "generateName", "namespace"};
    JsonNode[] stringValues = {fields.name, fields.generateName, fields.namespace};
    for (int i = 0; i < strings.length; i++) {
      String field = strings[i];
      JsonNode value = stringValues[i];
      if (value != null && !value.isNull() && !value.isTextual()) {
        out.add(Violation.error("metadata." + field, RULE, "Invalid value: must be a string, not " + SchemaValues.describe(value)));
      }
    }
    String[] maps = {"labels", "annotations"};
    JsonNode[] mapValues = {fields.labels, fields.annotations};
    for (int i = 0; i < maps.length; i++) {
      String field = maps[i];
      JsonNode map = mapValues[i];
      if (map == null || map.isNull()) {
        continue;
      }
      if (!map.isObject()) {
        out.add(Violation.error("metadata." + field, RULE, "Invalid value: must be a map of strings to strings,"
            + " not " + SchemaValues.describe(map)));
        continue;
      }
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
          out.add(Violation.error("metadata." + field + "[" + Excerpt.of(entry.getKey()) + "]", RULE,
              "Invalid value: must be a string, not " + SchemaValues.describe(entry.getValue())
                  + (entry.getValue().isValueNode() ? " (quote it)" : "")));
        }
      }
    }
    JsonNode finalizers = fields.finalizers;
    if (finalizers != null && !finalizers.isNull() && !finalizers.isArray()) {
      out.add(Violation.error("metadata.finalizers", RULE, "Invalid value: must be a list of strings, not "
          + SchemaValues.describe(finalizers)));
    }
    return out.size() == before;
  }

  private static Violation invalid(String path, String value, String problem) {
    return Violation.error(path, RULE, "Invalid value: " + TextNode.valueOf(Excerpt.of(value)) + ": " + problem);
  }

  private static long bytes(String text) {
    // Go measures strings in UTF-8 bytes; ASCII, the usual case, needs no encoding
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }
}
