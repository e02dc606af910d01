package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A small JSON value as a key of remembered outcomes, compared by value. Its hash is computed here, visiting at most
 * {@link #MAX_NODES} nodes: Jackson's own {@code hashCode} visits every node of a value however large or deep, and
 * a list item nested thousands of levels deep would exhaust the stack before its size could be known.
 */
final class NodeKey {

  /** As {@link CelValues#isSmall}: at most this many scalars, lists and maps. */
  static final int MAX_NODES = 64;

  private final JsonNode node;
  private final int hash;

  private NodeKey(JsonNode node, int hash) {
    this.node = node;
    this.hash = hash;
  }

  /** The key for a value, or null when it holds more than {@link #MAX_NODES} nodes. */
  static NodeKey of(JsonNode node) {
    int[] budget = {MAX_NODES};
    int hash = hash(node, budget);
    return budget[0] < 0 ? null : new NodeKey(node, hash);
  }

  /** The same key over a private copy of the value, for remembering: the caller's tree may change afterwards. */
  NodeKey copied() {
    return new NodeKey(node.deepCopy(), hash);
  }

  private static int hash(JsonNode node, int[] budget) {
    if (--budget[0] < 0) {
      return 0;
    }
    if (node.isObject()) {
      int h = 0; // as Map.hashCode: the order of the fields does not matter, as in JsonNode.equals
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        h += field.getKey().hashCode() ^ hash(field.getValue(), budget);
        if (budget[0] < 0) {
          break;
        }
      }
      return h;
    }
    if (node.isArray()) {
      int h = 1;
      for (int i = 0; i < node.size() && budget[0] >= 0; i++) {
        h = 31 * h + hash(node.get(i), budget);
      }
      return h;
    }
    return node.hashCode();
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    // both hold at most MAX_NODES nodes, so Jackson's recursive comparison stays shallow; it walks its receiver
    // and looks fields up in the argument: a memo asks the key being looked up, whose value was just read to hash
    // it, so the lookups go to the remembered copy (often in cache) rather than to the caller's fresh tree
    return other == this || other instanceof NodeKey key && key.hash == hash && node.equals(key.node);
  }
}
