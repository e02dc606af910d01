package dev.autoscaling.keda.formula;

import dev.autoscaling.keda.formula.ValueType.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The numeric built-ins of expr v1.17 a scaling formula can use, checked and run with expr's rules: {@code float}
 * and {@code int} also take strings, {@code ceil}/{@code floor}/{@code round} give floats (round halves away from
 * zero), {@code min}/{@code max} keep the type of the value they pick and look inside arrays, {@code mean} and
 * {@code median} of nothing are 0.
 */
final class Functions {

  private static final Set<String> PLAIN = Set.of("abs", "ceil", "floor", "round", "int", "float", "min", "max",
      "mean", "median", "len");
  private static final Set<String> WITH_PREDICATE = Set.of("all", "none", "any", "one", "filter", "map", "count",
      "sum");

  private Functions() {
  }

  static boolean covers(String name) {
    return PLAIN.contains(name) || WITH_PREDICATE.contains(name);
  }

  static boolean takesPredicate(String name) {
    return WITH_PREDICATE.contains(name);
  }

  /**
   * The result type, as expr's validation of the call computes it.
   *
   * @throws IllegalArgumentException with expr's message when the call does not fit
   */
  static ValueType check(String name, List<ValueType> arguments) {
    switch (name) {
      case "min", "max", "mean", "median" -> {
        if (arguments.isEmpty()) {
          throw new IllegalArgumentException("not enough arguments to call " + name);
        }
        for (ValueType t : arguments) {
          if (t.isUnknown() || t.is(Kind.ARRAY)) {
            return ValueType.UNKNOWN;
          }
          if (!t.isNumber()) {
            throw invalidArgument(name, t);
          }
        }
        return arguments.get(0);
      }
      default -> {
        if (arguments.size() != 1) {
          throw new IllegalArgumentException("invalid number of arguments (expected 1, got " + arguments.size() + ")");
        }
        ValueType t = arguments.get(0);
        boolean numeric = t.isNumber() || t.isUnknown();
        return switch (name) {
          case "float" -> numeric || t.is(Kind.STRING) ? ValueType.FLOAT : fail(name, t);
          case "int" -> numeric || t.is(Kind.STRING) ? ValueType.INT : fail(name, t);
          case "abs" -> numeric ? t : fail(name, t);
          case "len" -> t.is(Kind.ARRAY) || t.is(Kind.STRING) || t.isUnknown() ? ValueType.INT : fail(name, t);
          default -> numeric ? ValueType.FLOAT : fail(name, t); // ceil, floor, round
        };
      }
    }
  }

  private static ValueType fail(String name, ValueType t) {
    throw invalidArgument(name, t);
  }

  private static IllegalArgumentException invalidArgument(String name, ValueType t) {
    return new IllegalArgumentException("invalid argument for " + name + " (type " + Checker.argumentName(t) + ")");
  }

  /**
   * Runs a function without predicate on values (Long, Double, Boolean, String, List or null).
   *
   * @throws IllegalArgumentException with expr's run-time message
   */
  static Object run(String name, List<Object> arguments) {
    Object x = arguments.isEmpty() ? null : arguments.get(0);
    return switch (name) {
      case "float" -> toFloat(x);
      case "int" -> toInt(x);
      case "abs" -> x instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs(number(name, x));
      case "ceil" -> Math.ceil(number(name, x));
      case "floor" -> Math.floor(number(name, x));
      case "round" -> round(number(name, x));
      case "len" -> x instanceof List<?> list ? (long) list.size()
          : x instanceof String s ? (long) s.getBytes(StandardCharsets.UTF_8).length : fail(name, x);
      case "min", "max" -> extreme(name, arguments);
      case "mean" -> {
        List<Double> values = flatten(name, arguments);
        yield values.isEmpty() ? 0.0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
      }
      case "median" -> {
        List<Double> values = flatten(name, arguments);
        values.sort(null);
        int n = values.size();
        yield n == 0 ? 0.0 : n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
      }
      default -> throw new IllegalStateException("not a plain function: " + name);
    };
  }

  static Object toFloat(Object x) {
    if (x instanceof Number n) {
      return n.doubleValue();
    }
    if (x instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid operation: float(" + s + ")");
      }
    }
    throw new IllegalArgumentException("invalid operation: float(" + goType(x) + ")");
  }

  private static Object toInt(Object x) {
    if (x instanceof Long) {
      return x;
    }
    if (x instanceof Double d) {
      return (long) d.doubleValue(); // Go's conversion truncates toward zero
    }
    if (x instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid operation: int(" + s + ")");
      }
    }
    throw new IllegalArgumentException("invalid operation: int(" + goType(x) + ")");
  }

  /** Go's math.Round: the nearest integer, halves away from zero (Java's Math.round goes up on -2.5). */
  private static double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new BigDecimal(x).setScale(0, RoundingMode.HALF_UP).doubleValue();
  }

  private static Object extreme(String name, List<Object> arguments) {
    if (arguments.size() == 1 && !(arguments.get(0) instanceof Number) && !(arguments.get(0) instanceof List)) {
      return arguments.get(0); // expr hands a single odd argument back unchanged
    }
    Object best = null;
    for (Object value : flattenKeepingTypes(name, arguments, new ArrayList<>())) {
      double v = ((Number) value).doubleValue();
      if (best == null || (name.equals("max") ? ((Number) best).doubleValue() < v : ((Number) best).doubleValue() > v)) {
        best = value;
      }
    }
    return best;
  }

  private static List<Object> flattenKeepingTypes(String name, List<?> values, List<Object> into) {
    for (Object value : values) {
      if (value instanceof List<?> list) {
        flattenKeepingTypes(name, list, into);
      } else if (value instanceof Number) {
        into.add(value);
      } else {
        throw new IllegalArgumentException("invalid argument for " + name + " (type " + goType(value) + ")");
      }
    }
    return into;
  }

  private static List<Double> flatten(String name, List<Object> arguments) {
    List<Double> out = new ArrayList<>();
    for (Object value : flattenKeepingTypes(name, arguments, new ArrayList<>())) {
      out.add(((Number) value).doubleValue());
    }
    return out;
  }

  private static double number(String name, Object x) {
    if (x instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("invalid argument for " + name + " (type " + goType(x) + ")");
  }

  private static Object fail(String name, Object x) {
    throw new IllegalArgumentException("invalid argument for " + name + " (type " + goType(x) + ")");
  }

  /** Go's %T of a value, as expr's run-time errors print it. */
  static String goType(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof String) {
      return "string";
    }
    return "[]interface {}";
  }
}
