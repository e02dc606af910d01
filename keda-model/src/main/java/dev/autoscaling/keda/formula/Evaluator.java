package dev.autoscaling.keda.formula;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a checked formula as expr's virtual machine does: ints stay ints under + - * and %, / and ** always give
 * floats, {@code &&}/{@code ||} short-circuit, {@code ??} takes the right side only when the left is nil, and an
 * operation on a value of the wrong kind (nil, most often) is a run-time error at the operator's column.
 */
final class Evaluator {

  private record Binding(String name, Object value) {
  }

  private final Map<String, ?> environment;
  private final Deque<Binding> bindings = new ArrayDeque<>();
  private final Deque<Object> elements = new ArrayDeque<>();

  private Evaluator(Map<String, ?> environment) {
    this.environment = environment;
  }

  /** Values are Long, Double, Boolean, String, List or null (nil); a name missing from the map is nil. */
  static Object run(Node node, Map<String, ?> environment) {
    return new Evaluator(environment).eval(node);
  }

  private Object eval(Node node) {
    if (node instanceof Node.Literal l) {
      return l.value();
    } else if (node instanceof Node.Name n) {
      return lookup(n.name());
    } else if (node instanceof Node.Element) {
      return elements.peek();
    } else if (node instanceof Node.Unary u) {
      return unary(u);
    } else if (node instanceof Node.Binary b) {
      return binary(b);
    } else if (node instanceof Node.Conditional c) {
      return eval(condition(eval(c.condition()), c.condition()) ? c.then() : c.otherwise());
    } else if (node instanceof Node.Call c) {
      return call(c);
    } else if (node instanceof Node.ArrayLiteral a) {
      List<Object> items = new ArrayList<>();
      for (Node item : a.items()) {
        items.add(eval(item));
      }
      return items;
    } else if (node instanceof Node.Predicate p) {
      return eval(p.body());
    } else if (node instanceof Node.Let l) {
      bindings.push(new Binding(l.name(), eval(l.value())));
      try {
        return eval(l.body());
      } finally {
        bindings.pop();
      }
    }
    Object last = null;
    for (Node n : ((Node.Sequence) node).nodes()) {
      last = eval(n);
    }
    return last;
  }

  private Object lookup(String name) {
    for (Binding b : bindings) {
      if (b.name().equals(name)) {
        return b.value();
      }
    }
    return environment.get(name);
  }

  private Object unary(Node.Unary node) {
    Object v = eval(node.operand());
    switch (node.operator()) {
      case "!", "not" -> {
        if (v instanceof Boolean b) {
          return !b;
        }
      }
      case "-" -> {
        if (v instanceof Long l) {
          return -l;
        }
        if (v instanceof Double d) {
          return -d;
        }
      }
      default -> {
        if (v instanceof Number) {
          return v;
        }
      }
    }
    throw error("invalid operation: " + node.operator() + " " + Functions.goType(v), node);
  }

