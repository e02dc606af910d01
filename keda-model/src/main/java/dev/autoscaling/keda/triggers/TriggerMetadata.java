package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Excerpt;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.validation.schema.DidYouMean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a trigger's free-form metadata against KEDA's scaler catalogue: unknown keys (with the key probably
 * meant), values outside a parameter's allowed set, parameters only a TriggerAuthentication may give, missing
 * required ones, and credentials written in plain metadata. KEDA itself ignores unknown keys without a word.
 * Values are never repeated in messages: they may be secrets.
 */
public final class TriggerMetadata {

  private static final Set<String> SECRET_KEYS = Set.of("password", "connection", "connectionstring",
      "clientsecret", "token", "apikey", "accesskey", "secretkey", "awssecretaccesskey", "sastoken");
  private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]+:[^/@\\s]+@");
  /** Each scaler's parameters by name, built once: every trigger of every object is checked against them. */
  private static final Map<String, Map<String, ScalerParameter>> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, List<ScalerParameter>> REQUIRED = new java.util.concurrent.ConcurrentHashMap<>();

  private TriggerMetadata() {
  }

  /** Every problem of one trigger's metadata; {@code path} names the metadata map ({@code spec.triggers[0].metadata}). */
  public static List<Violation> check(String type, Map<String, String> metadata, String path) {
    List<Violation> out = new ArrayList<>();
    credentials(metadata, path, out);
    List<ScalerParameter> parameters = ScalerCatalogue.scalers().get(type);
    if (parameters == null) {
      String suggestion = DidYouMean.suggest(type, ScalerCatalogue.scalers().keySet());
      out.add(Violation.error(path.replaceFirst("\\.metadata$", ".type"), "KEDA scalers", "'" + Excerpt.of(type)
          + "' is not a KEDA scaler" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
      return out;
    }
    Map<String, ScalerParameter> byName = BY_NAME.computeIfAbsent(type, t -> {
      Map<String, ScalerParameter> map = new java.util.LinkedHashMap<>();
      parameters.forEach(p -> map.put(p.name(), p));
      return java.util.Collections.unmodifiableMap(map);
    });
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      boolean fromEnv = key.endsWith("FromEnv") && key.length() > "FromEnv".length();
      String name = fromEnv ? key.substring(0, key.length() - "FromEnv".length()) : key;
      ScalerParameter parameter = byName.get(name);
      if (parameter == null) {
        parameter = byPattern(parameters, name);
      }
      if (parameter == null) {
        String suggestion = DidYouMean.suggest(key, byName.keySet());
        out.add(Violation.error(at(path, key), "KEDA scalers", Excerpt.of(key) + " is not a parameter of the " + type
            + " scaler (KEDA would ignore it)" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
        continue;
      }
      if (fromEnv && !parameter.env()) {
        out.add(Violation.error(at(path, key), "KEDA scalers", "the " + type + " scaler does not read " + name
            + " from the environment: write it in metadata" + (parameter.authentication()
                ? " or give it through a TriggerAuthentication" : "")));
      } else if (!fromEnv && !parameter.metadata()) {
        out.add(Violation.error(at(path, key), "KEDA scalers", name + " is read only from "
            + (parameter.authentication() ? "a TriggerAuthentication" : "") + (parameter.authentication()
                && parameter.env() ? " or " : "") + (parameter.env() ? "the environment (" + name + "FromEnv)" : "")
            + ", never from plain metadata"));
      }
      String kindProblem = fromEnv ? null : kindProblem(parameter, entry.getValue());
      if (kindProblem != null) {
        out.add(Violation.error(at(path, key), "KEDA scalers", kindProblem));
      }
      if (!fromEnv && !parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(entry.getValue())) {
        out.add(Violation.error(at(path, key), "KEDA scalers", "not a value " + name + " takes: use one of "
            + String.join(", ", parameter.allowedValues())));
      }
    }
    for (ScalerParameter parameter : REQUIRED.computeIfAbsent(type,
        t -> parameters.stream().filter(ScalerParameter::requiredInMetadata).toList())) {
      if (!metadata.containsKey(parameter.name())) {
        out.add(Violation.error(path + "[" + parameter.name() + "]", "KEDA scalers", "Required value: the " + type
            + " scaler needs " + parameter.name()));
      }
    }
    return out;
  }

  /** The place of a metadata key; a key is the user's, as long as they made it. */
  private static String at(String path, String key) {
    return path + "[" + Excerpt.of(key) + "]";
  }

  private static String kindProblem(ScalerParameter parameter, String value) {
    String text = value == null ? "" : value.trim();
    return switch (parameter.kind()) {
      case "integer" -> isInteger(text) ? null
          : "not a whole number: " + parameter.name() + " takes an integer such as \"10\"";
      case "number" -> isDecimal(text) ? null
          : "not a number: " + parameter.name() + " takes a decimal number such as \"10\" or \"0.5\"";
      case "boolean" -> text.equals("true") || text.equals("false") ? null
          : "not a boolean: " + parameter.name() + " takes \"true\" or \"false\"";
      default -> null;
    };
  }

  /** {@code -?[0-9]+}: written out, since it runs for every numeric parameter of every trigger. */
  private static boolean isInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    return text.length() > start && digits(text, start, text.length()) == text.length();
  }

  /** {@code -?([0-9]+(\.[0-9]*)?|\.[0-9]+)}, written out for the same reason. */
  private static boolean isDecimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int end = digits(text, start, text.length());
    if (end == text.length()) {
      return end > start;
    }
    if (text.charAt(end) != '.') {
      return false;
    }
    int fraction = digits(text, end + 1, text.length());
    return fraction == text.length() && (end > start || fraction > end + 1);
  }

  /** The index of the first non-digit at or after {@code from}. */
  private static int digits(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static ScalerParameter byPattern(List<ScalerParameter> parameters, String name) {
    for (ScalerParameter parameter : parameters) {
      if (parameter.name().endsWith(".*") && name.startsWith(parameter.name().substring(0, parameter.name().length() - 1))) {
        return parameter;
      }
    }
    return null;
  }

  /** Credentials in plain metadata: a secret-named key, or a URL with user:password in it. */
  static void credentials(Map<String, String> metadata, String path, List<Violation> out) {
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue();
      boolean secretKey = SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
      // the search only where a URL with a user part can be: most values are names and numbers
      boolean credentialsInUrl = value.indexOf('@') > 0 && value.contains("://")
          && CREDENTIALS_IN_URL.matcher(value).find();
      if (secretKey || credentialsInUrl) {
        out.add(Violation.error(at(path, key), "secrets in metadata", (credentialsInUrl
            ? "the value carries credentials (user:password@ in a URL)" : key + " is a secret")
            + ": put it in a Secret and reference it from a TriggerAuthentication (secretTargetRef), never in"
            + " trigger metadata"));
      }
    }
  }
}
