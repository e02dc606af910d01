import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build step (run with the Java source launcher, not shipped): writes one typed trigger class per scaler of
 * KEDA's scaler catalogue ({@code scalers-schema.yaml}) and the catalogue itself as Java data.
 *
 * <p>Usage: {@code java -cp <classpath> TriggerGenerator.java SCALERS_SCHEMA OUTPUT_DIR}
 */
public class TriggerGenerator {

  private static final String PACKAGE = "dev.autoscaling.keda.triggers";
  private static final Set<String> KEYWORDS = Set.of(("abstract assert boolean break byte case catch char class "
      + "const continue default do double else enum extends final finally float for goto if implements import "
      + "instanceof int interface long native new package private protected public return short static strictfp "
      + "super switch synchronized this throw throws transient try void volatile while var record yield sealed "
      + "permits named metricType useCachedMetrics authenticationRef clusterAuthenticationRef metadata toTrigger "
      + "toScaledJobTrigger validate type").split(" "));

  record Param(String name, boolean optional, String defaultValue, List<String> allowed, boolean metadata,
      boolean env, boolean auth, String deprecated, String kind) {

    Param withKind(String newKind, List<String> newAllowed) {
      return new Param(name, optional, defaultValue, newAllowed, metadata, env, auth, deprecated, newKind);
    }
  }

  public static void main(String[] args) throws IOException {
    JsonNode schema = new YAMLMapper().readTree(Path.of(args[0]).toFile());
    JsonNode overlay = args.length > 2 ? new YAMLMapper().readTree(Path.of(args[2]).toFile()) : null;
    Path out = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(out);
    StringBuilder catalogue = new StringBuilder();
    int count = 0;
    for (JsonNode scaler : schema.path("scalers")) {
      String type = scaler.path("type").asText();
      Map<String, Param> params = new LinkedHashMap<>();
      for (JsonNode p : scaler.path("parameters")) {
        List<String> allowed = new ArrayList<>();
        p.path("allowedValue").forEach(v -> allowed.add(v.asText()));
        Param param = new Param(p.path("name").asText(), p.path("optional").asBoolean(false),
            p.has("default") ? p.get("default").asText() : null, allowed,
            p.path("metadataVariableReadable").asBoolean(false), p.path("envVariableReadable").asBoolean(false),
            p.path("triggerAuthenticationVariableReadable").asBoolean(false),
            p.has("deprecated") ? p.get("deprecated").asText() : p.has("deprecatedAnnounce")
                ? p.get("deprecatedAnnounce").asText() : null, "string");
        Param previous = params.get(param.name());
        if (previous != null) { // the catalogue lists some parameters twice: keep every way they can be given
          param = new Param(param.name(), previous.optional() && param.optional(),
              previous.defaultValue() != null ? previous.defaultValue() : param.defaultValue(),
              previous.allowed().isEmpty() ? param.allowed() : previous.allowed(),
              previous.metadata() || param.metadata(), previous.env() || param.env(),
              previous.auth() || param.auth(), previous.deprecated(), "string");
        }
        params.put(param.name(), param);
      }
      // the SDK's overlay: numbers, booleans and closed sets the catalogue leaves as plain strings
      JsonNode refinements = overlay == null ? null : overlay.get(type);
      if (refinements != null) {
        for (Map.Entry<String, JsonNode> entry : refinements.properties()) {
          Param param = params.get(entry.getKey());
          if (param == null) {
            throw new IllegalStateException("overlay: " + type + " has no parameter " + entry.getKey());
          }
          if (entry.getValue().isArray()) {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(v -> values.add(v.asText()));
            params.put(param.name(), param.withKind("string", values));
          } else {
            params.put(param.name(), param.withKind(entry.getValue().asText(), param.allowed()));
          }
        }
      }
      String className = className(type);
      Files.writeString(out.resolve(className + ".java"), triggerClass(type, className, params.values()),
          StandardCharsets.UTF_8);
      catalogue.append("    add(\"").append(type).append("\", List.of(\n");
      List<String> entries = new ArrayList<>();
      for (Param p : params.values()) {
        entries.add("        new ScalerParameter(" + str(p.name()) + ", " + p.optional() + ", " + str(p.defaultValue())
            + ", List.of(" + String.join(", ", p.allowed().stream().map(TriggerGenerator::str).toList()) + "), "
            + p.metadata() + ", " + p.env() + ", " + p.auth() + ", " + str(p.deprecated()) + ", " + str(p.kind())
            + ")");
      }
      catalogue.append(String.join(",\n", entries)).append("));\n");
      count++;
    }
    Files.writeString(out.resolve("ScalerCatalogue.java"), """
        package %s;

        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;

        /** Generated from KEDA's scalers-schema.yaml (%s, %d scalers): every scaler type and its parameters. */
        public final class ScalerCatalogue {

          private static final Map<String, List<ScalerParameter>> SCALERS = new LinkedHashMap<>();

          static {
        %s  }

          private ScalerCatalogue() {
          }

          private static void add(String type, List<ScalerParameter> parameters) {
            SCALERS.put(type, parameters);
          }

          /** Every scaler type, in the catalogue's order. */
          public static Map<String, List<ScalerParameter>> scalers() {
            return java.util.Collections.unmodifiableMap(SCALERS);
          }
        }
        """.formatted(PACKAGE, schema.path("kedaVersion").asText(), count, catalogue), StandardCharsets.UTF_8);
    System.out.printf("%d typed KEDA trigger classes generated into %s%n", count, out);
  }

