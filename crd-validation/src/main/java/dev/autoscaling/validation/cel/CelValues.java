package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.ArrayList;
import java.util.Collections;
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

  static Object of(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), of(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(of(item));
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
