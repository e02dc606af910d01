package dev.autoscaling.validation.schema;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema pattern of the form {@code ^...$} over ASCII literals and classes, compiled to a deterministic automaton:
 * such patterns (label keys, quantities, durations) are most of what CRDs declare, and RE2J answers them with a
 * simulated NFA that costs far more per character than one table lookup. The automaton decides exactly what RE2
 * decides: both ends are anchored, so a search is a whole-string match, and every character the pattern accepts is
 * ASCII, so a string with any other character (or surrogate) matches neither. Any pattern outside this subset
 * ({@code .}, negated or POSIX classes, flags, anchors elsewhere, large repeats) gets no automaton and stays with RE2J.
 */
final class AnchoredPattern {

  /** Characters 0..127 each have a column; every other character shares the last, which never leads anywhere. */
  private static final int COLUMNS = 129;
  private static final int MAX_STATES = 512;
  private static final int MAX_REPEAT = 64;

  /** Transitions by state * COLUMNS + column; -1 is the dead state. */
  private final int[] next;
  private final boolean[] accepting;

  private AnchoredPattern(int[] next, boolean[] accepting) {
    this.next = next;
    this.accepting = accepting;
  }

  /** The automaton for a pattern, or null when the pattern is outside the subset it decides like RE2. */
  static @Nullable AnchoredPattern compile(String pattern) {
    if (pattern.length() < 2 || pattern.charAt(0) != '^' || pattern.charAt(pattern.length() - 1) != '$'
        || pattern.charAt(pattern.length() - 2) == '\\') {
      return null;
    }
    try {
      Parser parser = new Parser(pattern, 1, pattern.length() - 1);
      // a sequence, not an alternation: in ^a|b$ each anchor belongs to one side only
      Node body = parser.sequence();
      if (parser.at != parser.end) {
        return null; // a top-level '|' or an unbalanced ')'
      }
      Nfa nfa = new Nfa();
      int[] fragment = nfa.build(body);
      return nfa.determinise(fragment[0], fragment[1]);
    } catch (Unsupported e) {
      return null;
    }
  }

