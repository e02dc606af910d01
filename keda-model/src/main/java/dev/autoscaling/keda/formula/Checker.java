package dev.autoscaling.keda.formula;

import dev.autoscaling.keda.formula.ValueType.Kind;
import dev.autoscaling.validation.DidYouMean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * expr's type check (its "checker", strict because KEDA passes an environment): every name must be a variable,
 * and operators and functions must fit the types they are given. What fails here fails in {@code expr.Compile},
 * before any value is known; unknown types are let through as expr lets them through.
 */
final class Checker {

  private record Variable(String name, ValueType type) {
  }

  private final Set<String> environment;
  private final Deque<Variable> variables = new ArrayDeque<>();
  private final Deque<ValueType> elements = new ArrayDeque<>();

  private Checker(Set<String> environment) {
    this.environment = environment;
  }

  /** The type of the formula, the environment's names being numbers (float64), as KEDA declares them. */
  static ValueType check(Node node, Set<String> environment) {
    return new Checker(environment).visit(node);
  }

  private ValueType visit(Node node) {
    if (node instanceof Node.Literal l) {
      return literal(l.value());
    } else if (node instanceof Node.Name n) {
      return name(n);
    } else if (node instanceof Node.Element) {
      return elements.isEmpty() ? ValueType.UNKNOWN : elements.peek();
    } else if (node instanceof Node.Unary u) {
      return unary(u);
    } else if (node instanceof Node.Binary b) {
      return binary(b);
    } else if (node instanceof Node.Conditional c) {
      return conditional(c);
    } else if (node instanceof Node.Call c) {
      return call(c);
    } else if (node instanceof Node.ArrayLiteral a) {
      return array(a);
    } else if (node instanceof Node.Predicate p) {
      return visit(p.body());
    } else if (node instanceof Node.Let l) {
      return let(l);
    }
    ValueType last = ValueType.UNKNOWN;
    for (Node n : ((Node.Sequence) node).nodes()) {
      last = visit(n);
    }
    return last;
  }

  static ValueType literal(Object value) {
    if (value == null) {
      return ValueType.NIL;
    }
    if (value instanceof Long) {
      return ValueType.INT;
    }
    if (value instanceof Double) {
      return ValueType.FLOAT;
    }
    if (value instanceof Boolean) {
      return ValueType.BOOL;
    }
    return ValueType.STRING;
  }

  private ValueType name(Node.Name node) {
    for (Variable v : variables) {
      if (v.name().equals(node.name())) {
        return v.type();
      }
    }
    if (environment.contains(node.name())) {
      return ValueType.FLOAT;
    }
    throw unknownName(node.name(), node.column());
  }

  private FormulaException unknownName(String name, int column) {
    Set<String> known = new LinkedHashSet<>(environment);
    variables.forEach(v -> known.add(v.name()));
    String suggestion = DidYouMean.suggest(name, known);
    return new FormulaException(FormulaProblem.UNKNOWN_NAME, "unknown name " + name, column,
        suggestion == null ? null : "did you mean " + suggestion + "?");
  }

  private ValueType unary(Node.Unary node) {
    ValueType t = visit(node.operand());
    switch (node.operator()) {
      case "!", "not" -> {
        if (t.is(Kind.BOOL) || t.isUnknown()) {
          return ValueType.BOOL;
        }
      }
      default -> {
        if (t.isNumber() || t.isUnknown()) {
          return t;
        }
      }
    }
    throw type("invalid operation: " + node.operator() + " (mismatched type " + t + ")", node);
  }

  private ValueType binary(Node.Binary node) {
    ValueType l = visit(node.left());
    ValueType r = visit(node.right());
    boolean unknownPair = l.isUnknown() || r.isUnknown();
    switch (node.operator()) {
      case "==", "!=" -> {
        if (unknownPair || l.is(Kind.NIL) || r.is(Kind.NIL) || (l.isNumber() && r.isNumber())
            || l.kind() == r.kind()) {
          return ValueType.BOOL;
        }
      }
      case "or", "||", "and", "&&" -> {
        if (maybe(l, r, Kind.BOOL)) {
          return ValueType.BOOL;
        }
      }
      case "<", ">", "<=", ">=" -> {
        if ((l.isNumber() && r.isNumber()) || (l.is(Kind.STRING) && r.is(Kind.STRING))
            || maybeNumber(l, r) || maybe(l, r, Kind.STRING)) {
          return ValueType.BOOL;
        }
      }
      case "+", "-", "*" -> {
        if (l.isNumber() && r.isNumber()) {
          return l.is(Kind.FLOAT) || r.is(Kind.FLOAT) ? ValueType.FLOAT : ValueType.INT;
        }
        if (node.operator().equals("+") && l.is(Kind.STRING) && r.is(Kind.STRING)) {
          return ValueType.STRING;
        }
        if (maybeNumber(l, r) || (node.operator().equals("+") && maybe(l, r, Kind.STRING))) {
          return ValueType.UNKNOWN;
        }
      }
      case "/", "**", "^" -> {
        if ((l.isNumber() && r.isNumber()) || maybeNumber(l, r)) {
          return ValueType.FLOAT;
        }
      }
      case "%" -> {
        if ((l.is(Kind.INT) && r.is(Kind.INT)) || maybe(l, r, Kind.INT)) {
          return ValueType.INT;
        }
      }
      case "??" -> {
        if (l.is(Kind.NIL)) {
          return r;
        }
        if (r.is(Kind.NIL)) {
          return l;
        }
        return r.assignableTo(l) ? l : ValueType.UNKNOWN;
      }
      default -> throw type("unknown operator (" + node.operator() + ")", node);
    }
    throw type("invalid operation: " + node.operator() + " (mismatched types " + l + " and " + r + ")", node);
  }

