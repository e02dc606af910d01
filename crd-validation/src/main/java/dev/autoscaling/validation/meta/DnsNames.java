package dev.autoscaling.validation.meta;

/**
 * apimachinery's name formats, matched by hand: exactly the strings {@link ObjectMetadata}'s regular expressions
 * ({@code LABEL_FORMAT}, {@code SUBDOMAIN_FORMAT}, {@code KEY_NAME_FORMAT}, {@code LABEL_VALUE_FORMAT}) match.
 *
 * <p>Why: every object's name is checked, and a regular-expression match (a matcher, its state, backtracking over
 * each dot-separated part) was an eighth of validating a NodePool; one pass over the characters costs a fraction.
 */
final class DnsNames {

  private DnsNames() {
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} */
  static boolean isLabel(String value) {
    return isLabel(value, 0, value.length());
  }

  /** {@code LABEL(\.LABEL)*}: labels separated by single dots. */
  static boolean isSubdomain(String value) {
    int start = 0;
    for (int dot = value.indexOf('.'); dot >= 0; dot = value.indexOf('.', start)) {
      if (!isLabel(value, start, dot)) {
        return false;
      }
      start = dot + 1;
    }
    return isLabel(value, start, value.length());
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
  static boolean isKeyName(String value) {
    int end = value.length();
    if (end == 0 || !isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(end - 1))) {
      return false;
    }
    for (int i = 1; i < end - 1; i++) {
      char c = value.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** {@code (KEY_NAME)?}: empty, or a key name. */
  static boolean isLabelValue(String value) {
    return value.isEmpty() || isKeyName(value);
  }

  private static boolean isLabel(String value, int start, int end) {
    if (end <= start || !isLowerAlphanumeric(value.charAt(start)) || !isLowerAlphanumeric(value.charAt(end - 1))) {
      return false;
    }
    for (int i = start + 1; i < end - 1; i++) {
      char c = value.charAt(i);
      if (!isLowerAlphanumeric(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isAlphanumeric(char c) {
    return isLowerAlphanumeric(c) || c >= 'A' && c <= 'Z';
  }
}