  /** Whether the whole text matches. */
  boolean matches(String text) {
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      state = next[state * COLUMNS + (c < 128 ? c : 128)];
      if (state < 0) {
        return false;
      }
    }
    return accepting[state];
  }

  /**
   * A string the automaton accepts, by a random walk (or null when the walk ends nowhere): for the test that compares
   * it with RE2J, which needs matching strings as much as rejected ones.
   */
  @Nullable String example(java.util.Random random) {
    StringBuilder text = new StringBuilder();
    int state = 0;
    while (!(accepting[state] && (random.nextInt(4) == 0 || text.length() > 40))) {
      int[] choices = new int[128];
      int count = 0;
      for (int c = 0; c < 128; c++) {
        if (next[state * COLUMNS + c] >= 0) {
          choices[count++] = c;
        }
      }
      if (count == 0 || text.length() > 200) {
        return accepting[state] ? text.toString() : null;
      }
      char c = (char) choices[random.nextInt(count)];
      text.append(c);
      state = next[state * COLUMNS + c];
    }
    return text.toString();
  }

  /** Thrown by the parser for syntax outside the subset: the caller then keeps RE2J. */
  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private sealed interface Node permits Chars, Seq, Alt, Repeat {
  }

  /** One character out of a set of ASCII characters. */
  private record Chars(BitSet set) implements Node {
  }

  private record Seq(List<Node> items) implements Node {
  }

  private record Alt(List<Node> options) implements Node {
  }

  /** {@code max} -1: unbounded. */
  private record Repeat(Node item, int min, int max) implements Node {
  }

  private static final class Parser {
    private final String p;
    private int at;
    private final int end;

    Parser(String pattern, int start, int end) {
      this.p = pattern;
      this.at = start;
      this.end = end;
    }

    Node alternation() throws Unsupported {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (at < end && p.charAt(at) == '|') {
        at++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node sequence() throws Unsupported {
      List<Node> items = new ArrayList<>();
      while (at < end && p.charAt(at) != '|' && p.charAt(at) != ')') {
        items.add(quantified(atom()));
      }
      return new Seq(items);
    }

    private Node quantified(Node atom) throws Unsupported {
      if (at >= end) {
        return atom;
      }
      char c = p.charAt(at);
      Node result;
      if (c == '*') {
        at++;
        result = new Repeat(atom, 0, -1);
      } else if (c == '+') {
        at++;
        result = new Repeat(atom, 1, -1);
      } else if (c == '?') {
        at++;
        result = new Repeat(atom, 0, 1);
      } else if (c == '{') {
        at++;
        int min = number();
        int max = min;
        if (at < end && p.charAt(at) == ',') {
          at++;
          max = at < end && p.charAt(at) == '}' ? -1 : number();
        }
        if (at >= end || p.charAt(at) != '}' || max != -1 && max < min) {
          throw new Unsupported();
        }
        at++;
        result = new Repeat(atom, min, max);
      } else {
        return atom;
      }
      if (at < end && "*+?{".indexOf(p.charAt(at)) >= 0) {
        throw new Unsupported(); // non-greedy or nested repetition: left to RE2J
      }
      return result;
    }

    private int number() throws Unsupported {
      int start = at;
      while (at < end && p.charAt(at) >= '0' && p.charAt(at) <= '9' && at - start < 3) {
        at++;
      }
      if (at == start) {
        throw new Unsupported();
      }
      int value = Integer.parseInt(p, start, at, 10);
      if (value > MAX_REPEAT) {
        throw new Unsupported();
      }
      return value;
    }

    private Node atom() throws Unsupported {
      char c = p.charAt(at++);
      switch (c) {
        case '(' -> {
          if (at < end && p.charAt(at) == '?') {
            if (at + 1 < end && p.charAt(at + 1) == ':') {
              at += 2;
            } else {
              throw new Unsupported(); // flags and named groups
            }
          }
          Node inner = alternation();
          if (at >= end || p.charAt(at) != ')') {
            throw new Unsupported();
          }
          at++;
          return inner;
        }
        case '[' -> {
          return charClass();
        }
        case '\\' -> {
          BitSet set = new BitSet(128);
          escape(set);
          return new Chars(set);
        }
        case '.', '^', '$', '*', '+', '?', '{', '}', ']', ')' -> throw new Unsupported();
        default -> {
          return single(c);
        }
      }
    }

    private Node single(char c) throws Unsupported {
      if (c >= 128) {
        throw new Unsupported();
      }
      BitSet set = new BitSet(128);
      set.set(c);
      return new Chars(set);
    }

    /** After a backslash: escaped ASCII punctuation, or \d, \w, \s as RE2 defines them (ASCII only). */
    private void escape(BitSet set) throws Unsupported {
      if (at >= end) {
        throw new Unsupported();
      }
      char c = p.charAt(at++);
      switch (c) {
        case 'd' -> set.set('0', '9' + 1);
        case 'w' -> {
          set.set('0', '9' + 1);
          set.set('A', 'Z' + 1);
          set.set('a', 'z' + 1);
          set.set('_');
        }
        case 's' -> {
          set.set('\t');
          set.set('\n');
          set.set('\f');
          set.set('\r');
          set.set(' ');
        }
        default -> {
          if (c >= 128 || Character.isLetterOrDigit(c) || c < ' ') {
            throw new Unsupported();
          }
          set.set(c);
        }
      }
    }

    private Node charClass() throws Unsupported {
      BitSet set = new BitSet(128);
      if (at >= end || p.charAt(at) == '^' || p.charAt(at) == ']') {
        throw new Unsupported();
      }
      while (true) {
        if (at >= end) {
          throw new Unsupported();
        }
        char c = p.charAt(at++);
        if (c == ']') {
          return new Chars(set);
        }
        if (c == '[' || c >= 128) {
          throw new Unsupported();
        }
        if (c == '\\') {
          if (at < end && "dws".indexOf(p.charAt(at)) >= 0) {
            escape(set);
            continue;
          }
          if (at >= end) {
            throw new Unsupported();
          }
          c = p.charAt(at++);
          if (c >= 128 || Character.isLetterOrDigit(c) || c < ' ') {
            throw new Unsupported();
          }
        }
        if (at + 1 < end && p.charAt(at) == '-' && p.charAt(at + 1) != ']') {
          char last = p.charAt(at + 1);
          if (last == '\\' || last == '[' || last >= 128 || last < c) {
            throw new Unsupported();
          }
          at += 2;
          set.set(c, last + 1);
        } else {
          set.set(c);
        }
      }
    }
  }

  /** A Thompson automaton: per state, at most one character transition and any number of empty ones. */
  private static final class Nfa {
    private final List<BitSet> charSets = new ArrayList<>();
    private final List<Integer> charTargets = new ArrayList<>();
    private final List<List<Integer>> empty = new ArrayList<>();

    private int state() throws Unsupported {
      if (charSets.size() >= 4096) {
        throw new Unsupported();
      }
      charSets.add(null);
      charTargets.add(-1);
      empty.add(new ArrayList<>(2));
      return charSets.size() - 1;
    }

    /** The fragment's start and end states. */
    int[] build(Node node) throws Unsupported {
      int start = state();
      int end = state();
      if (node instanceof Chars chars) {
        charSets.set(start, chars.set());
        charTargets.set(start, end);
      } else if (node instanceof Seq seq) {
        int current = start;
        for (Node item : seq.items()) {
          int[] part = build(item);
          empty.get(current).add(part[0]);
          current = part[1];
        }
        empty.get(current).add(end);
      } else if (node instanceof Alt alt) {
        for (Node option : alt.options()) {
          int[] part = build(option);
          empty.get(start).add(part[0]);
          empty.get(part[1]).add(end);
        }
      } else if (node instanceof Repeat repeat) {
        int current = start;
        for (int i = 0; i < repeat.min(); i++) {
          int[] part = build(repeat.item());
          empty.get(current).add(part[0]);
          current = part[1];
        }
        if (repeat.max() < 0) {
          int[] part = build(repeat.item());
          empty.get(current).add(part[0]);
          empty.get(part[1]).add(current);
        } else {
          for (int i = repeat.min(); i < repeat.max(); i++) {
            int[] part = build(repeat.item());
            empty.get(current).add(part[0]);
            empty.get(current).add(end);
            current = part[1];
          }
        }
        empty.get(current).add(end);
      }
      return new int[] {start, end};
    }

    private BitSet closure(BitSet states) {
      BitSet result = (BitSet) states.clone();
      int[] stack = states.stream().toArray();
      int top = stack.length;
      stack = java.util.Arrays.copyOf(stack, Math.max(16, charSets.size() * 2));
      while (top > 0) {
        int s = stack[--top];
        for (int target : empty.get(s)) {
          if (!result.get(target)) {
            result.set(target);
            if (top == stack.length) {
              stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = target;
          }
        }
      }
      return result;
    }

    AnchoredPattern determinise(int start, int accept) throws Unsupported {
      Map<BitSet, Integer> ids = new HashMap<>();
      List<BitSet> sets = new ArrayList<>();
      BitSet first = new BitSet();
      first.set(start);
      first = closure(first);
      ids.put(first, 0);
      sets.add(first);
      List<int[]> rows = new ArrayList<>();
      for (int d = 0; d < sets.size(); d++) {
        BitSet current = sets.get(d);
        int[] row = new int[COLUMNS];
        java.util.Arrays.fill(row, -1);
        for (int c = 0; c < 128; c++) {
          BitSet moved = new BitSet();
          for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
            BitSet set = charSets.get(s);
            if (set != null && set.get(c)) {
              moved.set(charTargets.get(s));
            }
          }
          if (moved.isEmpty()) {
            continue;
          }
          BitSet target = closure(moved);
          Integer id = ids.get(target);
          if (id == null) {
            if (sets.size() >= MAX_STATES) {
              throw new Unsupported();
            }
            id = sets.size();
            ids.put(target, id);
            sets.add(target);
          }
          row[c] = id;
        }
        rows.add(row);
      }
      int[] next = new int[rows.size() * COLUMNS];
      boolean[] accepting = new boolean[rows.size()];
      for (int d = 0; d < rows.size(); d++) {
        System.arraycopy(rows.get(d), 0, next, d * COLUMNS, COLUMNS);
        accepting[d] = sets.get(d).get(accept);
      }
      return new AnchoredPattern(next, accepting);
    }
  }
}
