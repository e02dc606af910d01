package dev.autoscaling.manifest.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/**
 * Strings that YAML readers are tempted to take for something else, and arbitrary ones: the inputs of the round-trip
 * properties. Public so that the facades' tests use the same ones.
 */
public final class YamlStrings {

  /** Every form some YAML 1.1 or 1.2 reader resolves to a number, boolean, null or timestamp, and indicators. */
  public static final List<String> TRICKY = List.of(
      "0x10", "0X1f", "-0x10", "1e3", "1E5", "1e+3", "1.5e-3", "0b101", "-0b1", "1_000", "1__0", "5e10723", "0o17",
      "0O17", "017", "08", "+1", "-1", "+.5", ".5", "-.5", "1.", "1.2.3", "1:20", "190:20:30.15", "-1:20", "1e", "0x",
      ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".iNf", ".nan", ".NaN", ".NAN", "-.nan", "inf", "NaN", "Infinity",
      "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
      "true", "True", "TRUE", "tRue", "false", "FALSE", "null", "Null", "NULL", "nUll", "~", "",
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14T21:59:43Z", "12:30",
      "12:30:45", "<<", "=", "-", "--", "---", "...", "- a", "? a", ": a", "a: b", "a :b", "a #b", "a#b", "#a",
      "&a", "*a", "!a", "!!str", "|", ">", "'a'", "\"a\"", "%a", "@a", "`a", "[a]", "{a: b}", ",a", "a,",
      " lead", "trail ", " ", "\t", "a\tb", "multi\nline", "trailing\n", "\n", "\n\n", "two\n\n", " indented\nnext",
      "cr\rlf", "crlf\r\n", "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "nul\u0000x", "bell\u0007",
      "tab\tline\nbreak", "trailing space \nline", "caf\u00e9", "\u65e5\u672c", "emoji \ud83d\ude00", "500m", "1Gi",
      "30s", "10%", "on-demand", "v1", "keda.sh/v1alpha1", "a: \"b\"", "\\", "'", "\"", "''", "\"\"");

  private YamlStrings() {
  }

  /** The tricky ones, arbitrary text, and the tricky ones with arbitrary text around them. */
  public static Arbitrary<String> strings() {
    Arbitrary<String> tricky = Arbitraries.of(TRICKY);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12)
        .filter(YamlStrings::validUnicode);
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t').ofMaxLength(12);
    Arbitrary<String> mixed = net.jqwik.api.Combinators.combine(tricky, ascii, tricky).as((a, b, c) -> a + b + c);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, tricky), net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(2, ascii),
        net.jqwik.api.Tuple.of(2, mixed));
  }

  /** No lone surrogates: they have no UTF-8 form, so no YAML file can hold them. */
  public static boolean validUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
