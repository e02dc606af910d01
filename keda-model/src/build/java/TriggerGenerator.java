import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build step (run with the Java source launcher, not shipped): writes one typed trigger class per scaler of
 * KEDA's scaler catalogue ({@code scalers-schema.yaml}), with what the SDK's overlay adds to the catalogue
 * ({@code trigger-overlay.yaml}: keys KEDA reads from embedded, nested and shared structs or the raw metadata,
 * spellings, how values are parsed, removed and deprecated keys, metric type rules), and the merged catalogue itself
 * as Java data.
 *
 * <p>Usage: {@code java -cp <classpath> TriggerGenerator.java SCALERS_SCHEMA OUTPUT_DIR OVERLAY}
 */
public class TriggerGenerator {

  private static final String PACKAGE = "dev.autoscaling.keda.triggers";
  private static final Set<String> KEYWORDS = Set.of(("abstract assert boolean break byte case catch char class "
      + "const continue default do double else enum extends final finally float for goto if implements import "
      + "instanceof int interface long native new package private protected public return short static strictfp "
      + "super switch synchronized this throw throws transient try void volatile while var record yield sealed "
      + "permits named metricType useCachedMetrics authenticationRef clusterAuthenticationRef metadata toTrigger "
      + "toScaledJobTrigger validate type toUncheckedTrigger toUncheckedTree toUncheckedScaledJobTrigger "
      + "toString hashCode equals getClass copy").split(" "));
  private static final List<String> KINDS = List.of("integer", "number", "boolean", "duration", "map", "integer-list",
      "resource-target");

  /** One metadata key of a scaler, as the catalogue and the overlay together describe it. */
  static final class Param {
    final String name;
    List<String> spellings;
    boolean optional;
    String defaultValue;
    List<String> allowed;
    String separator;
    List<String> atMostOne = List.of();
    boolean ignoreCase;
    boolean metadata;
    boolean env;
    boolean auth;
    /** the catalogue's deprecation: "removed" (KEDA refuses the key) or "announced" (KEDA reports an event) */
    String kedaDeprecation;
    String deprecation;
    boolean removed;
    String kind = "string";

    Param(String name) {
      this.name = name;
      this.spellings = List.of(name);
      this.allowed = List.of();
    }
  }

  /** The scaler-wide facts: metric type rules, keys refused together, keys handed on as they are. */
  record Rules(boolean anyKey, List<String> metricTypes, boolean metricTypeRequired, String metricTypeIgnored,
      List<List<String>> conflicts) {
  }

  public static void main(String[] args) throws IOException {
    JsonNode schema = new YAMLMapper().readTree(Path.of(args[0]).toFile());
    JsonNode overlay = new YAMLMapper().readTree(Path.of(args[2]).toFile());
    Path out = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(out);
    StringBuilder catalogue = new StringBuilder();
    StringBuilder objectEntries = new StringBuilder();
    StringBuilder jobEntries = new StringBuilder();
    Set<String> described = new HashSet<>();
    int count = 0;
    for (JsonNode scaler : schema.path("scalers")) {
      String type = scaler.path("type").asText();
      JsonNode facts = overlay.path("scalers").path(type);
      described.add(type);
      Map<String, Param> params = catalogueParameters(scaler);
      merge(type, params, facts, overlay.path("shared"));
      Rules rules = rules(type, params, facts, overlay.path("defaults"));
      String className = className(type);
      String baseName = baseName(type);
      Settings settings = scalerClass(type, baseName, params.values());
      Files.writeString(out.resolve(baseName + ".java"), settings.code(), StandardCharsets.UTF_8);
      Files.writeString(out.resolve(className + ".java"), triggerClass(type, className, baseName),
          StandardCharsets.UTF_8);
      catalogue.append(catalogueEntry(type, rules, params.values()));
      objectEntries.append(entry(type, params, settings, facts.path("chain"), ScaledKind.OBJECT));
      jobEntries.append(entry(type, params, settings, facts.path("chain"), ScaledKind.JOB));
      count++;
    }
    Path facade = Path.of(args[1]).resolve("dev/autoscaling/keda");
    Files.writeString(facade.resolve("ScaledObjectScalers.java"), facade(ScaledKind.OBJECT, objectEntries),
        StandardCharsets.UTF_8);
    Files.writeString(facade.resolve("ScaledJobScalers.java"), facade(ScaledKind.JOB, jobEntries),
        StandardCharsets.UTF_8);
    for (var it = overlay.path("scalers").fieldNames(); it.hasNext(); ) {
      String type = it.next();
      if (!described.contains(type)) {
        throw new IllegalStateException("overlay: " + type + " is not a scaler of the catalogue");
      }
    }
    Files.writeString(out.resolve("ScalerCatalogue.java"), """
        package %s;

        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;

        /**
         * Generated from KEDA's scalers-schema.yaml (%s, %d scalers) and the SDK's overlay of what KEDA reads beyond it:
         * every scaler type, its parameters and its scaler-wide rules.
         */
        public final class ScalerCatalogue {

          private static final Map<String, List<ScalerParameter>> SCALERS = new LinkedHashMap<>();
          private static final Map<String, ScalerRules> RULES = new LinkedHashMap<>();

          static {
        %s  }

          private ScalerCatalogue() {
          }

          private static void add(String type, ScalerRules rules, List<ScalerParameter> parameters) {
            SCALERS.put(type, parameters);
            RULES.put(type, rules);
          }

          /** Every scaler type, in the catalogue's order. */
          public static Map<String, List<ScalerParameter>> scalers() {
            return java.util.Collections.unmodifiableMap(SCALERS);
          }

          /** The scaler-wide rules of a scaler type, or null for a type KEDA does not know. */
          public static ScalerRules rules(String type) {
            return RULES.get(type);
          }
        }
        """.formatted(PACKAGE, schema.path("kedaVersion").asText(), count, catalogue), StandardCharsets.UTF_8);
    System.out.printf("%d typed KEDA trigger classes generated into %s%n", count, out);
  }

