package dev.autoscaling.manifest;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which strings {@link Manifests#toYaml} must quote so that every YAML reader reads them back as the same strings:
 * YAML 1.1 readers (go-yaml v2 in kubectl, SnakeYAML, PyYAML) and YAML 1.2 readers (core and JSON schemas,
 * snakeyaml-engine) resolve plain scalars differently, so a string is quoted when any of them would take it for
 * something else. Numbers in every base and notation ({@code 0x10}, {@code 0o17}, {@code 017}, {@code 0b101},
 * {@code 1_000}, {@code 1e3}, {@code .5}, {@code +1}, sexagesimal {@code 1:20}), {@code .inf} and {@code .nan} in any
 * case, booleans ({@code yes}, {@code on}, {@code y} in any case), nulls ({@code ~}, {@code null}, the empty string),
 * dates and times, the merge key {@code <<}; keys too. What stays plain ({@code 500m}, {@code 1Gi}, {@code 30s},
 * {@code on-demand}) reads back as text everywhere.
 */
final class YamlQuoting extends StringQuotingChecker {

  private static final long serialVersionUID = 1L;

  static final YamlQuoting INSTANCE = new YamlQuoting();

  /** Words some YAML version resolves to a boolean or null, compared in lower case. */
  private static final Set<String> WORDS = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
      "<<", "=");
  /**
   * After an optional sign: decimal, octal, sexagesimal and float forms with underscores (1.1), exponents with or
   * without a sign (1.2), several dots (the 1.1 specification's float pattern), base prefixes in either case (Go),
   * {@code .inf}/{@code .nan} in any case.
   */
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(?:[0-9_][0-9_:]*(?:\\.[0-9_.]*)?(?:[eE][-+]?[0-9_]*)?"
          + "|\\.[0-9_][0-9_.]*(?:[eE][-+]?[0-9_]*)?"
          + "|0[bBoOxX][0-9a-fA-F_]*"
          + "|(?i:\\.inf|\\.nan|inf|nan|infinity))");
  /** A YAML 1.1 timestamp starts with a date: quote anything that does. */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*", Pattern.DOTALL);

  @Override
  public boolean needToQuoteName(String name) {
    return needsQuotes(name) || Default.instance().needToQuoteName(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return needsQuotes(value) || Default.instance().needToQuoteValue(value);
  }

  /** Whether a plain scalar with this text could be read as anything but this string. */
  static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    char first = text.charAt(0);
    char last = text.charAt(text.length() - 1);
    if (Character.isWhitespace(first) || Character.isWhitespace(last) || "-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0
        || text.contains(": ") || text.contains(" #") || last == ':') {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
          || Character.isSurrogate(c) && !validPair(text, i)) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    if (text.length() <= 5 && WORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return true;
    }
    boolean numeric = first >= '0' && first <= '9' || first == '+' || first == '.' || first == 'i' || first == 'I'
        || first == 'n' || first == 'N';
    return numeric && (NUMBER.matcher(text).matches() || DATE.matcher(text).matches());
  }

  private static boolean validPair(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }
}
