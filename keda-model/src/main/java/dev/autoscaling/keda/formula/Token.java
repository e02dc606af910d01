package dev.autoscaling.keda.formula;

/** One lexical token; {@code column} is 1-based and counts characters (code points), as expr does. */
record Token(Kind kind, String value, int column) {

  enum Kind { IDENTIFIER, NUMBER, STRING, BYTES, OPERATOR, BRACKET, EOF }

  boolean is(Kind k, String... values) {
    if (kind != k) {
      return false;
    }
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return values.length == 0;
  }

  /** As expr prints a token in "unexpected token" errors: {@code Operator("+")}, {@code EOF}. */
  @Override
  public String toString() {
    String name = switch (kind) {
      case IDENTIFIER -> "Identifier";
      case NUMBER -> "Number";
      case STRING -> "String";
      case BYTES -> "Bytes";
      case OPERATOR -> "Operator";
      case BRACKET -> "Bracket";
      case EOF -> "EOF";
    };
    return value.isEmpty() ? name : name + "(\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
  }
}