  private Object binary(Node.Binary node) {
    String op = node.operator();
    switch (op) {
      case "&&", "and" -> {
        return condition(eval(node.left()), node) && condition(eval(node.right()), node);
      }
      case "||", "or" -> {
        return condition(eval(node.left()), node) || condition(eval(node.right()), node);
      }
      case "??" -> {
        Object left = eval(node.left());
        return left != null ? left : eval(node.right());
      }
      default -> {
        // every other operator needs both sides
      }
    }
    Object l = eval(node.left());
    Object r = eval(node.right());
    switch (op) {
      case "==" -> {
        return equal(l, r);
      }
      case "!=" -> {
        return !equal(l, r);
      }
      case "<", ">", "<=", ">=" -> {
        Integer c = compare(l, r);
        if (c != null) {
          return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
          };
        }
      }
      case "+", "-", "*" -> {
        if (l instanceof Long a && r instanceof Long b) {
          return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            default -> a * b;
          };
        }
        if (l instanceof Number a && r instanceof Number b) {
          double x = a.doubleValue();
          double y = b.doubleValue();
          return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            default -> x * y;
          };
        }
        if (op.equals("+") && l instanceof String a && r instanceof String b) {
          return a + b;
        }
      }
      case "/" -> {
        if (l instanceof Number a && r instanceof Number b) {
          return a.doubleValue() / b.doubleValue();
        }
      }
      case "**", "^" -> {
        if (l instanceof Number a && r instanceof Number b) {
          return Math.pow(a.doubleValue(), b.doubleValue());
        }
      }
      case "%" -> {
        if (l instanceof Long a && r instanceof Long b) {
          if (b == 0) {
            throw error("integer divide by zero", node);
          }
          return a % b; // Go's % truncates like Java's
        }
      }
      default -> throw error("unknown operator (" + op + ")", node);
    }
    throw error("invalid operation: " + Functions.goType(l) + " " + op + " " + Functions.goType(r), node);
  }

  private boolean condition(Object value, Node node) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw error("non-bool value " + Functions.goType(value) + " used as condition", node);
  }

  static boolean equal(Object l, Object r) {
    if (l instanceof Number a && r instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    if (l instanceof List<?> a && r instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(l, r);
  }

  private static Integer compare(Object l, Object r) {
    if (l instanceof Long a && r instanceof Long b) {
      return Long.compare(a, b);
    }
    if (l instanceof Number a && r instanceof Number b) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      // NaN compares false every way, as in Go
      return x < y ? -1 : x > y ? 1 : x == y ? 0 : null;
    }
    if (l instanceof String a && r instanceof String b) {
      return a.compareTo(b);
    }
    return null;
  }

  private Object call(Node.Call node) {
    if (Functions.takesPredicate(node.function())) {
      return predicateCall(node);
    }
    List<Object> arguments = new ArrayList<>();
    for (Node argument : node.arguments()) {
      arguments.add(eval(argument));
    }
    try {
      return Functions.run(node.function(), arguments);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), node);
    }
  }

  private Object predicateCall(Node.Call node) {
    String function = node.function();
    Object collection = eval(node.arguments().get(0));
    if (!(collection instanceof List<?> list)) {
      throw error("builtin " + function + " takes only array (got " + Functions.goType(collection) + ")", node);
    }
    List<Object> results = new ArrayList<>();
    if (node.arguments().size() == 1) {
      results.addAll(list);
    } else {
      for (Object element : list) {
        elements.push(element);
        try {
          results.add(eval(node.arguments().get(1)));
        } finally {
          elements.pop();
        }
      }
    }
    Node predicate = node.arguments().size() > 1 ? node.arguments().get(1) : node;
    switch (function) {
      case "map" -> {
        return results;
      }
      case "sum" -> {
        return sum(results, node);
      }
      case "count" -> {
        long n = 0;
        for (Object r : results) {
          n += Boolean.TRUE.equals(r) ? 1 : 0;
        }
        return n;
      }
      default -> {
        // all, any, none, one, filter: the predicate decides
      }
    }
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (condition(results.get(i), predicate)) {
        kept.add(list.get(i));
      }
    }
    return switch (function) {
      case "all" -> kept.size() == list.size();
      case "any" -> !kept.isEmpty();
      case "none" -> kept.isEmpty();
      case "one" -> kept.size() == 1;
      default -> kept; // filter
    };
  }

  private Object sum(List<Object> values, Node node) {
    long ints = 0;
    double floats = 0;
    boolean anyFloat = false;
    for (Object v : values) {
      if (v instanceof Long l) {
        ints += l;
      } else if (v instanceof Double d) {
        floats += d;
        anyFloat = true;
      } else {
        throw error("invalid argument for sum (type " + Functions.goType(v) + ")", node);
      }
    }
    return anyFloat ? (Object) (ints + floats) : (Object) ints;
  }

  private static FormulaException error(String message, Node node) {
    return new FormulaException(FormulaProblem.RUNTIME, message, node.column());
  }
}
