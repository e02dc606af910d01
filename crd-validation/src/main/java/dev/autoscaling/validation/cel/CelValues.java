package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON data as CEL sees it: objects and maps as maps, arrays as lists, integers as int (64-bit), other numbers as
 * double, null as null.
 */
final class CelValues {

  private CelValues() {
  }

  /** Values remembered by value must stay small: at most this many scalars, lists and maps in all. */
  private static final int SMALL = 64;

  /** Whether a converted value is small enough to serve as a memo key. */
  static boolean isSmall(Object value) {
    return count(value, SMALL + 1) <= SMALL;
  }

  private static int count(Object value, int limit) {
    int n = 1;
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        n += 1 + count(entry.getValue(), limit - n);
        if (n >= limit) {
          return n;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        n += count(item, limit - n);
        if (n >= limit) {
          return n;
        }
      }
    }
    return n;
  }

  static Object of(JsonNode node, IdentityHashMap<JsonNode, Object> converted) {
    if (converted != null && (node.isContainerNode())) {
      Object known = converted.get(node);
      if (known == null) {
        known = convert(node, converted);
        converted.put(node, known);
      }
      return known;
    }
    return convert(node, converted);
  }

  private static Object convert(JsonNode node, IdentityHashMap<JsonNode, Object> converted) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), of(field.getValue(), converted));
        }
        return Collections.unmodifiableMap(map);
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(of(item, converted));
        }
        return Collections.unmodifiableList(list);
      }
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        return node.isIntegralNumber() ? (Object) node.longValue() : (Object) node.doubleValue();
      case NULL:
      case MISSING:
      default:
        return NullValue.NULL_VALUE;
    }
  }
}
