package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A JSON value compared by value without recursion: Jackson's {@code equals} and {@code hashCode} take a stack
 * frame per level, and a list item nested thousands of levels deep would end the validation with a
 * {@link StackOverflowError}. Used where the validator compares values users wrote (set items, list map keys).
 */
public final class ValueKey {

  private final JsonNode value;
  private final int hash;

  public ValueKey(JsonNode value) {
    this.value = value;
    this.hash = hash(value);
  }

  /** Whether two values are equal as Jackson's {@code equals} says, at any depth. */
  public static boolean equal(JsonNode a, JsonNode b) {
    Deque<JsonNode[]> pending = new ArrayDeque<>();
    pending.push(new JsonNode[] {a, b});
    while (!pending.isEmpty()) {
      JsonNode[] pair = pending.pop();
      JsonNode x = pair[0];
      JsonNode y = pair[1];
      if (x == y) {
        continue;
      }
      if (x == null || y == null || x.getNodeType() != y.getNodeType() || x.size() != y.size()) {
        return false;
      }
      if (x.isObject()) {
        for (Map.Entry<String, JsonNode> field : x.properties()) {
          pending.push(new JsonNode[] {field.getValue(), y.get(field.getKey())});
        }
      } else if (x.isArray()) {
        for (int i = 0; i < x.size(); i++) {
          pending.push(new JsonNode[] {x.get(i), y.get(i)});
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A sum over every node of its path and content, so that the order of an object's fields does not matter, as in
   * {@link #equal}; no recursion.
   */
  private static int hash(JsonNode root) {
    int hash = 0;
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {root, 1});
    while (!pending.isEmpty()) {
      Object[] next = pending.pop();
      JsonNode node = (JsonNode) next[0];
      int path = (Integer) next[1];
      if (node.isObject()) {
        hash += mix(path, 7 + node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          pending.push(new Object[] {field.getValue(), mix(path, field.getKey().hashCode())});
        }
      } else if (node.isArray()) {
        hash += mix(path, 11 + node.size());
        for (int i = 0; i < node.size(); i++) {
          pending.push(new Object[] {node.get(i), mix(path, -1 - i)});
        }
      } else {
        hash += mix(path, node.hashCode());
      }
    }
    return hash;
  }

  private static int mix(int path, int value) {
    return Integer.rotateLeft((path * 31 + value) * 0x9E3779B1, 13) ^ path;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof ValueKey key && key.hash == hash && equal(key.value, value);
  }
}
