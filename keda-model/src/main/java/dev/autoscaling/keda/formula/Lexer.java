package dev.autoscaling.keda.formula;

import dev.autoscaling.keda.formula.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into tokens the way expr's lexer does (v1.17), so that the same text breaks at the same place
 * with the same complaint: words such as {@code and}, {@code not}, {@code let} are operators, {@code ??} and
 * {@code ?.} are single tokens, {@code //} and {@code /* *}{@code /} are comments.
 */
final class Lexer {

  private static final int EOF = -1;

  private final int[] text;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int end;
  private boolean atEof;

  private Lexer(String source) {
    this.text = source.codePoints().toArray();
  }

  static List<Token> tokens(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      int r = next();
      if (r == EOF) {
        // expr places the end-of-input token on the last character
        tokens.add(new Token(Kind.EOF, "", Math.max(end - 1, 0) + 1));
        return;
      }
      if (isSpace(r)) {
        start = end;
      } else if (r == '\'' || r == '"') {
        emit(Kind.STRING, quoted(r));
      } else if (r == '`') {
        emit(Kind.STRING, raw());
      } else if ((r == 'b' || r == 'B') && (peek() == '\'' || peek() == '"')) {
        emit(Kind.BYTES, quoted(next()));
      } else if (r >= '0' && r <= '9') {
        backup();
        number();
      } else if (r == '?') {
        accept(".?");
        emit(Kind.OPERATOR);
      } else if (r == '/') {
        if (accept("/")) {
          lineComment();
        } else if (accept("*")) {
          blockComment();
        } else {
          emit(Kind.OPERATOR);
        }
      } else if (r == '#') {
        pointer();
      } else if (r == '|' || r == ':') {
        accept(Character.toString(r));
        emit(Kind.OPERATOR);
      } else if ("([{)]}".indexOf(r) >= 0) {
        emit(Kind.BRACKET);
      } else if (",;%+-^".indexOf(r) >= 0) {
        emit(Kind.OPERATOR);
      } else if ("&!=*<>".indexOf(r) >= 0) {
        accept("&=*");
        emit(Kind.OPERATOR);
      } else if (r == '.') {
        if (peek() >= '0' && peek() <= '9') {
          backup();
          number();
        } else {
          accept(".");
          emit(Kind.OPERATOR);
        }
      } else if (isAlphanumeric(r)) {
        backup();
        word();
      } else {
        throw error(String.format("unrecognized character: U+%04X '%s'", r, Character.toString(r)));
      }
    }
  }

  private void number() {
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    int beforeDot = end;
    if (accept(".")) {
      if (peek() == '.') {
        end = beforeDot; // 1..2 is a range, not a float
        emit(Kind.NUMBER);
        return;
      }
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(digits);
    }
    if (isAlphanumeric(peek())) {
      next();
      throw error("bad number syntax: \"" + word(start, end) + "\"");
    }
    emit(Kind.NUMBER);
  }

  private void word() {
    while (isAlphanumeric(peek())) {
      next();
    }
    String w = word(start, end);
    switch (w) {
      case "not" -> {
        emit(Kind.OPERATOR);
        // "not in", "not matches", ... are one operator pair in expr
        int save = end;
        while (peek() == ' ') {
          next();
        }
        int wordStart = end;
        while (isAlphanumeric(peek())) {
          next();
        }
        String following = word(wordStart, end);
        if (List.of("in", "matches", "contains", "startsWith", "endsWith").contains(following)) {
          start = wordStart;
          emit(Kind.OPERATOR);
        } else {
          end = save;
          start = save;
        }
      }
      case "in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else" ->
          emit(Kind.OPERATOR);
      default -> emit(Kind.IDENTIFIER);
    }
  }

  private void pointer() {
    accept("#");
    emit(Kind.OPERATOR);
    while (isAlphanumeric(peek())) {
      next();
    }
    if (end > start) {
      emit(Kind.IDENTIFIER);
    }
  }

  private String quoted(int quote) {
    StringBuilder out = new StringBuilder();
    while (true) {
      int c = next();
      if (c == quote) {
        return out.toString();
      }
      if (c == '\n' || c == EOF) {
        throw error("literal not terminated");
      }
      if (c == '\\') {
        int e = next();
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000b');
          case '\\', '\'', '"' -> out.appendCodePoint(e);
          case 'u', 'x' -> {
            int n = e == 'u' ? 4 : 2;
            int value = 0;
            for (int i = 0; i < n; i++) {
              int d = Character.digit(next(), 16);
              if (d < 0) {
                throw error("invalid char escape");
              }
              value = value * 16 + d;
            }
            out.appendCodePoint(value);
          }
          default -> throw error("invalid char escape");
        }
      } else {
        out.appendCodePoint(c);
      }
    }
  }

  private String raw() {
    StringBuilder out = new StringBuilder();
    while (true) {
      int c = next();
      if (c == '`') {
        return out.toString();
      }
      if (c == EOF) {
        throw error("literal not terminated");
      }
      out.appendCodePoint(c);
    }
  }

  private void lineComment() {
    int c;
    do {
      c = next();
    } while (c != EOF && c != '\n');
    start = end;
  }

  private void blockComment() {
    while (true) {
      int c = next();
      if (c == EOF) {
        throw error("unclosed comment");
      }
      if (c == '*' && accept("/")) {
        start = end;
        return;
      }
    }
  }

  private int next() {
    if (end >= text.length) {
      atEof = true;
      return EOF;
    }
    return text[end++];
  }

  private int peek() {
    return end < text.length ? text[end] : EOF;
  }

  private void backup() {
    if (atEof) {
      atEof = false;
    } else if (end > 0) {
      end--;
    }
  }

  private boolean accept(String valid) {
    int p = peek();
    if (p != EOF && valid.indexOf(p) >= 0) {
      next();
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // absorb
    }
  }

  private void emit(Kind kind) {
    emit(kind, word(start, end));
  }

  private void emit(Kind kind, String value) {
    tokens.add(new Token(kind, value, start + 1));
    start = end;
  }

  private String word(int from, int to) {
    return new String(text, from, to - from);
  }

  /** expr reports a lexing error on the character it stopped at (one past the end at end of input). */
  private FormulaException error(String message) {
    return new FormulaException(FormulaProblem.SYNTAX, message, atEof ? end + 1 : end);
  }

  static boolean isAlphabetic(int r) {
    return r == '_' || r == '$' || (r != EOF && Character.isLetter(r));
  }

  static boolean isAlphanumeric(int r) {
    return isAlphabetic(r) || (r != EOF && Character.isDigit(r));
  }

  private static boolean isSpace(int r) {
    return Character.isWhitespace(r) || r == 0x85 || r == 0xA0;
  }
}
