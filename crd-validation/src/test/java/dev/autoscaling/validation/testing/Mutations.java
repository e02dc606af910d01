package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Property-based mutations of good objects, for fuzzing everything that reads user trees: a mutation picks a place
 * in the tree (by {@code target}, modulo the places there are) and deletes, retypes, renames or bloats it. jqwik
 * generates and shrinks the list of mutations; {@link #apply} turns it into a tree, never changing the seed.
 */
public final class Mutations {

  /** What a mutation does at its place. */
  public enum Kind {
    DELETE, RETYPE, UNKNOWN_KEY, LIST_TO_MAP, MAP_TO_LIST, HUGE_NUMBER, EMPTY_STRING, UNICODE, LONG_STRING,
    DEEP_NESTING, DUPLICATE_ITEM, NULL
  }

  /** One mutation: {@code target} picks the place, {@code choice} a variant, {@code text} a string to use. */
  public record Mutation(Kind kind, int target, int choice, String text) {
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Places are looked for this deep at most: deeper, a tree is already one mutation's nesting. */
  private static final int MAX_PLACE_DEPTH = 40;
  private static final int MAX_PLACES = 50_000;

  private Mutations() {
  }

  /** One to six mutations. */
  public static Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Kind.class),
        Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 1 << 16), texts())
        .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  /** Strings a user or an attacker might write: any code point, look-alikes of other types, control characters. */
  public static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(24),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(16),
        Arbitraries.of("", " ", "0x10", "1e3", "-.inf", ".nan", "yes", "null", "~", "true", "007", "1_000",
            "\u0000", "\u202Etxt.exe", "\uD83D\uDE00", "\uD800", "é", "ǅ", "karpenter.sh/nodepool", "a/b/c",
            "kubernetes.io/arch", "${HOME}", "'; --", "<script>", "%s%n", "\\", "\"", "\n", "a:\n  b: c"));
  }

  /** A copy of the seed with the mutations applied in order. */
  public static JsonNode apply(JsonNode seed, List<Mutation> mutations) {
    JsonNode root = seed.deepCopy();
    for (Mutation mutation : mutations) {
      root = apply(root, mutation);
    }
    return root;
  }

  private record Place(JsonNode parent, String field, int index, JsonNode value) {
  }

  private static JsonNode apply(JsonNode root, Mutation mutation) {
    List<Place> places = places(root);
    if (places.isEmpty()) {
      return replacement(root, mutation);
    }
    Place place = places.get(mutation.target() % places.size());
    JsonNode value = place.value();
    switch (mutation.kind()) {
      case DELETE -> {
        if (place.parent() instanceof ObjectNode object) {
          object.remove(place.field());
        } else {
          ((ArrayNode) place.parent()).remove(place.index());
        }
        return root;
      }
      case UNKNOWN_KEY -> {
        ObjectNode object = value instanceof ObjectNode o ? o : place.parent() instanceof ObjectNode o ? o : null;
        if (object != null) {
          object.set(mutation.text().isEmpty() ? "x" + mutation.choice() : mutation.text(), scalar(mutation));
        }
        return root;
      }
      case DUPLICATE_ITEM -> {
        ArrayNode list = value instanceof ArrayNode a && !a.isEmpty() ? a
            : place.parent() instanceof ArrayNode a ? a : null;
        if (list != null) {
          // the same instance again: validators only read, and a copy of an item nested thousands deep would take
          // as many stack frames (Jackson's deepCopy recurses)
          JsonNode item = list.get(mutation.choice() % list.size());
          for (int i = 0; i <= mutation.choice() % 3; i++) {
            list.add(item);
          }
        }
        return root;
      }
      default -> {
        JsonNode replaced = replacement(value, mutation);
        if (place.parent() instanceof ObjectNode object) {
          object.set(place.field(), replaced);
        } else {
          ((ArrayNode) place.parent()).set(place.index(), replaced);
        }
        return root;
      }
    }
  }

  private static JsonNode replacement(JsonNode value, Mutation mutation) {
    return switch (mutation.kind()) {
      case RETYPE -> switch (mutation.choice() % 6) {
        case 0 -> JSON.textNode(mutation.text());
        case 1 -> JSON.numberNode(mutation.choice());
        case 2 -> JSON.booleanNode(mutation.choice() % 2 == 0);
        case 3 -> JSON.objectNode();
        case 4 -> JSON.arrayNode();
        default -> JSON.numberNode(mutation.choice() + 0.5);
      };
      case LIST_TO_MAP -> {
        ObjectNode map = JSON.objectNode();
        if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            map.set(String.valueOf(i), value.get(i));
          }
        } else {
          map.set(mutation.text(), value);
        }
        yield map;
      }
      case MAP_TO_LIST -> {
        ArrayNode list = JSON.arrayNode();
        if (value.isObject()) {
          for (Map.Entry<String, JsonNode> field : value.properties()) {
            list.add(field.getValue());
          }
        } else {
          list.add(value);
        }
        yield list;
      }
      case HUGE_NUMBER -> number(mutation.choice());
      case EMPTY_STRING -> JSON.textNode("");
      case UNICODE -> JSON.textNode(mutation.text());
      case LONG_STRING -> JSON.textNode((mutation.text().isEmpty() ? "a" : mutation.text())
          .repeat(1 + 200_000 / Math.max(1, mutation.text().length())));
      case DEEP_NESTING -> nested(200 + mutation.choice() % 5_000, mutation.choice() % 2 == 0);
      case NULL -> JSON.nullNode();
      default -> value;
    };
  }

  private static JsonNode scalar(Mutation mutation) {
    return switch (mutation.choice() % 3) {
      case 0 -> JSON.textNode(mutation.text());
      case 1 -> number(mutation.choice());
      default -> JSON.booleanNode(true);
    };
  }

  private static JsonNode number(int choice) {
    return switch (choice % 10) {
      case 0 -> JSON.numberNode(new BigDecimal("1e400"));
      case 1 -> JSON.numberNode(new BigDecimal("-1e400"));
      case 2 -> JSON.numberNode(BigInteger.TEN.pow(100));
      case 3 -> JSON.numberNode(Long.MAX_VALUE);
      case 4 -> JSON.numberNode(Long.MIN_VALUE);
      case 5 -> JSON.numberNode(Double.MAX_VALUE);
      case 6 -> JSON.numberNode(-1);
      case 7 -> JSON.numberNode(Double.NaN);
      case 8 -> JSON.numberNode(Double.NEGATIVE_INFINITY);
      default -> JSON.numberNode(new BigDecimal("0.000000000000000000000001"));
    };
  }

  /** A value nested {@code depth} levels deep, in objects or in lists. */
  public static JsonNode nested(int depth, boolean lists) {
    JsonNode node = JSON.textNode("bottom");
    for (int i = 0; i < depth; i++) {
      node = lists ? JSON.arrayNode().add(node) : JSON.objectNode().set("a", node);
    }
    return node;
  }

  /** Every field and item, parents first, without recursion (a tree may already be nested thousands deep). */
  private static List<Place> places(JsonNode root) {
    List<Place> places = new ArrayList<>();
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {root, 0});
    while (!pending.isEmpty() && places.size() < MAX_PLACES) {
      Object[] next = pending.pop();
      JsonNode node = (JsonNode) next[0];
      int depth = (Integer) next[1];
      if (depth >= MAX_PLACE_DEPTH) {
        continue;
      }
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          places.add(new Place(node, field.getKey(), -1, field.getValue()));
          pending.push(new Object[] {field.getValue(), depth + 1});
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          places.add(new Place(node, null, i, node.get(i)));
          pending.push(new Object[] {node.get(i), depth + 1});
        }
      }
    }
    return places;
  }
}
