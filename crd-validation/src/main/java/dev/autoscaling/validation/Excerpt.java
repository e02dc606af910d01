package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * A value as a message may repeat it: whole when it is short, else its beginning and its length. Messages name
 * what is wrong and where; a user's value of any size (a 2 MB trigger type, a list nested thousands deep) must not
 * make them that size too.
 */
public final class Excerpt {

  /** The most characters of a value a message repeats: longer than any name Kubernetes allows (253). */
  public static final int MAX_CHARS = 256;
  private static final int MAX_DEPTH = 16;

  private Excerpt() {
  }

  /** The text, or its first {@value #MAX_CHARS} characters followed by how long it is. */
  public static String of(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    return text.substring(0, MAX_CHARS) + "... (" + text.length() + " characters)";
  }

  /**
   * The value as JSON, cut the same way: each string to {@value #MAX_CHARS} characters, objects and lists after
   * about as many characters in all, or {@value #MAX_DEPTH} levels down.
   */
  public static String of(JsonNode value) {
    StringBuilder out = new StringBuilder();
    append(value, out, 0);
    return out.length() <= 4 * MAX_CHARS ? out.toString() : out.substring(0, 4 * MAX_CHARS) + "... (cut)";
  }

  private static void append(JsonNode value, StringBuilder out, int depth) {
    if (value.isObject() || value.isArray()) {
      boolean object = value.isObject();
      if (depth >= MAX_DEPTH) {
        out.append(object ? "{...}" : "[...]");
        return;
      }
      out.append(object ? '{' : '[');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : object ? value.properties() : indexed(value)) {
        if (out.length() > MAX_CHARS) {
          break;
        }
        out.append(first ? "" : ",");
        first = false;
        if (object) {
          out.append(TextNode.valueOf(of(field.getKey()))).append(':');
        }
        append(field.getValue(), out, depth + 1);
      }
      out.append(object ? '}' : ']');
    } else if (value.isTextual()) {
      out.append(TextNode.valueOf(of(value.textValue())));
    } else if (value.isBigInteger() && value.bigIntegerValue().bitLength() > 1024) {
      out.append("(a number of ").append(value.bigIntegerValue().bitLength()).append(" bits)");
    } else if (value.isBigDecimal() && value.decimalValue().precision() > 300) {
      out.append("(a number of ").append(value.decimalValue().precision()).append(" digits)");
    } else {
      out.append(value);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> indexed(JsonNode list) {
    java.util.List<Map.Entry<String, JsonNode>> items = new java.util.ArrayList<>();
    for (int i = 0; i < list.size() && i <= MAX_CHARS; i++) {
      items.add(Map.entry("", list.get(i)));
    }
    return items;
  }
}
