package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a YAML scalar means once kubectl has read it: go-yaml v2's resolution (YAML 1.1: {@code yes}/{@code on}
 * booleans, {@code 0x10} and {@code 017} integers, underscores in numbers, timestamps kept as text), then
 * sigs.k8s.io/yaml's conversion to JSON (map keys to strings, integral floats written as integers, which the API
 * server then reads as integers; NaN and infinities refused, as JSON has none).
 */
final class YamlScalars {

  static final String TAG = "tag:yaml.org,2002:";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final Object NULL = new Object();
  private static final Map<String, Object> WORDS = Map.ofEntries(
      Map.entry("y", true), Map.entry("Y", true), Map.entry("yes", true), Map.entry("Yes", true),
      Map.entry("YES", true), Map.entry("true", true), Map.entry("True", true), Map.entry("TRUE", true),
      Map.entry("on", true), Map.entry("On", true), Map.entry("ON", true),
      Map.entry("n", false), Map.entry("N", false), Map.entry("no", false), Map.entry("No", false),
      Map.entry("NO", false), Map.entry("false", false), Map.entry("False", false), Map.entry("FALSE", false),
      Map.entry("off", false), Map.entry("Off", false), Map.entry("OFF", false),
      Map.entry("~", NULL), Map.entry("null", NULL), Map.entry("Null", NULL), Map.entry("NULL", NULL),
      Map.entry(".nan", Double.NaN), Map.entry(".NaN", Double.NaN), Map.entry(".NAN", Double.NaN),
      Map.entry(".inf", Double.POSITIVE_INFINITY), Map.entry(".Inf", Double.POSITIVE_INFINITY),
      Map.entry(".INF", Double.POSITIVE_INFINITY), Map.entry("+.inf", Double.POSITIVE_INFINITY),
      Map.entry("+.Inf", Double.POSITIVE_INFINITY), Map.entry("+.INF", Double.POSITIVE_INFINITY),
      Map.entry("-.inf", Double.NEGATIVE_INFINITY), Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
      Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  private YamlScalars() {
  }

  /** Thrown for a scalar that kubectl cannot turn into JSON; the message never quotes the scalar. */
  static final class Unconvertible extends Exception {
    Unconvertible(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The value of a scalar: a plain one is resolved, a quoted or block one is text, an explicit tag decides.
   *
   * @param tag   the resolved tag, or null when there is none ({@code !} alone counts as none for quoted text)
   * @param plain whether it was written without quotes or block indicator
   */
  static Object value(String text, String tag, boolean plain) throws Unconvertible {
    if (tag == null || tag.equals("!")) {
      return plain && tag == null ? resolvePlain(text) : text;
    }
    if (!tag.startsWith(TAG)) {
      return text; // an application tag: go-yaml keeps the text
    }
    switch (tag.substring(TAG.length())) {
      case "str", "timestamp" -> {
        return text;
      }
      case "binary" -> {
        try {
          // go-yaml decodes it to bytes, and JSON writes bytes that are not UTF-8 as U+FFFD, as Java does here
          return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new Unconvertible("!!binary value contains invalid base64 data");
        }
      }
      case "null" -> {
        Object resolved = resolvePlain(text);
        if (resolved != NULL) {
          throw new Unconvertible("cannot decode a !!str as a !!null");
        }
        return NULL;
      }
      case "bool" -> {
        Object resolved = resolvePlain(text);
        if (!(resolved instanceof Boolean)) {
          throw new Unconvertible("cannot decode " + kind(resolved) + " as a !!bool");
        }
        return resolved;
      }
      case "int" -> {
        Object resolved = resolvePlain(text);
        if (!(resolved instanceof Long || resolved instanceof BigInteger)) {
          throw new Unconvertible("cannot decode " + kind(resolved) + " as a !!int");
        }
        return resolved;
      }
      case "float" -> {
        Object resolved = resolvePlain(text);
        if (resolved instanceof Long l) {
          return l.doubleValue();
        }
        if (resolved instanceof BigInteger b) {
          return b.doubleValue();
        }
        if (!(resolved instanceof Double)) {
          throw new Unconvertible("cannot decode " + kind(resolved) + " as a !!float");
        }
        return resolved;
      }
      default -> {
        return text; // !!map, !!seq, !!set on a scalar: go-yaml keeps the text
      }
    }
  }

  private static String kind(Object resolved) {
    if (resolved == NULL) {
      return "a !!null";
    }
    if (resolved instanceof Boolean) {
      return "a !!bool";
    }
    if (resolved instanceof Long || resolved instanceof BigInteger) {
      return "an !!int";
    }
    return resolved instanceof Double ? "a !!float" : "a !!str";
  }

  /** go-yaml v2's {@code resolve} for an untagged plain scalar: Boolean, Long, BigInteger (uint64), Double, NULL or String. */
  static Object resolvePlain(String in) {
    if (in.isEmpty()) {
      return NULL;
    }
    char hint = in.charAt(0);
    boolean digitOrSign = hint == '+' || hint == '-' || (hint >= '0' && hint <= '9');
    if (!digitOrSign && hint != '.' && "yYnNtTfFoO~".indexOf(hint) < 0) {
      return in;
    }
    Object word = WORDS.get(in);
    if (word != null) {
      return word;
    }
    if (hint == '.') {
      if (DOT_FLOAT.matcher(in).matches()) {
        double value = Double.parseDouble(in);
        if (!Double.isInfinite(value)) {
          return value;
        }
      }
      return in;
    }
    if (!digitOrSign) {
      return in;
    }
    // Timestamps (2001-12-14) stay text when read into JSON, and never parse as numbers: nothing to do for them.
    String plain = in.indexOf('_') < 0 ? in : in.replace("_", "");
    Object integer = parseGoInteger(plain);
    if (integer != null) {
      return integer;
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      double value = Double.parseDouble(plain);
      if (!Double.isInfinite(value)) {
        return value;
      }
    }
    return in;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint(s, 0, 64)}: base prefixes, a leading 0 is octal. */
  private static Object parseGoInteger(String s) {
    int i = 0;
    boolean negative = false;
    boolean signed = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      signed = true;
      i = 1;
    }
    int radix = 10;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char prefix = s.charAt(i + 1);
      if (prefix == 'x' || prefix == 'X') {
        radix = 16;
        i += 2;
      } else if (prefix == 'b' || prefix == 'B') {
        radix = 2;
        i += 2;
      } else if (prefix == 'o' || prefix == 'O') {
        radix = 8;
        i += 2;
      } else {
        radix = 8;
        i += 1;
      }
    }
    if (i == s.length()) {
      return null;
    }
    for (int j = i; j < s.length(); j++) {
      if (Character.digit(s.charAt(j), radix) < 0 || s.charAt(j) > 'z') {
        return null;
      }
    }
    String digits = s.substring(i);
    if (radix == 10 && digits.length() < 19) {
      long value = Long.parseLong(digits);
      return negative ? -value : value;
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    return !signed && value.compareTo(UINT64_MAX) <= 0 ? value : null;
  }

  /**
   * The JSON value of a resolved scalar, as the API server receives it from kubectl: integers as integers (past
   * int64, Go's JSON reader makes them floats), integral floats as integers, texts as texts.
   */
  static JsonNode toNode(Object value) throws Unconvertible {
    if (value == NULL) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b.doubleValue());
    }
    double d = (Double) value;
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new Unconvertible("json: unsupported value: " + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf")
          + " (JSON has no such number; quote it if text is meant)");
    }
    // Go writes a float64 without exponent below 1e21; the API server then reads a whole number as an int64
    if (d == Math.rint(d) && Math.abs(d) < 9.223372036854775807E18) {
      long l = (long) d;
      return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }
    return NODES.numberNode(d);
  }

  /** The JSON key sigs.k8s.io/yaml makes of a resolved scalar key. */
  static String toKey(Object value) throws Unconvertible {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Long l) {
      return l.toString();
    }
    if (value instanceof Double d) {
      return formatFloat32(d);
    }
    throw new Unconvertible(value == NULL ? "a null mapping key cannot be a JSON field name"
        : "a mapping key past the int64 range cannot be a JSON field name");
  }

  /** The key of a scalar that reached a mapping key through an alias (already converted to JSON). */
  static String toKey(JsonNode node) throws Unconvertible {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean() || node.isIntegralNumber()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return formatFloat32(node.doubleValue());
    }
    throw new Unconvertible(node.isNull() ? "a null mapping key cannot be a JSON field name"
        : "a mapping or sequence cannot be a JSON field name");
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, with go-yaml's names for the infinities and NaN. */
  static String formatFloat32(double value) {
    float f = (float) value;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
    if (exponent < -4 || exponent >= 6) { // Go's %g with the shortest digits: exponent form from 1e+06
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      out.append(abs < 10 ? "0" : "").append(abs);
    } else {
      out.append(exact.toPlainString());
    }
    return out.toString();
  }
}
