package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

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
    if (value instanceof Sized sized) {
      return sized.weight(); // counted once, when converted
    }
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

  /** A converted map, from its entries (already converted). */
  static Map<String, Object> mapOf(Map<String, Object> entries) {
    int weight = 1;
    for (Object value : entries.values()) {
      weight = saturated(weight + 1 + count(value, Integer.MAX_VALUE));
    }
    return new SizedMap(Collections.unmodifiableMap(entries), weight);
  }

  /**
   * An object as a rule sees it when the rule reads only some of its fields: those fields, absent ones left out.
   * {@code names} is the rule's own array, shared by all its projections; {@code values[i]} is null when absent.
   */
  static Map<String, Object> projection(String[] names, Object[] values) {
    int weight = 1;
    for (Object value : values) {
      if (value != null) {
        weight = saturated(weight + 1 + count(value, Integer.MAX_VALUE));
      }
    }
    return new Projection(names, values, weight);
  }

  private static List<Object> listOf(List<Object> items) {
    int weight = 1;
    for (Object item : items) {
      weight = saturated(weight + count(item, Integer.MAX_VALUE));
    }
    return new SizedList(Collections.unmodifiableList(items), weight);
  }

  private static int saturated(int weight) {
    return weight < 0 ? Integer.MAX_VALUE : weight;
  }

  /**
   * Converted maps and lists know how many values they hold and remember their hash: rules remember outcomes
   * by value, and counting or hashing the same value again for every rule that meets it cost more than the rule.
   */
  private interface Sized {
    int weight();
  }

  private static final class SizedMap extends AbstractMap<String, Object> implements Sized {
    private final Map<String, Object> entries;
    private final int weight;
    private int hash;

    SizedMap(Map<String, Object> entries, int weight) {
      this.entries = entries;
      this.weight = weight;
    }

    @Override
    public int weight() {
      return weight;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return entries.entrySet();
    }

    @Override
    public Set<String> keySet() {
      return entries.keySet();
    }

    @Override
    public Collection<Object> values() {
      return entries.values();
    }

    @Override
    public Object get(Object key) {
      return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }

    @Override
    public int size() {
      return entries.size();
    }

    @Override
    public int hashCode() {
      if (hash == 0) {
        hash = entries.hashCode();
      }
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other == this || (!(other instanceof SizedMap sized && sized.hashCode() != hashCode())
          && entries.equals(other));
    }
  }

  /**
   * Projections are made for every object a rule meets and serve as keys of its remembered outcomes: two
   * projections of one rule (the same names array) compare by their values alone, and hash as any map with the
   * same entries would, without a map being built. The map view is built only when something iterates it.
   */
  private static final class Projection extends AbstractMap<String, Object> implements Sized {
    private final String[] names;
    private final Object[] values;
    private final int weight;
    private final int hash;
    private Map<String, Object> view;

    Projection(String[] names, Object[] values, int weight) {
      this.names = names;
      this.values = values;
      this.weight = weight;
      int h = 0; // as Map.hashCode() defines it, so a projection and an equal map hash alike
      for (int i = 0; i < names.length; i++) {
        if (values[i] != null) {
          h += names[i].hashCode() ^ values[i].hashCode();
        }
      }
      this.hash = h;
    }

    @Override
    public int weight() {
      return weight;
    }

    private Map<String, Object> view() {
      if (view == null) {
        Map<String, Object> present = new LinkedHashMap<>(Math.max(4, names.length * 2));
        for (int i = 0; i < names.length; i++) {
          if (values[i] != null) {
            present.put(names[i], values[i]);
          }
        }
        view = Collections.unmodifiableMap(present);
      }
      return view;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return view().entrySet();
    }

    @Override
    public Object get(Object key) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(key)) {
          return values[i];
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return view().size();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (other instanceof Projection projection && projection.names == names) {
        return projection.hash == hash && java.util.Arrays.equals(projection.values, values);
      }
      return other instanceof Map<?, ?> && view().equals(other);
    }
  }

  private static final class SizedList extends AbstractList<Object> implements Sized, RandomAccess {
    private final List<Object> items;
    private final int weight;
    private int hash;

    SizedList(List<Object> items, int weight) {
      this.items = items;
      this.weight = weight;
    }

    @Override
    public int weight() {
      return weight;
    }

    @Override
    public Object get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public int hashCode() {
      if (hash == 0) {
        hash = items.hashCode();
      }
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other == this || (!(other instanceof SizedList sized && sized.hashCode() != hashCode())
          && items.equals(other));
    }
  }

  /**
   * How deep a value a rule may be given, counted from the rule's own node. Kubernetes objects nest a few dozen
   * levels at most; converting (and then comparing, hashing, printing) a value nested thousands of levels deep
   * would take as many stack frames, and the SDK answers such a value with a warning instead.
   */
  static final int MAX_DEPTH = 128;

  static Object of(JsonNode node, IdentityHashMap<JsonNode, Object> converted) {
    return of(node, converted, 0);
  }

  private static Object of(JsonNode node, IdentityHashMap<JsonNode, Object> converted, int depth) {
    if (converted != null && (node.isContainerNode())) {
      Object known = converted.get(node);
      if (known == null) {
        known = convert(node, converted, depth);
        converted.put(node, known);
      }
      return known;
    }
    return convert(node, converted, depth);
  }

  private static Object convert(JsonNode node, IdentityHashMap<JsonNode, Object> converted, int depth) {
    switch (node.getNodeType()) {
      case OBJECT: {
        if (depth >= MAX_DEPTH) {
          throw new NestedTooDeeplyException(MAX_DEPTH);
        }
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), of(field.getValue(), converted, depth + 1));
        }
        return mapOf(map);
      }
      case ARRAY: {
        if (depth >= MAX_DEPTH) {
          throw new NestedTooDeeplyException(MAX_DEPTH);
        }
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(of(item, converted, depth + 1));
        }
        return listOf(list);
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

  /**
   * An estimate of the heap a converted value holds, for values that {@link #isSmall} (a large string counts in
   * full, so that it is never remembered). Strings are counted at two bytes a character, the most they take.
   */
  static long bytes(Object value) {
    if (value instanceof String text) {
      return 40 + 2L * text.length();
    }
    if (value instanceof Projection projection) {
      long bytes = 32 + 8L * projection.values.length;
      for (Object item : projection.values) {
        bytes += item == null ? 0 : bytes(item);
      }
      return bytes;
    }
    if (value instanceof Map<?, ?> map) {
      long bytes = 64;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        bytes += 40 + bytes(entry.getKey()) + bytes(entry.getValue());
      }
      return bytes;
    }
    if (value instanceof List<?> list) {
      long bytes = 48;
      for (Object item : list) {
        bytes += 8 + bytes(item);
      }
      return bytes;
    }
    return value == null || value instanceof Boolean || value == NullValue.NULL_VALUE ? 0 : 16;
  }
}
