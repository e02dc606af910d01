package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds one document's JSON tree from a parser's events, without recursion: nesting is bounded, every node is
 * counted (so that aliases can be charged for what they copy), and a field set twice in one mapping is reported as
 * the API server's strict decoding reports it, keeping the last value as kubectl does.
 */
final class TreeAssembler {

  /** A bound passed, or a value that cannot be part of a JSON document: the document is given up. */
  static final class Refused extends Exception {
    final int line;

    Refused(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** An open mapping or sequence. */
  static final class Frame {
    final Frame parent;
    final ContainerNode<?> node;
    final String anchor;
    final int line;
    String key;
    boolean merge;
    List<JsonNode> merges;
    int nodes = 1;
    int height = 1;

    Frame(Frame parent, ContainerNode<?> node, String anchor, int line) {
      this.parent = parent;
      this.node = node;
      this.anchor = anchor;
      this.line = line;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxDepth;
  private final List<ManifestProblem> problems = new ArrayList<>(0);
  private Frame top;
  private int depth;
  private JsonNode root;
  private int rootLine;

  TreeAssembler(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  JsonNode root() {
    return root;
  }

  int rootLine() {
    return rootLine;
  }

  List<ManifestProblem> problems() {
    return problems;
  }

  int depth() {
    return depth;
  }

  /** Whether the next scalar is a mapping key. */
  boolean expectsKey() {
    return top != null && top.node instanceof ObjectNode && top.key == null && !top.merge;
  }

  void startObject(String anchor, int line) throws Refused {
    open(new Frame(top, NODES.objectNode(), anchor, line));
  }

  void startArray(String anchor, int line) throws Refused {
    open(new Frame(top, NODES.arrayNode(), anchor, line));
  }

  private void open(Frame frame) throws Refused {
    if (depth == maxDepth) {
      throw new Refused("nested deeper than " + maxDepth + " levels, the reading limit", frame.line);
    }
    if (top == null) {
      rootLine = frame.line;
    }
    top = frame;
    depth++;
  }

  /** A mapping key, as the JSON field name it becomes. */
  void key(String key, int line) {
    if (top.node.has(key)) {
      // the API server's strict decoding (k8s.io/apimachinery, sigs.k8s.io/json) in its own words; kubectl's
      // client alone would send the last value and drop the first without a word
      String path = pathTo(key);
      problems.add(new ManifestProblem(path, line, 0, "strict decoding error: duplicate field \"" + path
          + "\" (set again on line " + line + "; kubectl would silently keep only this last value)"));
    }
    top.key = key;
  }

  /** YAML's merge key {@code <<}: the next value's fields fill in what the mapping does not set itself. */
  void mergeKey() {
    top.merge = true;
  }

  /** Closes the innermost mapping or sequence; the closed frame tells its node, anchor, size and height. */
  Frame end() throws Refused {
    Frame done = top;
    if (done.merges != null) {
      applyMerges(done);
    }
    top = done.parent;
    depth--;
    add(done.node, done.nodes, done.height, done.line);
    return done;
  }

  /** A complete value (a scalar, or a copy an alias stands for) of the given size and height. */
  void value(JsonNode value, int nodes, int height, int line) throws Refused {
    if (depth + height - 1 > maxDepth) {
      throw new Refused("nested deeper than " + maxDepth + " levels, the reading limit", line);
    }
    add(value, nodes, height, line);
  }

  private void add(JsonNode value, int nodes, int height, int line) throws Refused {
    Frame parent = top;
    if (parent == null) {
      if (root == null) {
        rootLine = rootLine == 0 ? line : rootLine;
      }
      root = value;
      return;
    }
    parent.nodes += nodes;
    parent.height = Math.max(parent.height, height + 1);
    if (parent.node instanceof ArrayNode array) {
      array.add(value);
    } else if (parent.merge) {
      if (!value.isObject() && !(value.isArray() && allObjects(value))) {
        throw new Refused("map merge requires map or sequence of maps as the value", line);
      }
      if (parent.merges == null) {
        parent.merges = new ArrayList<>(1);
      }
      parent.merges.add(value);
      parent.merge = false;
    } else {
      ((ObjectNode) parent.node).set(parent.key, value);
      parent.key = null;
    }
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  /** Fields a mapping sets itself win; among merged mappings, the earlier wins (YAML's merge key type). */
  private static void applyMerges(Frame frame) {
    ObjectNode target = (ObjectNode) frame.node;
    for (JsonNode merge : frame.merges) {
      for (JsonNode source : merge.isArray() ? merge : List.of(merge)) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
          if (!target.has(field.getKey())) {
            target.set(field.getKey(), field.getValue());
          }
        }
      }
    }
  }

  /** The field path of a key in the innermost mapping, as the API server writes it ({@code spec.template.spec}). */
  private String pathTo(String key) {
    List<String> segments = new ArrayList<>();
    for (Frame frame = top; frame.parent != null; frame = frame.parent) {
      Frame parent = frame.parent;
      segments.add(parent.node instanceof ArrayNode array ? "[" + array.size() + "]" : segment(parent.key));
    }
    StringBuilder path = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0; i--) {
      append(path, segments.get(i));
    }
    append(path, segment(key));
    return path.toString();
  }

  private static void append(StringBuilder path, String segment) {
    if (path.length() > 0 && segment.charAt(0) != '[') {
      path.append('.');
    }
    path.append(segment);
  }

  /** A field name as a path segment: bracketed when it holds a dot or a slash, cut when long. */
  private static String segment(String key) {
    String name = key == null ? "" : key.length() > 64 ? key.substring(0, 61) + "..." : key;
    boolean plain = !name.isEmpty();
    for (int i = 0; i < name.length() && plain; i++) {
      char c = name.charAt(i);
      plain = Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
    return plain ? name : "[" + name + "]";
  }
}
