package dev.autoscaling.keda.formula;

import java.util.List;

/** The syntax tree of a formula. {@code column} is where expr would point an error about the node. */
sealed interface Node {

  int column();

  /** A number (Long or Double), boolean, string or nil (null). */
  record Literal(Object value, int column) implements Node {
  }

  /** A variable: a trigger's metric, or a name bound by {@code let}. */
  record Name(String name, int column) implements Node {
  }

  /** {@code #}: the element a predicate ({@code count(list, {# > 1})}) is looking at. */
  record Element(int column) implements Node {
  }

  record Unary(String operator, Node operand, int column) implements Node {
  }

  record Binary(String operator, Node left, Node right, int column) implements Node {
  }

  /** {@code c ? a : b}, {@code c ?: b} and {@code if c { a } else { b }}. */
  record Conditional(Node condition, Node then, Node otherwise, int column) implements Node {
  }

  /** A built-in function; predicates appear among the arguments as {@link Predicate}. */
  record Call(String function, List<Node> arguments, int column) implements Node {
  }

  record ArrayLiteral(List<Node> items, int column) implements Node {
  }

  /** The {@code {...}} body given to count, all, any, none, one, filter, map and sum. */
  record Predicate(Node body, int column) implements Node {
  }

  /** {@code let name = value; body}. */
  record Let(String name, Node value, Node body, int column) implements Node {
  }

  /** {@code a; b}: the value of the last. */
  record Sequence(List<Node> nodes, int column) implements Node {
  }
}
