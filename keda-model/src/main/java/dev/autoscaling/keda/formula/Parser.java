package dev.autoscaling.keda.formula;

import dev.autoscaling.keda.formula.Token.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * expr's grammar (v1.17), by precedence climbing with expr's own table, so a formula groups as KEDA groups it:
 * {@code ??} binds tightest and may not be mixed with other operators without parentheses, unary minus binds
 * looser than {@code **}, comparisons chain ({@code a < b < c} is {@code a < b && b < c}), the ternary is only
 * parsed at the top of an expression. Parts of expr a scaling formula has no use for (members, maps, strings
 * functions, ranges, pipes) stop the parse with {@link FormulaProblem#NOT_COVERED} rather than a false error.
 */
final class Parser {

  private record Operator(int precedence, boolean rightAssociative) {
  }

  private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);

  private static final Map<String, Operator> BINARY = Map.ofEntries(
      Map.entry("|", new Operator(0, false)),
      Map.entry("or", new Operator(10, false)), Map.entry("||", new Operator(10, false)),
      Map.entry("and", new Operator(15, false)), Map.entry("&&", new Operator(15, false)),
      Map.entry("==", new Operator(20, false)), Map.entry("!=", new Operator(20, false)),
      Map.entry("<", new Operator(20, false)), Map.entry(">", new Operator(20, false)),
      Map.entry(">=", new Operator(20, false)), Map.entry("<=", new Operator(20, false)),
      Map.entry("in", new Operator(20, false)), Map.entry("matches", new Operator(20, false)),
      Map.entry("contains", new Operator(20, false)), Map.entry("startsWith", new Operator(20, false)),
      Map.entry("endsWith", new Operator(20, false)),
      Map.entry("..", new Operator(25, false)),
      Map.entry("+", new Operator(30, false)), Map.entry("-", new Operator(30, false)),
      Map.entry("*", new Operator(60, false)), Map.entry("/", new Operator(60, false)),
      Map.entry("%", new Operator(60, false)),
      Map.entry("**", new Operator(100, true)), Map.entry("^", new Operator(100, true)),
      Map.entry("??", new Operator(500, false)));

  private static final Set<String> COMPARISONS = Set.of("<", ">", "<=", ">=");
  private static final Set<String> UNCOVERED_OPERATORS = Set.of("|", "in", "matches", "contains", "startsWith",
      "endsWith", "..");

  /** Built-ins whose second argument is a predicate, with whether it may be left out. */
  private static final Map<String, Boolean> PREDICATE_FUNCTIONS = Map.of("all", false, "none", false, "any", false,
      "one", false, "filter", false, "map", false, "count", true, "sum", true);

  /** Built-ins of expr v1.17.8 this checker does not model: calling one is not an unknown name. */
  static final Set<String> UNCOVERED_FUNCTIONS = Set.of("find", "findIndex", "findLast", "findLastIndex", "groupBy",
      "sortBy", "reduce", "type", "string", "trim", "trimPrefix", "trimSuffix", "upper", "lower", "split",
      "splitAfter", "replace", "repeat", "join", "indexOf", "lastIndexOf", "hasPrefix", "hasSuffix", "toJSON",
      "fromJSON", "toBase64", "fromBase64", "now", "duration", "date", "timezone", "first", "last", "get", "take",
      "keys", "values", "toPairs", "fromPairs", "reverse", "uniq", "concat", "flatten", "sort", "bitand", "bitor",
      "bitxor", "bitnand", "bitnot", "bitshl", "bitshr", "bitushr");

  /**
   * How deep a formula may nest, in parentheses or operators, for the SDK to check it: checking and evaluating walk
   * the tree a stack frame per level. Metric formulas nest a few levels; deeper ones are left to KEDA.
   */
  static final int MAX_NESTING = 500;

  private final List<Token> tokens;
  private int position;
  private int predicateDepth;
  private int nesting;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Node parse(String source) {
    Parser parser = new Parser(Lexer.tokens(source));
    Node node = parser.sequence();
    if (!parser.current().is(Kind.EOF)) {
      throw parser.unexpected();
    }
    if (depth(node) > MAX_NESTING) {
      throw tooDeep(node.column()); // a long chain like a + b + c + ... nests without any parenthesis
    }
    return node;
  }

  /** The depth of the tree, found without recursion. */
  private static int depth(Node root) {
    int deepest = 0;
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {root, 1});
    while (!pending.isEmpty()) {
      Object[] next = pending.pop();
      int depth = (Integer) next[1];
      deepest = Math.max(deepest, depth);
      for (Node child : children((Node) next[0])) {
        pending.push(new Object[] {child, depth + 1});
      }
    }
    return deepest;
  }

  private static List<Node> children(Node node) {
    if (node instanceof Node.Unary u) {
      return List.of(u.operand());
    } else if (node instanceof Node.Binary b) {
      return List.of(b.left(), b.right());
    } else if (node instanceof Node.Conditional c) {
      return java.util.Arrays.asList(c.condition(), c.then(), c.otherwise()).stream()
          .filter(java.util.Objects::nonNull).toList();
    } else if (node instanceof Node.Call c) {
      return c.arguments();
    } else if (node instanceof Node.ArrayLiteral a) {
      return a.items();
    } else if (node instanceof Node.Predicate p) {
      return List.of(p.body());
    } else if (node instanceof Node.Let l) {
      return List.of(l.value(), l.body());
    } else if (node instanceof Node.Sequence s) {
      return s.nodes();
    }
    return List.of();
  }

  private static FormulaException tooDeep(int column) {
    return new FormulaException(FormulaProblem.NOT_COVERED, "the formula nests more than " + MAX_NESTING
        + " levels deep, more than this SDK's formula check follows (KEDA itself may accept it)", column);
  }

  private Node sequence() {
    List<Node> nodes = new ArrayList<>();
    nodes.add(expression(0));
    while (current().is(Kind.OPERATOR, ";")) {
      next();
      if (current().is(Kind.EOF)) {
        break;
      }
      nodes.add(expression(0));
    }
    return nodes.size() == 1 ? nodes.get(0) : new Node.Sequence(List.copyOf(nodes), nodes.get(0).column());
  }

  private Node expression(int precedence) {
    if (++nesting > MAX_NESTING) {
      throw tooDeep(current().column());
    }
    try {
      return expressionWithin(precedence);
    } finally {
      nesting--;
    }
  }

  private Node expressionWithin(int precedence) {
    if (precedence == 0 && current().is(Kind.OPERATOR, "let")) {
      return let();
    }
    if (precedence == 0 && current().is(Kind.OPERATOR, "if")) {
      return ifElse();
    }
    Node left = primary();
    String previous = "";
    while (current().is(Kind.OPERATOR)) {
      Token operator = current();
      if (operator.is(Kind.OPERATOR, "not")) {
        Token following = peek();
        if (following.is(Kind.OPERATOR) && UNCOVERED_OPERATORS.contains(following.value())) {
          throw notCovered("the operator not " + following.value(), operator);
        }
        next();
        throw unexpected();
      }
      Operator op = BINARY.get(operator.value());
      if (op == null || op.precedence() < precedence) {
        break;
      }
      next();
      if (UNCOVERED_OPERATORS.contains(operator.value())) {
        throw notCovered("the operator " + operator.value(), operator);
      }
      if (previous.equals("??") && !operator.value().equals("??")) {
        throw new FormulaException(FormulaProblem.SYNTAX, "Operator (" + operator.value() + ") and coalesce"
            + " expressions (??) cannot be mixed. Wrap either by parentheses.", operator.column());
      }
      if (COMPARISONS.contains(operator.value())) {
        left = comparison(left, operator, op.precedence());
      } else {
        Node right = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
        left = new Node.Binary(operator.value(), left, right, operator.column());
      }
      previous = operator.value();
    }
    if (precedence == 0) {
      left = conditional(left);
    }
    return left;
  }

  /** {@code a < b <= c} means {@code a < b && b <= c}, as in expr. */
  private Node comparison(Node left, Token operator, int precedence) {
    Node root = null;
    while (true) {
      Node right = expression(precedence + 1);
      Node comparison = new Node.Binary(operator.value(), left, right, operator.column());
      root = root == null ? comparison : new Node.Binary("&&", root, comparison, operator.column());
      left = right;
      operator = current();
      if (!(operator.is(Kind.OPERATOR) && COMPARISONS.contains(operator.value()))) {
        return root;
      }
      next();
    }
  }

  private Node conditional(Node node) {
    while (current().is(Kind.OPERATOR, "?")) {
      next();
      Node then;
      Node otherwise;
      if (!current().is(Kind.OPERATOR, ":")) {
        then = expression(0);
        expect(Kind.OPERATOR, ":");
        otherwise = expression(0);
      } else {
        next();
        then = node; // the short form c ?: b
        otherwise = expression(0);
      }
      node = new Node.Conditional(node, then, otherwise, node.column());
    }
    return node;
  }

  private Node let() {
    next();
    Token name = current();
    expect(Kind.IDENTIFIER);
    expect(Kind.OPERATOR, "=");
    Node value = expression(0);
    expect(Kind.OPERATOR, ";");
    Node body = sequence();
    return new Node.Let(name.value(), value, body, name.column());
  }

  private Node ifElse() {
    Token token = current();
    next();
    Node condition = expression(0);
    expect(Kind.BRACKET, "{");
    Node then = sequence();
    expect(Kind.BRACKET, "}");
    expect(Kind.OPERATOR, "else");
    Node otherwise;
    if (current().is(Kind.OPERATOR, "if")) {
      otherwise = ifElse();
    } else {
      expect(Kind.BRACKET, "{");
      otherwise = sequence();
      expect(Kind.BRACKET, "}");
    }
    return new Node.Conditional(condition, then, otherwise, token.column());
  }

  private Node primary() {
    Token token = current();
    if (token.is(Kind.OPERATOR) && UNARY.containsKey(token.value())) {
      next();
      Node operand = expression(UNARY.get(token.value()));
      return postfix(new Node.Unary(token.value(), operand, token.column()));
    }
    if (token.is(Kind.BRACKET, "(")) {
      next();
      Node inner = sequence();
      expect(Kind.BRACKET, ")");
      return postfix(inner);
    }
    if (predicateDepth > 0 && token.is(Kind.OPERATOR, "#")) {
      next();
      if (current().is(Kind.IDENTIFIER)) {
        throw notCovered("the predicate variable #" + current().value(), token);
      }
      return postfix(new Node.Element(token.column()));
    }
    if (predicateDepth > 0 && token.is(Kind.OPERATOR, ".")) {
      throw notCovered("member access", token);
    }
    if (token.is(Kind.OPERATOR, "::")) {
      throw notCovered("the operator ::", token);
    }
    return secondary();
  }

  private Node secondary() {
    Token token = current();
    Node node;
    switch (token.kind()) {
      case IDENTIFIER -> {
        next();
        node = switch (token.value()) {
          case "true" -> new Node.Literal(Boolean.TRUE, token.column());
          case "false" -> new Node.Literal(Boolean.FALSE, token.column());
          case "nil" -> new Node.Literal(null, token.column());
          default -> current().is(Kind.BRACKET, "(") ? call(token)
              : new Node.Name(token.value(), token.column());
        };
        if (node instanceof Node.Literal) {
          return node; // expr returns literals without looking for members
        }
      }
      case NUMBER -> {
        next();
        return new Node.Literal(number(token), token.column());
      }
      case STRING -> {
        next();
        node = new Node.Literal(token.value(), token.column());
      }
      case BYTES -> throw notCovered("bytes literals", token);
      default -> {
        if (token.is(Kind.BRACKET, "[")) {
          node = array();
        } else if (token.is(Kind.BRACKET, "{")) {
          throw notCovered("map literals", token);
        } else {
          throw unexpected();
        }
      }
    }
    return postfix(node);
  }

  private static Object number(Token token) {
    String value = token.value().replace("_", "");
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.startsWith("0x")) {
        return Long.parseLong(value.substring(2), 16);
      } else if (lower.contains(".") || lower.contains("e")) {
        return Double.parseDouble(value);
      } else if (lower.startsWith("0b")) {
        return Long.parseLong(value.substring(2), 2);
      } else if (lower.startsWith("0o")) {
        return Long.parseLong(value.substring(2), 8);
      }
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new FormulaException(FormulaProblem.SYNTAX, "invalid number literal: " + token.value(), token.column());
    }
  }

  private Node call(Token name) {
    String function = name.value();
    if (UNCOVERED_FUNCTIONS.contains(function)) {
      throw notCovered("the function " + function + "()", name);
    }
    List<Node> arguments = new ArrayList<>();
    if (PREDICATE_FUNCTIONS.containsKey(function)) {
      boolean optional = PREDICATE_FUNCTIONS.get(function);
      expect(Kind.BRACKET, "(");
      if (current().is(Kind.BRACKET, ")")) {
        throw error("expected at least 2 arguments");
      }
      arguments.add(expression(0));
      if (!(optional && current().is(Kind.BRACKET, ")"))) {
        if (current().is(Kind.BRACKET, ")")) {
          throw error("expected at least 2 arguments");
        }
        expect(Kind.OPERATOR, ",");
        arguments.add(predicate());
      }
      if (current().is(Kind.OPERATOR, ",")) {
        next();
      }
      expect(Kind.BRACKET, ")");
    } else {
      expect(Kind.BRACKET, "(");
      arguments.addAll(commaSeparated(")"));
    }
    return new Node.Call(function, List.copyOf(arguments), name.column());
  }

  private Node predicate() {
    Token start = current();
    boolean braces = start.is(Kind.BRACKET, "{");
    if (braces) {
      next();
    }
    predicateDepth++;
    Node body;
    if (braces) {
      body = sequence();
    } else {
      body = expression(0);
      if (current().is(Kind.OPERATOR, ";")) {
        throw error("wrap predicate with brackets { and }");
      }
    }
    predicateDepth--;
    if (braces) {
      expect(Kind.BRACKET, "}");
    }
    return new Node.Predicate(body, start.column());
  }

  private Node array() {
    Token open = current();
    next();
    return new Node.ArrayLiteral(commaSeparated("]"), open.column());
  }

  /** Expressions up to and including the closing bracket; a trailing comma is allowed, as in expr. */
  private List<Node> commaSeparated(String close) {
    List<Node> items = new ArrayList<>();
    while (!current().is(Kind.BRACKET, close)) {
      if (!items.isEmpty()) {
        expect(Kind.OPERATOR, ",");
        if (current().is(Kind.BRACKET, close)) {
          break;
        }
      }
      items.add(expression(0));
    }
    expect(Kind.BRACKET, close);
    return List.copyOf(items);
  }

  /** Member access, indexing and slicing follow a value in expr; none of them is modelled here. */
  private Node postfix(Node node) {
    Token token = current();
    if (token.is(Kind.OPERATOR, ".", "?.")) {
      throw notCovered("member access (" + token.value() + ")", token);
    }
    if (token.is(Kind.BRACKET, "[")) {
      throw notCovered("indexing and slicing ([...])", token);
    }
    return node;
  }

  private Token current() {
    return tokens.get(position);
  }

  private Token peek() {
    return tokens.get(Math.min(position + 1, tokens.size() - 1));
  }

  private void next() {
    if (current().is(Kind.EOF)) {
      throw new FormulaException(FormulaProblem.SYNTAX, "unexpected end of expression", current().column());
    }
    position++;
  }

  private void expect(Kind kind, String... values) {
    if (!current().is(kind, values)) {
      throw unexpected();
    }
    next();
  }

  private FormulaException unexpected() {
    return error("unexpected token " + current());
  }

  private FormulaException error(String message) {
    return new FormulaException(FormulaProblem.SYNTAX, message, current().column());
  }

  private static FormulaException notCovered(String what, Token token) {
    return new FormulaException(FormulaProblem.NOT_COVERED, "the formula uses " + what + ", which this SDK's"
        + " formula check does not model (KEDA itself may accept it)", token.column());
  }
}
