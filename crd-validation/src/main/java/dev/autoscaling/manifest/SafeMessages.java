package dev.autoscaling.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser messages with the input's text taken out. SnakeYAML and Jackson quote what they found (a token, a tag, the
 * whole offending line in a snippet), and a manifest's line may carry a password; these keep the parser's
 * explanation and the place, and drop every fragment of the input longer than one character.
 */
final class SafeMessages {

  /** A quoted fragment: kept when it is a parser token name ({@code '<block end>'}) or a single character. */
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  /** SnakeYAML messages that end with input text, cut before it. */
  private static final Pattern TRAILING_INPUT = Pattern.compile(
      "(found undefined tag handle|found unknown escape character|found a number which cannot represent a valid"
          + " version|expected URI[^,]*|expected URI escape sequence[^,]*|expected escape sequence of [0-9]+"
          + " hexadecimal numbers|expected alphabetic or numeric character|found unknown directive name|expected"
          + " a comment or a line break|found duplicate YAML directive|expected chomping or indentation indicators"
          + "|expected a digit[^,]*)(,? but found)?.*",
      Pattern.DOTALL);

  private SafeMessages() {
  }

  /** {@code not valid YAML: <problem> (while <context> started at line N)}, input fragments removed. */
  static String yaml(String context, String problem, int contextLine) {
    StringBuilder message = new StringBuilder("not valid YAML: ").append(clean(problem));
    if (context != null && !context.isBlank()) {
      message.append(" (").append(clean(context)).append(contextLine > 0 ? " that starts at line " + contextLine : "")
          .append(')');
    }
    return message.toString();
  }

  /** {@code not valid JSON: <problem>}, input fragments removed. */
  static String json(String problem) {
    return "not valid JSON: " + clean(problem);
  }

  static String clean(String text) {
    if (text == null) {
      return "syntax error";
    }
    String firstLine = text.strip();
    int newline = firstLine.indexOf('\n');
    if (newline >= 0) {
      firstLine = firstLine.substring(0, newline);
    }
    int source = firstLine.indexOf(" at [Source:");
    if (source >= 0) {
      firstLine = firstLine.substring(0, source);
    }
    Matcher trailing = TRAILING_INPUT.matcher(firstLine);
    if (trailing.find()) {
      firstLine = firstLine.substring(0, trailing.start()) + trailing.group(1);
    }
    Matcher quoted = QUOTED.matcher(firstLine);
    StringBuilder out = new StringBuilder();
    while (quoted.find()) {
      String inner = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      boolean token = inner.startsWith("<") && inner.endsWith(">") && inner.chars().allMatch(
          c -> c == '<' || c == '>' || c == ' ' || Character.isLetter(c));
      boolean keep = token || inner.codePointCount(0, inner.length()) <= 1
          || inner.equals("null") || inner.equals("true") || inner.equals("false");
      quoted.appendReplacement(out, Matcher.quoteReplacement(keep ? quoted.group() : "(text)"));
    }
    quoted.appendTail(out);
    String result = out.toString().strip();
    return result.length() > 200 ? result.substring(0, 200) + "..." : result;
  }
}