  /** expr's "maybe compatible": both unknown, or one unknown and the other of the kind. */
  private static boolean maybe(ValueType l, ValueType r, Kind kind) {
    return (l.is(kind) && r.is(kind)) || (l.isUnknown() && r.isUnknown()) || (l.isUnknown() && r.is(kind))
        || (r.isUnknown() && l.is(kind));
  }

  private static boolean maybeNumber(ValueType l, ValueType r) {
    return (l.isUnknown() && r.isUnknown()) || (l.isUnknown() && r.isNumber()) || (r.isUnknown() && l.isNumber());
  }

  private ValueType conditional(Node.Conditional node) {
    ValueType condition = visit(node.condition());
    if (!condition.is(Kind.BOOL) && !condition.isUnknown()) {
      throw type("non-bool expression (type " + condition + ") used as condition", node.condition());
    }
    ValueType a = visit(node.then());
    ValueType b = visit(node.otherwise());
    if (a.is(Kind.NIL)) {
      return b;
    }
    if (b.is(Kind.NIL)) {
      return a;
    }
    return a.assignableTo(b) ? a : ValueType.UNKNOWN;
  }

  private ValueType array(Node.ArrayLiteral node) {
    ValueType element = null;
    boolean same = true;
    for (Node item : node.items()) {
      ValueType t = visit(item);
      if (element != null && !t.equals(element)) {
        same = false;
      }
      element = element == null ? t : element;
    }
    return ValueType.arrayOf(same && element != null ? element : ValueType.UNKNOWN);
  }

  private ValueType let(Node.Let node) {
    String name = node.name();
    if (environment.contains(name)) {
      throw type("cannot redeclare " + name, node);
    }
    if (Functions.covers(name) || Parser.UNCOVERED_FUNCTIONS.contains(name)) {
      throw type("cannot redeclare builtin " + name, node);
    }
    if (variables.stream().anyMatch(v -> v.name().equals(name))) {
      throw type("cannot redeclare variable " + name, node);
    }
    ValueType value = visit(node.value());
    variables.push(new Variable(name, value));
    try {
      return visit(node.body());
    } finally {
      variables.pop();
    }
  }

  private ValueType call(Node.Call node) {
    String function = node.function();
    if (!Functions.covers(function)) {
      if (environment.contains(function)) {
        throw type(function + " is a number, not a function", node);
      }
      throw unknownName(function, node.column());
    }
    if (Functions.takesPredicate(function)) {
      return predicateCall(node);
    }
    List<ValueType> arguments = new ArrayList<>();
    for (Node argument : node.arguments()) {
      arguments.add(visit(argument));
    }
    try {
      return Functions.check(function, arguments);
    } catch (IllegalArgumentException e) {
      throw type(e.getMessage(), node);
    }
  }

  private ValueType predicateCall(Node.Call node) {
    String function = node.function();
    Node collectionNode = node.arguments().get(0);
    ValueType collection = visit(collectionNode);
    if (!collection.is(Kind.ARRAY) && !collection.isUnknown()) {
      throw type("builtin " + function + " takes only array (got " + collection + ")", collectionNode);
    }
    ValueType element = collection.elementOrUnknown();
    if (node.arguments().size() == 1) {
      // count(list) counts true elements; sum(list) adds them up
      return function.equals("count") ? ValueType.INT : element;
    }
    Node predicate = node.arguments().get(1);
    elements.push(element);
    ValueType out;
    try {
      out = visit(predicate);
    } finally {
      elements.pop();
    }
    return switch (function) {
      case "map" -> ValueType.arrayOf(out);
      case "sum" -> out;
      default -> {
        if (!out.is(Kind.BOOL) && !out.isUnknown()) {
          throw type("predicate should return boolean (got " + out + ")", predicate);
        }
        yield switch (function) {
          case "count" -> ValueType.INT;
          case "filter" -> ValueType.arrayOf(element);
          default -> ValueType.BOOL;
        };
      }
    };
  }

  private static FormulaException type(String message, Node node) {
    return new FormulaException(FormulaProblem.TYPE, message, node.column());
  }

  /** Only for the messages of functions: expr shows an unknown argument as Go's interface type. */
  static String argumentName(ValueType t) {
    return t.isUnknown() ? "interface {}" : t.toString();
  }
}