  private static String triggerClass(String type, String className, java.util.Collection<Param> params) {
    StringBuilder methods = new StringBuilder();
    StringBuilder enums = new StringBuilder();
    List<String> authOnly = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    params.forEach(p -> names.add(p.name()));
    for (Param p : params) {
      String doc = (p.optional() || p.defaultValue() != null ? "optional" : "required")
          + (p.defaultValue() != null ? ", default {@code " + escapeDoc(p.defaultValue()) + "}" : "")
          + (p.auth() ? "; may also come from a TriggerAuthentication" : "")
          + (p.deprecated() != null ? ". <b>Deprecated:</b> " + escapeDoc(p.deprecated()) : "");
      if (!p.name().matches("[A-Za-z][A-Za-z0-9]*")) {
        if (p.name().endsWith(".*")) {
          String prefix = p.name().substring(0, p.name().length() - 2);
          methods.append("""

                /** {@code %s.<name>} (%s). */
                public %s %s(String name, String value) {
                  return set("%s." + name, value);
                }
              """.formatted(prefix, doc, className, method(prefix), prefix));
        }
        continue;
      }
      String method = method(p.name());
      if (p.metadata()) {
        if (!p.allowed().isEmpty()) {
          String enumName = Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1);
          enums.append(enumType(enumName, p.allowed()));
          methods.append("""

                /** {@code %s} (%s): one of %s. */
                public %s %s(%s value) {
                  return set("%s", value.value());
                }
              """.formatted(p.name(), doc, escapeDoc(String.join(", ", p.allowed())), className, method, enumName,
              p.name()));
        } else if (!p.kind().equals("string")) {
          String javaType = switch (p.kind()) {
            case "integer" -> "long";
            case "number" -> "double";
            case "boolean" -> "boolean";
            default -> throw new IllegalStateException("overlay kind " + p.kind());
          };
          String text = p.kind().equals("number") ? "ScalerTrigger.decimal(value)" : "String.valueOf(value)";
          methods.append("""

                /** {@code %s} (%s), a %s. */
                public %s %s(%s value) {
                  return set("%s", %s);
                }
              """.formatted(p.name(), doc, p.kind(), className, method, javaType, p.name(), text));
        } else {
          methods.append("""

                /** {@code %s} (%s). */
                public %s %s(String value) {
                  return set("%s", value);
                }
              """.formatted(p.name(), doc, className, method, p.name()));
        }
      } else if (p.auth()) {
        authOnly.add(p.name());
      }
      // a catalogue may list "xFromEnv" as a parameter of its own: one method for it, not two
      if (p.env() && !names.contains(p.name() + "FromEnv")) {
        methods.append("""

              /** {@code %sFromEnv}: read {@code %s} from this environment variable of the scale target's container. */
              public %s %sFromEnv(String variable) {
                return set("%sFromEnv", variable);
              }
            """.formatted(p.name(), p.name(), className, p.name(), p.name()));
      }
    }
    return """
        package %s;

        /**
         * KEDA's {@code %s} scaler as a typed trigger, generated from KEDA's scaler catalogue.%s
         */
        public final class %s extends ScalerTrigger<%s> {

          public %s() {
            super("%s");
          }

          @Override
          protected %s self() {
            return this;
          }
        %s%s}
        """.formatted(PACKAGE, type, authOnly.isEmpty() ? ""
            : "\n * Read only from a TriggerAuthentication (never plain metadata): {@code "
                + String.join("}, {@code ", authOnly) + "}.",
        className, className, className, type, className, methods, enums);
  }

  private static String enumType(String name, List<String> values) {
    StringBuilder constants = new StringBuilder();
    Set<String> used = new LinkedHashSet<>();
    for (String value : values) {
      String constant = constant(value);
      if (!used.add(constant)) {
        constant = "V_" + value.replaceAll("[^A-Za-z0-9]", "_");
        used.add(constant);
      }
      constants.append("    ").append(constant).append("(").append(str(value)).append("),\n");
    }
    return """

          /** The values KEDA accepts. */
          public enum %s {
        %s    ;

            private final String value;

            %s(String value) {
              this.value = value;
            }

            /** As written in the trigger's metadata. */
            public String value() {
              return value;
            }
          }
        """.formatted(name, constants, name);
  }

  private static String constant(String value) {
    if (value.isEmpty()) {
      return "EMPTY";
    }
    String snake = value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_")
        .toUpperCase(Locale.ROOT);
    return Character.isDigit(snake.charAt(0)) ? "V_" + snake : snake;
  }

  private static String className(String type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name + "Trigger";
  }

  private static String method(String name) {
    return KEYWORDS.contains(name) ? name + "Parameter" : name;
  }

  private static String str(String value) {
    if (value == null) {
      return "null";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String escapeDoc(String text) {
    return text.replace("*/", "*&#47;").replace("@", "&#64;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
