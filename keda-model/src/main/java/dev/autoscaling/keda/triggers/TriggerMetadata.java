package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.DidYouMean;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a trigger's free-form metadata as KEDA v2.20.2 reads it (its scaler catalogue and the SDK's overlay of
 * what KEDA reads beyond it). Errors are what makes KEDA fail to build the scaler: a required key missing, a value
 * it cannot parse (a number, a boolean, a duration, a closed set), a removed key, keys it refuses together, a
 * metricType the scaler or the HPA refuses, a scaler's own check ({@link ScalerChecks}); and credentials written
 * in plain metadata (the SDK's rule). Warnings are what KEDA accepts and ignores: an unknown key (with the key
 * probably meant), a key read only from a TriggerAuthentication or only from the environment, a second spelling of
 * a key already given, a deprecated key. Values are never repeated in messages: they may be secrets.
 */
public final class TriggerMetadata {

  private static final String RULE = "KEDA scalers";
  private static final String FROM_ENV = "FromEnv";
  private static final Set<String> SECRET_KEYS = Set.of("password", "connection", "connectionstring",
      "clientsecret", "token", "apikey", "accesskey", "secretkey", "awssecretaccesskey", "sastoken");
  private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]+:[^/@\\s]+@");
  private static final Set<String> GO_BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F",
      "FALSE", "false", "False");
  private static final Pattern GO_DURATION = Pattern.compile(
      "[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");
  private static final Pattern QUANTITY = Pattern.compile(
      "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");
  /** The longest number without an exponent that is certainly finite as a double (Double.MAX_VALUE is 1.8e308). */
  private static final int MAX_PLAIN_FINITE = 300;
  /** Each scaler's parameters by metadata key, built once: every trigger of every object is checked against them. */
  private static final Map<String, Keys> KEYS = new ConcurrentHashMap<>();

  /** The secret key names by length, to look up without lower-casing every key of every trigger. */
  private static final String[] SECRET_KEY_ARRAY = SECRET_KEYS.toArray(String[]::new);

  /**
   * One scaler's parameters, looked up by name and grouped by the value they give; built once per scaler, with what
   * each check would otherwise work out again for every trigger (the keys a required group may be given under, the
   * groups of spellings).
   */
  private record Keys(Map<String, ScalerParameter> byName, List<ScalerParameter> patterns,
      List<List<ScalerParameter>> requiredGroups, List<List<String>> requiredKeys,
      List<List<ScalerParameter>> spellingGroups, Set<String> metadataKeys) {
  }

  private TriggerMetadata() {
  }

  /**
   * Every problem of one trigger's metadata, for a trigger without {@code metricType}; {@code path} names the
   * metadata map ({@code spec.triggers[0].metadata}).
   */
  public static List<Violation> check(String type, Map<String, String> metadata, String path) {
    return check(type, null, metadata, path);
  }

  /**
   * Every problem of one trigger's metadata and its {@code metricType} (null when the trigger does not set it);
   * {@code path} names the metadata map ({@code spec.triggers[0].metadata}).
   */
  public static List<Violation> check(String type, @Nullable String metricType, Map<String, String> metadata, String path) {
    return check(type, metricType, metadata, TriggerAuth.UNKNOWN, path);
  }

  /**
   * Every problem of one trigger's metadata and its {@code metricType} (null when the trigger does not set it), with
   * what the trigger's authentication may give ({@link TriggerAuth#NONE} for a trigger without authenticationRef):
   * the scaler's own checks ({@link ScalerChecks}) report a credential missing only when no authentication can give
   * it. {@code path} names the metadata map ({@code spec.triggers[0].metadata}).
   */
  public static List<Violation> check(String type, @Nullable String metricType, Map<String, String> metadata, TriggerAuth auth,
      String path) {
    List<Violation> out = new ArrayList<>();
    List<ScalerParameter> parameters = ScalerCatalogue.scalers().get(type);
    ScalerRules rules = ScalerCatalogue.rules(type);
    credentials(metadata, path, rules != null && rules.anyKey(), out);
    if (parameters == null) {
      String suggestion = DidYouMean.suggest(type, ScalerCatalogue.scalers().keySet());
      out.add(Violation.error(sibling(path, "type"), RULE, "'" + Excerpt.of(type)
          + "' is not a KEDA scaler" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
      return out;
    }
    Keys keys = KEYS.computeIfAbsent(type, t -> keys(parameters));
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      key(type, keys, rules, entry.getKey(), entry.getValue(), metricType, metadata, path, out);
    }
    for (List<String> group : keys.requiredKeys()) {
      required(type, group, metadata, path, out);
    }
    for (List<ScalerParameter> group : keys.spellingGroups()) {
      spellings(group, metadata, path, out);
    }
    conflicts(type, rules, metricType, metadata, path, out);
    metricType(type, rules, metricType, path, out);
    ScalerChecks.check(type, metadata, auth, path, out);
    return out;
  }

  /**
   * The metadata keys KEDA reads for a scaler: every spelling it reads from metadata, {@code <name>FromEnv} for
   * what it reads from the environment, and {@code prefix.*} for key families. Empty for a type KEDA does not know.
   */
  public static Set<String> metadataKeys(String type) {
    List<ScalerParameter> parameters = ScalerCatalogue.scalers().get(type);
    return parameters == null ? Set.of() : KEYS.computeIfAbsent(type, t -> keys(parameters)).metadataKeys();
  }

  private static Keys keys(List<ScalerParameter> parameters) {
    Map<String, ScalerParameter> byName = new LinkedHashMap<>();
    List<ScalerParameter> patterns = new ArrayList<>();
    Set<String> metadataKeys = new LinkedHashSet<>();
    Map<String, List<ScalerParameter>> groups = new LinkedHashMap<>();
    for (ScalerParameter p : parameters) {
      byName.put(p.name(), p);
      if (p.name().endsWith(".*")) {
        patterns.add(p);
      }
      if (p.metadata()) {
        metadataKeys.add(p.name());
      }
      if (p.env()) {
        metadataKeys.add(p.name() + FROM_ENV);
      }
      groups.computeIfAbsent(p.spellings().get(0), s -> new ArrayList<>()).add(p);
    }
    List<List<ScalerParameter>> required = new ArrayList<>();
    for (List<ScalerParameter> group : groups.values()) {
      // required when no spelling can be left out or come from a TriggerAuthentication
      if (group.stream().allMatch(ScalerParameter::requiredInMetadata)) {
        required.add(List.copyOf(group));
      }
    }
    List<List<String>> requiredKeys = new ArrayList<>();
    for (List<ScalerParameter> group : required) {
      requiredKeys.add(requiredKeys(group));
    }
    return new Keys(Collections.unmodifiableMap(byName), List.copyOf(patterns), List.copyOf(required),
        List.copyOf(requiredKeys), spellingGroups(byName), Collections.unmodifiableSet(metadataKeys));
  }

  private static List<List<ScalerParameter>> spellingGroups(Map<String, ScalerParameter> byName) {
    Map<String, List<ScalerParameter>> groups = new LinkedHashMap<>();
    for (ScalerParameter p : byName.values()) {
      if (p.spellings().size() > 1) {
        groups.computeIfAbsent(p.spellings().get(0), s -> new ArrayList<>()).add(p);
      }
    }
    List<List<ScalerParameter>> frozen = new ArrayList<>();
    groups.values().forEach(group -> frozen.add(List.copyOf(group)));
    return List.copyOf(frozen);
  }

  /** The keys a required group may be given under: its metadata spellings, then {@code <name>FromEnv}. */
  private static List<String> requiredKeys(List<ScalerParameter> group) {
    List<String> keys = new ArrayList<>();
    for (ScalerParameter p : group) {
      if (p.metadata()) {
        keys.add(p.name());
      }
    }
    for (ScalerParameter p : group) {
      if (p.env()) {
        keys.add(p.name() + FROM_ENV);
      }
    }
    return List.copyOf(keys);
  }

  private static void key(String type, Keys keys, ScalerRules rules, String key, String value, String metricType,
      Map<String, String> metadata, String path, List<Violation> out) {
    ScalerParameter parameter = keys.byName().get(key);
    boolean fromEnv = false;
    if (parameter == null && key.endsWith(FROM_ENV) && key.length() > FROM_ENV.length()) {
      parameter = keys.byName().get(key.substring(0, key.length() - FROM_ENV.length()));
      fromEnv = parameter != null;
    }
    if (parameter == null) {
      parameter = byPattern(keys.patterns(), key);
    }
    if (parameter == null) {
      if (!rules.anyKey()) {
        String at = at(path, key);
        String suggestion = DidYouMean.suggest(key, keys.metadataKeys());
        out.add(Violation.warning(at, RULE, Excerpt.of(key) + " is not a parameter of the " + type + " scaler (KEDA would ignore"
            + " it)" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
      }
      return;
    }
    String name = parameter.name();
    if (fromEnv && !parameter.env()) {
      out.add(Violation.warning(at(path, key), RULE, "the " + type + " scaler does not read " + name + " from the environment,"
          + " so KEDA ignores " + key + ": " + (parameter.metadata() ? "write " + name + " in metadata" : "")
          + (parameter.metadata() && parameter.authentication() ? " or " : "")
          + (parameter.authentication() ? "give it through a TriggerAuthentication" : "")));
      return;
    }
    if (!fromEnv && !parameter.metadata()) {
      String differentCase = keys.metadataKeys().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst()
          .orElse(null);
      out.add(Violation.warning(at(path, key), RULE, name + " is read only from "
          + (parameter.authentication() ? "a TriggerAuthentication" : "") + (parameter.authentication()
              && parameter.env() ? " or " : "") + (parameter.env() ? "the environment (" + name + "FromEnv)" : "")
          + ", never from plain metadata: KEDA ignores it here"
          + (differentCase == null ? "" : "; did you mean " + differentCase + "?")));
      return;
    }
    if (fromEnv) {
      announced(type, parameter, key, path, out);
      return;
    }
    if (parameter.removed()) {
      out.add(Violation.error(at(path, key), RULE, name + " was removed from the " + type + " scaler: KEDA fails to build the"
          + " scaler while it is set; " + parameter.deprecated()));
      return;
    }
    announced(type, parameter, key, path, out);
    String text = value == null ? "" : value.trim();
    // KEDA takes a blank value as not given, and reads only the first spelling that is given
    if (text.isEmpty() || !key.equals(firstGiven(parameter, keys, metadata))) {
      return;
    }
    String problem = "resource-target".equals(parameter.kind()) ? resourceTargetProblem(parameter, text, metricType)
        : kindProblem(parameter, text);
    if (problem != null) {
      out.add(Violation.error(at(path, key), RULE, problem));
    }
    if (!parameter.allowedValues().isEmpty()) {
      allowed(parameter, text, path, key, out);
    }
  }

  /** Where a finding about a metadata key is reported; made only when there is one to report. */
  private static String at(String path, String key) {
    return path + "[" + Excerpt.of(key) + "]";
  }

  private static void announced(String type, ScalerParameter parameter, String key, String path,
      List<Violation> out) {
    if (parameter.deprecated() != null && !parameter.removed()) {
      out.add(Violation.warning(at(path, key), RULE, "KEDA reports a deprecation when " + key + " is set in the " + type
          + " scaler: " + parameter.deprecated()));
    }
  }

  /** The spelling of a parameter whose value KEDA reads from metadata: the first one given (not blank). */
  private static String firstGiven(ScalerParameter parameter, Keys keys, Map<String, String> metadata) {
    if (parameter.spellings().size() == 1) {
      return parameter.name(); // the loop below would find it or fall through to it
    }
    for (String spelling : parameter.spellings()) {
      ScalerParameter p = keys.byName().get(spelling);
      String value = metadata.get(spelling);
      if (p != null && p.metadata() && value != null && !value.isBlank()) {
        return spelling;
      }
    }
    return parameter.name();
  }

  private static void allowed(ScalerParameter parameter, String text, String path, String key,
      List<Violation> out) {
    List<String> values = parameter.separator() == null ? List.of(text)
        : List.of(text.split(Pattern.quote(parameter.separator()), -1));
    int exclusive = 0;
    for (String value : values) {
      String v = value.trim();
      boolean known = parameter.ignoreCase()
          ? parameter.allowedValues().stream().anyMatch(a -> a.equalsIgnoreCase(v))
          : parameter.allowedValues().contains(v);
      if (!known) {
        out.add(Violation.error(at(path, key), RULE, "not a value " + parameter.name() + " takes: use "
            + (parameter.separator() == null ? "one" : "any") + " of " + String.join(", ", parameter.allowedValues())
            + (parameter.separator() == null ? "" : ", separated by '" + parameter.separator() + "'")));
        return;
      }
      if (parameter.exclusiveValues().contains(v)) {
        exclusive++;
      }
    }
    if (exclusive > 1) {
      out.add(Violation.error(at(path, key), RULE, parameter.name() + " may name only one of "
          + String.join(", ", parameter.exclusiveValues())));
    }
  }

  private static void required(String type, List<String> keys, Map<String, String> metadata, String path,
      List<Violation> out) {
    for (String key : keys) {
      String value = metadata.get(key);
      if (value != null && !value.isBlank()) {
        return;
      }
    }
    out.add(Violation.error(path + "[" + keys.get(0) + "]", RULE, "Required value: the " + type + " scaler needs "
        + keys.get(0) + (keys.size() == 1 ? "" : " (or " + String.join(", or ", keys.subList(1, keys.size())) + ")")));
  }

  /** Two spellings of one value: KEDA reads the first given and ignores the others. */
  private static void spellings(List<ScalerParameter> group, Map<String, String> metadata, String path,
      List<Violation> out) {
    List<String> given = new ArrayList<>();
    for (String spelling : group.get(0).spellings()) {
      String value = metadata.get(spelling);
      ScalerParameter p = null;
      for (ScalerParameter g : group) {
        if (g.name().equals(spelling)) {
          p = g;
          break;
        }
      }
      if (p != null && p.metadata() && value != null && !value.isBlank()) {
        given.add(spelling);
      }
    }
    for (String ignored : given.subList(Math.min(1, given.size()), given.size())) {
      out.add(Violation.warning(path + "[" + ignored + "]", RULE, given.get(0) + " and " + ignored + " are two"
          + " spellings of one parameter: KEDA reads " + given.get(0) + " and ignores " + ignored));
    }
  }

  private static void conflicts(String type, ScalerRules rules, String metricType, Map<String, String> metadata,
      String path, List<Violation> out) {
    for (List<String> pair : rules.conflicts()) {
      if (given(pair.get(0), metricType, metadata) && given(pair.get(1), metricType, metadata)) {
        String second = pair.get(1);
        out.add(Violation.error(second.startsWith(".") ? sibling(path, second.substring(1)) : path + "[" + second + "]",
            RULE, describe(pair.get(0)) + " and " + describe(second) + " cannot be used together: KEDA refuses the "
                + type + " trigger with both"));
      }
    }
  }

  private static boolean given(String key, String metricType, Map<String, String> metadata) {
    String value = key.startsWith(".") ? metricType : metadata.get(key);
    return value != null && !value.isBlank();
  }

  private static String describe(String key) {
    return key.startsWith(".") ? "the trigger's " + key.substring(1) : key;
  }

  private static void metricType(String type, ScalerRules rules, String metricType, String path,
      List<Violation> out) {
    boolean set = metricType != null && !metricType.isEmpty();
    if (rules.metricTypeIgnored() != null) {
      if (set && !metricType.equals(rules.metricTypeIgnored())) {
        out.add(Violation.warning(sibling(path, "metricType"), RULE, "the " + type + " scaler ignores metricType: KEDA always uses "
            + rules.metricTypeIgnored()));
      }
      return;
    }
    // most triggers are fine here: the message parts are made only for a finding
    if (set ? rules.metricTypes().contains(metricType) : !rules.metricTypeRequired()) {
      return;
    }
    String at = sibling(path, "metricType");
    String allowed = String.join(" or ", rules.metricTypes());
    if (!set) {
      out.add(Violation.error(at, RULE, "Required value: a " + type + " trigger needs metricType " + allowed
          + " (KEDA reads no metadata.type any more)"));
      return;
    }
    if (metricType.equals("Utilization")) {
      out.add(Violation.error(at, RULE, "metricType Utilization is only for cpu and memory triggers: the " + type
          + " scaler refuses it; use " + allowed));
    } else if (metricType.equals("Value") || metricType.equals("AverageValue")) {
      out.add(Violation.error(at, RULE, "metricType " + metricType + " is not supported by the " + type
          + " scaler: use " + allowed));
    } else {
      String suggestion = DidYouMean.suggest(metricType, rules.metricTypes());
      out.add(Violation.error(at, RULE, "not a metric type the HPA takes: use " + allowed
          + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
    }
  }

  private static String kindProblem(ScalerParameter parameter, String text) {
    String name = parameter.name();
    return switch (parameter.kind()) {
      case "integer" -> isJsonInteger(text) ? null
          : "not a whole number: " + name + " takes an integer such as \"10\"";
      case "number" -> isJsonNumber(text) ? null
          : "not a number: " + name + " takes a decimal number such as \"10\" or \"0.5\"";
      case "boolean" -> GO_BOOLEANS.contains(text) ? null
          : "not a boolean: " + name + " takes \"true\" or \"false\"";
      case "duration" -> isDuration(text) ? null
          : "not a duration: " + name + " takes a duration such as \"30s\" or \"1m30s\", or whole milliseconds"
              + " such as \"1500\"";
      case "map" -> isPairs(text) ? null
          : "not key=value pairs: " + name + " takes pairs separated by commas, such as \"a=1,b=2\"";
      case "integer-list" -> isIntegerList(text) ? null
          : "not whole numbers: " + name + " takes numbers and ranges separated by commas, such as \"0,2-4\"";
      default -> null;
    };
  }

  /** cpu and memory: a whole percentage for Utilization, a quantity for AverageValue (metricType is checked apart). */
  private static String resourceTargetProblem(ScalerParameter parameter, String text, String metricType) {
    if ("Utilization".equals(metricType)) {
      return isInt32(text) ? null : "not a whole percentage: with metricType Utilization, " + parameter.name()
          + " takes an integer such as \"60\"";
    }
    if ("AverageValue".equals(metricType)) {
      return QUANTITY.matcher(text).matches() ? null : "not a quantity: with metricType AverageValue, "
          + parameter.name() + " takes a Kubernetes quantity such as \"500m\" or \"1Gi\"";
    }
    return null;
  }

  /** What Go's encoding/json decodes into an integer field: {@code -?(0|[1-9][0-9]*)}, within 64 bits. */
  private static boolean isJsonInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int end = digits(text, start);
    if (end != text.length() || end == start || (text.charAt(start) == '0' && end - start > 1)) {
      return false;
    }
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A JSON number, as Go's encoding/json decodes into a float field: {@code -?int(.digits)?([eE][+-]?digits)?}. */
  private static boolean isJsonNumber(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int end = digits(text, i);
    if (end == i || (text.charAt(i) == '0' && end - i > 1)) {
      return false;
    }
    i = end;
    if (i < text.length() && text.charAt(i) == '.') {
      end = digits(text, i + 1);
      if (end == i + 1) {
        return false;
      }
      i = end;
    }
    boolean exponent = i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E');
    if (exponent) {
      i++;
      if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      end = digits(text, i);
      if (end == i) {
        return false;
      }
      i = end;
    }
    // without an exponent, fewer than 309 digits before the point cannot overflow a double: no need to parse it
    return i == text.length() && (!exponent && text.length() <= MAX_PLAIN_FINITE
        || Double.isFinite(Double.parseDouble(text)));
  }

  /** Go's strconv.ParseInt(text, 10, 32): an optional sign, then digits, within 32 bits. */
  private static boolean isInt32(String text) {
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    if (digits(text, start) != text.length() || text.length() == start) {
      return false;
    }
    try {
      Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A Go duration ({@code 30s}, {@code 1m30s}, {@code 0}) that is not negative, or whole milliseconds. */
  private static boolean isDuration(String text) {
    if (GO_DURATION.matcher(text).matches()) {
      return !text.startsWith("-") || text.replaceAll("[^1-9]", "").isEmpty();
    }
    // milliseconds as Go's strconv.ParseInt reads them, and not below zero
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    return digits(text, start) == text.length() && text.length() > start
        && (!text.startsWith("-") || text.substring(1).chars().allMatch(c -> c == '0'));
  }

  private static boolean isPairs(String text) {
    for (String pair : text.split(",", -1)) {
      if (pair.trim().split("=", -1).length != 2) {
        return false;
      }
    }
    return true;
  }

  /** Whole numbers and {@code a-b} ranges, separated by commas (a minus sign reads as a range). */
  private static boolean isIntegerList(String text) {
    for (String element : text.split(",", -1)) {
      String e = element.trim();
      String[] range = e.contains("-") ? e.split("-", -1) : new String[] {e};
      if (range.length > 2) {
        return false;
      }
      for (String end : range) {
        if (!isJsonInteger(end)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The index of the first non-digit at or after {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static ScalerParameter byPattern(List<ScalerParameter> patterns, String key) {
    for (ScalerParameter parameter : patterns) {
      if (key.startsWith(parameter.name().substring(0, parameter.name().length() - 1))) {
        return parameter;
      }
    }
    return null;
  }

  /** The path of a field beside the metadata map: {@code spec.triggers[0].metadata} -> {@code spec.triggers[0].x}. */
  private static String sibling(String metadataPath, String field) {
    int dot = metadataPath.lastIndexOf('.');
    return metadataPath.endsWith("metadata") ? metadataPath.substring(0, dot + 1) + field : metadataPath + "." + field;
  }

  /**
   * Whether the key, lower-cased, is one of {@link #SECRET_KEYS}. Most keys are plain ASCII, where ignoring case is
   * the same as lower-casing and needs no new string; any other key is lower-cased as the rule says (a dotless or
   * dotted i compares differently the two ways).
   */
  private static boolean isSecretKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) >= 0x80) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
      }
    }
    for (String secret : SECRET_KEY_ARRAY) {
      if (secret.length() == key.length() && secret.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Credentials in plain metadata: a secret-named key, or a URL with user:password in it. An error for the scalers
   * KEDA knows (the SDK's rule: secrets come from a TriggerAuthentication); a warning for the keys KEDA hands on
   * unread to an external scaler, whose meaning only that scaler knows.
   */
  static void credentials(Map<String, String> metadata, String path, boolean handedOn, List<Violation> out) {
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue();
      boolean secretKey = isSecretKey(key);
      // the search only where a URL with a user part can be: most values are names and numbers
      boolean credentialsInUrl = value.indexOf('@') > 0 && value.contains("://")
          && CREDENTIALS_IN_URL.matcher(value).find();
      if (secretKey || credentialsInUrl) {
        String message = (credentialsInUrl ? "the value carries credentials (user:password@ in a URL)"
            : Excerpt.of(key) + " is a secret") + ": put it in a Secret and reference it from a TriggerAuthentication"
            + " (secretTargetRef), never in trigger metadata";
        out.add(handedOn ? Violation.warning(path + "[" + Excerpt.of(key) + "]", "secrets in metadata", message)
            : Violation.error(path + "[" + Excerpt.of(key) + "]", "secrets in metadata", message));
      }
    }
  }
}
