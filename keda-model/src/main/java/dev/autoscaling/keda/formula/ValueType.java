package dev.autoscaling.keda.formula;

/**
 * The static type expr's checker gives an expression, reduced to what formulas can hold. {@link Kind#UNKNOWN} is
 * expr's "unknown nature": what a ternary with branches of different types has, and what expr lets through to be
 * decided at run time.
 */
record ValueType(Kind kind, ValueType element) {

  enum Kind { INT, FLOAT, BOOL, STRING, NIL, ARRAY, UNKNOWN }

  static final ValueType INT = new ValueType(Kind.INT, null);
  static final ValueType FLOAT = new ValueType(Kind.FLOAT, null);
  static final ValueType BOOL = new ValueType(Kind.BOOL, null);
  static final ValueType STRING = new ValueType(Kind.STRING, null);
  static final ValueType NIL = new ValueType(Kind.NIL, null);
  static final ValueType UNKNOWN = new ValueType(Kind.UNKNOWN, null);

  static ValueType arrayOf(ValueType element) {
    return new ValueType(Kind.ARRAY, element);
  }

  boolean isNumber() {
    return kind == Kind.INT || kind == Kind.FLOAT;
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }

  /** The element type of an array, unknown for an array of mixed or unknown elements (and for a non-array). */
  ValueType elementOrUnknown() {
    return element == null ? UNKNOWN : element;
  }

  /** Go's assignability as expr applies it: nil fits only into arrays here; unknown fits nothing statically. */
  boolean assignableTo(ValueType other) {
    if (kind == Kind.NIL) {
      return other.kind == Kind.ARRAY;
    }
    if (isUnknown() || other.isUnknown() || kind != other.kind) {
      return false;
    }
    return kind != Kind.ARRAY || elementOrUnknown().equals(other.elementOrUnknown());
  }

  /** Go's names, as they appear in expr's messages. */
  @Override
  public String toString() {
    return switch (kind) {
      case INT -> "int";
      case FLOAT -> "float64";
      case BOOL -> "bool";
      case STRING -> "string";
      case NIL -> "<nil>";
      case ARRAY -> element == null || element.isUnknown() ? "[]interface {}" : "[]" + element;
      case UNKNOWN -> "unknown";
    };
  }
}