  /** The catalogue's parameters of one scaler; a name listed twice keeps every way it can be given. */
  private static Map<String, Param> catalogueParameters(JsonNode scaler) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (JsonNode p : scaler.path("parameters")) {
      String name = p.path("name").asText();
      Param param = params.get(name);
      boolean first = param == null;
      if (first) {
        param = new Param(name);
        param.optional = p.path("optional").asBoolean(false);
        params.put(name, param);
      } else {
        param.optional &= p.path("optional").asBoolean(false);
      }
      if (param.defaultValue == null && p.has("default")) {
        param.defaultValue = p.get("default").asText();
      }
      if (param.allowed.isEmpty() && p.has("allowedValue")) {
        List<String> allowed = new ArrayList<>();
        p.path("allowedValue").forEach(v -> allowed.add(v.asText()));
        param.allowed = allowed;
      }
      if (p.has("separator")) {
        param.separator = p.get("separator").asText();
      }
      param.metadata |= p.path("metadataVariableReadable").asBoolean(false);
      param.env |= p.path("envVariableReadable").asBoolean(false);
      param.auth |= p.path("triggerAuthenticationVariableReadable").asBoolean(false);
      if (p.has("deprecated")) {
        param.kedaDeprecation = "removed";
      } else if (p.has("deprecatedAnnounce") && param.kedaDeprecation == null) {
        param.kedaDeprecation = "announced";
      }
    }
    return params;
  }

  /** The overlay's facts of one scaler merged into its catalogue parameters. */
  private static void merge(String type, Map<String, Param> params, JsonNode facts, JsonNode shared) {
    for (JsonNode group : facts.path("use")) {
      useGroup(type, params, group.asText(), shared, new HashSet<>());
    }
    facts.path("add").properties().forEach(e -> widen(params, e.getKey(), e.getValue()));
    for (JsonNode spelling : facts.path("spellings")) {
      List<String> names = new ArrayList<>();
      spelling.forEach(n -> names.add(n.asText()));
      names.forEach(n -> existing(type, params, n).spellings = List.copyOf(names));
    }
    for (String kind : KINDS) {
      for (JsonNode name : facts.path(kind)) {
        existing(type, params, name.asText()).kind = kind;
      }
    }
    facts.path("values").properties().forEach(e -> existing(type, params, e.getKey()).allowed = texts(e.getValue()));
    facts.path("removed").properties().forEach(e -> {
      Param param = existing(type, params, e.getKey());
      param.removed = true;
      param.deprecation = e.getValue().asText();
    });
    facts.path("announced").properties().forEach(e ->
        existing(type, params, e.getKey()).deprecation = e.getValue().asText());
    for (Param param : params.values()) {
      // every deprecation of the catalogue has the overlay's words for it (and the reverse), so none goes unsaid
      if ("removed".equals(param.kedaDeprecation) != param.removed) {
        throw new IllegalStateException("overlay: " + type + "." + param.name + " must be listed under removed"
            + " exactly when KEDA refuses it");
      }
      if ("announced".equals(param.kedaDeprecation) && param.deprecation == null) {
        throw new IllegalStateException("overlay: " + type + "." + param.name + " needs an announced text");
      }
    }
  }

  private static void useGroup(String type, Map<String, Param> params, String name, JsonNode shared,
      Set<String> seen) {
    JsonNode group = shared.path(name);
    if (group.isMissingNode() || !seen.add(name)) {
      throw new IllegalStateException("overlay: " + type + " uses an unknown (or circular) shared group " + name);
    }
    for (JsonNode inner : group.path("use")) {
      useGroup(type, params, inner.asText(), shared, seen);
    }
    group.properties().forEach(e -> {
      if (!e.getKey().equals("use")) {
        widen(params, e.getKey(), e.getValue());
      }
    });
  }

  /** A key KEDA reads beyond the catalogue: added, or where the catalogue has it, its sources widened. */
  private static void widen(Map<String, Param> params, String name, JsonNode fact) {
    Param param = params.computeIfAbsent(name, n -> {
      Param added = new Param(n);
      added.optional = true;
      return added;
    });
    for (JsonNode from : fact.path("from")) {
      switch (from.asText()) {
        case "metadata" -> param.metadata = true;
        case "env" -> param.env = true;
        case "auth" -> param.auth = true;
        default -> throw new IllegalStateException("overlay: " + name + " from " + from.asText());
      }
    }
    param.optional |= fact.path("optional").asBoolean(false);
    if (fact.has("values")) {
      param.allowed = texts(fact.get("values"));
    }
    if (fact.has("list")) {
      param.separator = fact.get("list").asText();
    }
    if (fact.has("atMostOne")) {
      param.atMostOne = texts(fact.get("atMostOne"));
    }
    param.ignoreCase |= fact.path("ignoreCase").asBoolean(false);
    if (fact.has("announced")) {
      param.deprecation = fact.get("announced").asText();
    }
    if (fact.has("also")) {
      List<String> spellings = new ArrayList<>(List.of(name));
      fact.get("also").forEach(a -> spellings.add(a.asText()));
      for (String spelling : spellings) {
        if (!spelling.equals(name)) {
          widen(params, spelling, ((com.fasterxml.jackson.databind.node.ObjectNode) fact.deepCopy()).without(
              List.of("also", "announced")));
        }
      }
      spellings.forEach(s -> params.get(s).spellings = List.copyOf(spellings));
    }
  }

  private static Rules rules(String type, Map<String, Param> params, JsonNode facts, JsonNode defaults) {
    JsonNode metricType = facts.has("metricType") ? facts.get("metricType") : defaults.path("metricType");
    List<List<String>> conflicts = new ArrayList<>();
    for (JsonNode pair : facts.path("conflicts")) {
      List<String> names = texts(pair);
      names.stream().filter(n -> !n.equals(".metricType")).forEach(n -> existing(type, params, n));
      conflicts.add(names);
    }
    return new Rules(facts.path("anyKey").asBoolean(false), texts(metricType.path("values")),
        metricType.path("required").asBoolean(false),
        metricType.has("ignored") ? metricType.get("ignored").asText() : null, conflicts);
  }

  private static Param existing(String type, Map<String, Param> params, String name) {
    Param param = params.get(name);
    if (param == null) {
      throw new IllegalStateException("overlay: " + type + " has no parameter " + name);
    }
    return param;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String catalogueEntry(String type, Rules rules, Collection<Param> params) {
    List<String> entries = new ArrayList<>();
    for (Param p : params) {
      entries.add("        new ScalerParameter(" + str(p.name) + ", " + list(p.spellings) + ", " + p.optional + ", "
          + str(p.defaultValue) + ", " + list(p.allowed) + ", " + str(p.separator) + ", " + list(p.atMostOne) + ", "
          + p.ignoreCase + ", " + p.metadata + ", " + p.env + ", " + p.auth + ", " + str(p.deprecation) + ", "
          + p.removed + ", " + str(p.kind) + ")");
    }
    List<String> conflicts = rules.conflicts().stream().map(TriggerGenerator::list).toList();
    return "    add(\"" + type + "\", new ScalerRules(" + rules.anyKey() + ", " + list(rules.metricTypes()) + ", "
        + rules.metricTypeRequired() + ", " + str(rules.metricTypeIgnored()) + ", List.of("
        + String.join(", ", conflicts) + ")), List.of(\n" + String.join(",\n", entries) + "));\n";
  }

  private static String list(List<String> values) {
    return "List.of(" + String.join(", ", values.stream().map(TriggerGenerator::str).toList()) + ")";
  }

  /** The generated settings class of one scaler, and the signatures of its setters ({@code queueLength(double)}). */
  record Settings(String code, Set<String> signatures) {
  }

  /**
   * The settings of one scaler, as a generic base ({@code RabbitmqScaler<T>}) that the typed trigger and the
   * ScaledObject and ScaledJob entry points extend: one method per key KEDA reads, returning the concrete type.
   */
  private static Settings scalerClass(String type, String baseName, Collection<Param> params) {
    String className = "T";
    StringBuilder methods = new StringBuilder();
    StringBuilder enums = new StringBuilder();
    List<String> authOnly = new ArrayList<>();
    Set<String> names = new HashSet<>();
    params.forEach(p -> names.add(p.name));
    Set<String> signatures = new HashSet<>();
    Set<String> enumNames = new HashSet<>();
    for (Param p : params) {
      String doc = (p.optional || p.defaultValue != null ? "optional" : "required")
          + (p.defaultValue != null ? ", default {@code " + escapeDoc(p.defaultValue) + "}" : "")
          + (p.spellings.size() > 1 ? "; also spelt " + String.join(", ", p.spellings.stream()
              .filter(s -> !s.equals(p.name)).map(s -> "{@code " + s + "}").toList()) : "")
          + (p.auth ? "; may also come from a TriggerAuthentication" : "")
          + (p.deprecation != null ? ". <b>Deprecated:</b> " + escapeDoc(p.deprecation) : "");
      if (!p.name.matches("[A-Za-z][A-Za-z0-9]*")) {
        if (p.name.endsWith(".*") && p.metadata) {
          String prefix = p.name.substring(0, p.name.length() - 2);
          methods.append("""

                /** {@code %s.<name>} (%s). */
                public %s %s(String name, String value) {
                  return set("%s." + name, value);
                }
              """.formatted(prefix, doc, className, method(prefix), prefix));
        }
        continue;
      }
      String method = method(p.name);
      if (p.metadata && !p.removed) {
        if (!p.allowed.isEmpty()) {
          String enumName = Character.toUpperCase(p.name.charAt(0)) + p.name.substring(1);
          if (enumNames.add(enumName)) {
            enums.append(enumType(enumName, p.allowed));
          }
          if (p.separator != null && signatures.add(method + "(" + enumName + "...)")) {
            methods.append("""

                  /** {@code %s} (%s): any of %s. */
                  public %s %s(%s... values) {
                    return set("%s", String.join("%s", java.util.Arrays.stream(values).map(%s::value).toList()));
                  }
                """.formatted(p.name, doc, escapeDoc(String.join(", ", p.allowed)), className, method, enumName,
                p.name, p.separator, enumName));
          } else if (signatures.add(method + "(" + enumName + ")")) {
            methods.append("""

                  /** {@code %s} (%s): one of %s. */
                  public %s %s(%s value) {
                    return set("%s", value.value());
                  }
                """.formatted(p.name, doc, escapeDoc(String.join(", ", p.allowed)), className, method, enumName,
                p.name));
          }
        } else {
          String javaType = switch (p.kind) {
            case "integer" -> "long";
            case "number" -> "double";
            case "boolean" -> "boolean";
            case "duration" -> "java.time.Duration";
            case "map" -> "java.util.Map<String, String>";
            default -> "String";
          };
          String text = switch (p.kind) {
            case "number" -> "ScalerTrigger.decimal(value)";
            case "integer", "boolean" -> "String.valueOf(value)";
            case "duration" -> "ScalerTrigger.goDuration(value)";
            case "map" -> "ScalerTrigger.pairs(value)";
            default -> "value";
          };
          String what = switch (p.kind) {
            case "integer" -> ", a whole number";
            case "number" -> ", a number";
            case "boolean" -> ", true or false";
            case "duration" -> ", a duration";
            case "map" -> ", key=value pairs";
            case "integer-list" -> ", whole numbers and ranges such as {@code 1,3-5}";
            default -> "";
          };
          if (signatures.add(method + "(" + javaType + ")")) {
            methods.append("""

                  /** {@code %s} (%s)%s. */
                  public %s %s(%s value) {
                    return set("%s", %s);
                  }
                """.formatted(p.name, doc, what, className, method, javaType, p.name, text));
          }
        }
      } else if (!p.metadata && p.auth && !p.env) {
        authOnly.add(p.name);
      }
      // a catalogue may list "xFromEnv" as a parameter of its own: one method for it, not two
      if (p.env && !names.contains(p.name + "FromEnv") && signatures.add(method(p.name + "FromEnv") + "(String)")) {
        methods.append("""

              /** {@code %sFromEnv}: read {@code %s} from this environment variable of the scale target's container%s. */
              public %s %s(String variable) {
                return set("%sFromEnv", variable);
              }
            """.formatted(p.name, p.name, p.metadata ? "" : " (KEDA does not read it from plain metadata)", className,
            method(p.name + "FromEnv"), p.name));
      }
    }
    String code = """
        package %s;

        /**
         * The settings of KEDA's {@code %s} scaler, generated from KEDA's scaler catalogue and the SDK's overlay: one
         * method per metadata key KEDA reads. The trigger is {@link %s}; {@code ScaledObjects.%s()} and
         * {@code ScaledJobs.%s()} start a ScaledObject or a ScaledJob with them.%s
         *
         * @param <T> the concrete class, for fluent calls
         */
        public abstract class %s<T extends %s<T>> extends ScalerTrigger<T> {

          protected %s() {
            super("%s");
          }

          /** A copy's state: see {@link ScalerTrigger#copy}. */
          protected %s(Draft draft) {
            super(draft);
          }
        %s%s}
        """.formatted(PACKAGE, type, className(type), entryPoint(type), entryPoint(type), authOnly.isEmpty() ? ""
            : "\n * Read only from a TriggerAuthentication (never plain metadata): {@code "
                + String.join("}, {@code ", authOnly) + "}.",
        baseName, baseName, baseName, type, baseName, methods, enums);
    return new Settings(code, signatures);
  }

  private static String triggerClass(String type, String className, String baseName) {
    return """
        package %s;

        /**
         * KEDA's {@code %s} scaler as a typed trigger: its settings are those of {@link %s}. Immutable: each setter
         * returns a new trigger.
         */
        public final class %s extends %s<%s> {

          public %s() {
          }

          private %s(Draft draft) {
            super(draft);
          }

          @Override
          protected %s copy(Draft draft) {
            return new %s(draft);
          }
        }
        """.formatted(PACKAGE, type, baseName, className, baseName, className, className, className, className,
        className);
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

  /** What a scaler's entry point starts: a ScaledObject or a ScaledJob. */
  enum ScaledKind {
    OBJECT("ScaledObject", "ScaledObjects"), JOB("ScaledJob", "ScaledJobs");

    final String kind;
    final String facade;

    ScaledKind(String kind, String facade) {
      this.kind = kind;
      this.facade = facade;
    }
  }

  /**
   * A scaler's entry point on ScaledObjects or ScaledJobs: a static method and the class it returns, the scaler's
   * settings plus what ends the chain ({@code scaling(...)}, {@code running(...)}) and the overlay's chain words.
   */
  private static String entry(String type, Map<String, Param> params, Settings settings, JsonNode chain,
      ScaledKind kind) {
    String nested = className(type).substring(0, className(type).length() - "Trigger".length());
    StringBuilder words = new StringBuilder();
    chain.properties().forEach(word -> words.append(chainWord(type, params, settings, nested, word.getKey(),
        word.getValue())));
    String end = kind == ScaledKind.OBJECT ? """

              /** The ScaledObject scaling the Deployment of this name (apps/v1, KEDA's default kind), on this trigger. */
              public ScaledObjectDefinition scaling(String deployment) {
                return ScaledObjectDefinition.EMPTY.target(deployment).trigger(this);
              }

              /** The ScaledObject scaling any scalable workload, e.g. {@code ("apps/v1", "StatefulSet", "db")}. */
              public ScaledObjectDefinition scaling(String apiVersion, String kind, String workload) {
                return ScaledObjectDefinition.EMPTY.target(apiVersion, kind, workload).trigger(this);
              }
            """ : """

              /**
               * The ScaledJob running {@code job} (fabric8's own JobSpec) on this trigger, validated as
               * {@link ScaledJobs#running} validates it.
               *
               * @throws dev.autoscaling.validation.ValidationException listing every violation
               */
              public dev.autoscaling.keda.api.v1alpha1.ScaledJob running(String name, String namespace,
                  io.fabric8.kubernetes.api.model.batch.v1.JobSpec job) {
                return ScaledJobs.running(name, namespace, job, this);
              }
            """;
    return """

          /** A %s on KEDA's {@code %s} scaler: its settings, then {@code %s(...)}. */
          public static %s %s() {
            return new %s();
          }

          /** KEDA's {@code %s} scaler starting a %s: the settings of {@link %s}, then {@code %s(...)}. */
          public static final class %s extends %s<%s> {

            %s() {
            }

            private %s(Draft draft) {
              super(draft);
            }

            @Override
            protected %s copy(Draft draft) {
              return new %s(draft);
            }
        %s%s  }
        """.formatted(kind.kind, type, kind == ScaledKind.OBJECT ? "scaling" : "running", nested, entryPoint(type),
        nested, type, kind.kind, PACKAGE + "." + baseName(type), kind == ScaledKind.OBJECT ? "scaling" : "running",
        nested, PACKAGE + "." + baseName(type), nested, nested, nested, nested, nested, indent(words.toString()),
        indent(end));
  }

  /** A chain word of the overlay: one value set into one or more keys ({@code $} marks where the value goes). */
  private static String chainWord(String type, Map<String, Param> params, Settings settings, String nested,
      String word, JsonNode fact) {
    List<String> sets = new ArrayList<>();
    String javaType = null;
    for (var key : fact.path("sets").properties()) {
      Param param = existing(type, params, key.getKey());
      if (key.getValue().asText().equals("$")) {
        javaType = switch (param.kind) {
          case "integer" -> "long";
          case "number" -> "double";
          case "boolean" -> "boolean";
          default -> "String";
        };
        String text = switch (param.kind) {
          case "number" -> "decimal(value)";
          case "integer", "boolean" -> "String.valueOf(value)";
          default -> "value";
        };
        sets.add("set(" + str(param.name) + ", " + text + ")");
      } else {
        sets.add("set(" + str(param.name) + ", " + str(key.getValue().asText()) + ")");
      }
    }
    if (javaType == null) {
      throw new IllegalStateException("overlay: chain word " + type + "." + word + " sets no $ value");
    }
    boolean overrides = settings.signatures().contains(method(word) + "(" + javaType + ")");
    return """

          /** %s. */%s
          public %s %s(%s value) {
            return %s;
          }
        """.formatted(escapeDoc(fact.path("doc").asText(word)), overrides ? "\n  @Override" : "", nested, method(word),
        javaType, String.join("\n        .", sets));
  }

  private static String indent(String code) {
    return code.replace("\n  ", "\n    ");
  }

  /** The ScaledObjects/ScaledJobs class holding every scaler's entry point, extended by the hand-written facade. */
  private static String facade(ScaledKind kind, StringBuilder entries) {
    return """
        package dev.autoscaling.keda;

        /**
         * Generated from KEDA's scaler catalogue: one entry point per scaler, each starting a %s from its trigger,
         * as the YAML reads: {@code %s.rabbitmq().queue("orders").queueLength(10)%s}. Use them through
         * {@link %s}, which extends this class.
         */
        public abstract class %sScalers {

          %sScalers() {
          }
        %s}
        """.formatted(kind.kind, kind.facade, kind == ScaledKind.OBJECT ? ".scaling(\"virtual-worker\")"
            : ".running(\"orders-job\", \"pets\", job)", kind.facade, kind.kind, kind.kind, entries);
  }

  /** The entry point's name: the scaler type in lower camel case ({@code azure-servicebus} -> azureServicebus). */
  private static String entryPoint(String type) {
    String name = className(type);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1, name.length() - "Trigger".length());
  }

  private static String baseName(String type) {
    String name = className(type);
    return name.substring(0, name.length() - "Trigger".length()) + "Scaler";
  }

  private static String className(String type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name + "Trigger";
  }

  /** The Java method for a key: lower camel case (KEDA has a few capitalised keys), never a keyword. */
  private static String method(String name) {
    String camel = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    return KEYWORDS.contains(camel) ? camel + "Parameter" : camel;
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
