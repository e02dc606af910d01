package dev.autoscaling.validation.schema;

import com.google.re2j.Pattern;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton must decide every string as RE2J's search does, for every pattern it accepts to decide. */
class AnchoredPatternTest {

  /** Characters that sit at the edges of what patterns accept: controls RE2 and Java treat differently, non-ASCII. */
  private static final String EXTRAS = "\n\r\t\u000B\f /.-_:,+%@é\u2028\uD83D\uDE00\uD83D";

  @Test
  void decidesEveryPinnedCrdPatternAsRe2Does() throws IOException {
    List<String> patterns = pinnedPatterns();
    assertThat(patterns).hasSizeGreaterThan(10);
    int decided = 0;
    for (String pattern : patterns) {
      if (AnchoredPattern.compile(pattern) != null) {
        decided++;
        assertSameAsRe2(pattern);
      }
    }
    // the label-key, quantity and duration patterns of NodePool and ScaledObject are all in the subset
    assertThat(decided).isGreaterThan(patterns.size() / 2);
  }

  @Test
  void decidesHandWrittenPatternsAsRe2Does() {
    for (String pattern : List.of("^a*$", "^(a|b)+c?$", "^$", "^()$", "^[a-c]{2,3}$", "^x{0}y$", "^(ab){1,}$",
        "^\\d+\\s\\w*$", "^[-a]$", "^[a-]$", "^[\\.\\-]+$", "^(?:a|)b$", "^(1|12|123)$", "^[0-9]{1,2}%$",
        "^(\\+|-)?[0-9]+$")) {
      assertThat(AnchoredPattern.compile(pattern)).as(pattern).isNotNull();
      assertSameAsRe2(pattern);
    }
  }

  @Test
  void leavesToRe2WhatItCannotDecideTheSame() {
    for (String pattern : List.of("^a|b$", "a$", "^a", "^.*$", "^[^/]*$", "^(?i)a$", "^a*?$", "^a\\$", "^a{1000}$",
        "^[[:alpha:]]$", "^\\pL$", "^é$", "^a)$", "^(a$", "^[]a]$", "^a{2,1}$", "^a**$", "^\\D$")) {
      assertThat(AnchoredPattern.compile(pattern)).as(pattern).isNull();
    }
  }

  private static void assertSameAsRe2(String pattern) {
    AnchoredPattern automaton = AnchoredPattern.compile(pattern);
    Pattern re2 = Pattern.compile(pattern);
    String alphabet = alphabet(pattern) + "0123456789abcmsxyz" + EXTRAS;
    Random random = new Random(pattern.hashCode());
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      // every other string from a few characters only, so that long runs of one class (12 digits) come up too
      String chars = alphabet;
      if (i % 2 == 1) {
        StringBuilder few = new StringBuilder();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          few.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        chars = few.toString();
      }
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(i % 4 == 0 ? 4 : 14);
      for (int j = 0; j < length; j++) {
        text.append(chars.charAt(random.nextInt(chars.length())));
      }
      String candidate = text.toString();
      boolean expected = re2.matcher(candidate).find();
      assertThat(automaton.matches(candidate)).as("%s on %s", pattern, candidate).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    // a comparison on rejections alone would prove little: strings the automaton accepts, and near misses of them
    for (int i = 0; i < 2_000; i++) {
      String example = automaton.example(random);
      if (example == null) {
        continue;
      }
      assertThat(re2.matcher(example).find()).as("%s on %s", pattern, example).isTrue();
      matched++;
      StringBuilder near = new StringBuilder(example);
      int at = example.isEmpty() ? 0 : random.nextInt(example.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> near.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 1 -> near.replace(Math.min(at, near.length()), Math.min(at + 1, near.length()),
            String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
        default -> near.delete(Math.min(at, near.length()), Math.min(at + 1, near.length()));
      }
      String candidate = near.toString();
      assertThat(automaton.matches(candidate)).as("%s on %s", pattern, candidate)
          .isEqualTo(re2.matcher(candidate).find());
    }
    assertThat(matched).as("strings matching %s among the samples", pattern).isPositive();
  }

  /** The characters a pattern names, ranges spelled out, so that random strings over them often match. */
  private static String alphabet(String pattern) {
    TreeSet<Character> chars = new TreeSet<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '-' && pattern.charAt(i + 2) > c) {
        for (char r = c; r <= pattern.charAt(i + 2); r++) {
          chars.add(r);
        }
      } else {
        chars.add(c);
      }
    }
    StringBuilder out = new StringBuilder();
    chars.forEach(out::append);
    return out.toString();
  }

  private static List<String> pinnedPatterns() throws IOException {
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\s*pattern: (.*)$");
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(PinnedFiles.crdsDir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (String text : Files.readAllLines(file)) {
          Matcher m = line.matcher(text);
          if (m.matches()) {
            String value = m.group(1).trim();
            if (value.startsWith("'") && value.endsWith("'")) {
              value = value.substring(1, value.length() - 1).replace("''", "'");
            } else if (value.startsWith("\"")) {
              continue; // a double-quoted YAML scalar would need unescaping: the plain ones are enough here
            }
            found.add(value);
          }
        }
      }
    }
    return new ArrayList<>(found);
  }
}
