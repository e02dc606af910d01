package dev.autoscaling.aks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@code az} command line means, for comparing commands written differently: the words before the first
 * flag, then each flag in its long form with its value (a flag without a value maps to ""). Shared by the
 * aks-provisioning tests and the workshop plan's test (test-jar).
 */
public record AzCommandMeaning(List<String> command, Map<String, String> flags) {

  private static final Map<String, String> LONG = Map.of("-n", "--name", "-l", "--location", "-g",
      "--resource-group", "-o", "--output", "-s", "--subscription");

  public static AzCommandMeaning of(List<String> argv) {
    List<String> command = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < argv.size(); i++) {
      String word = argv.get(i);
      if (word.startsWith("-")) {
        boolean hasValue = i + 1 < argv.size() && !argv.get(i + 1).startsWith("-");
        flags.put(LONG.getOrDefault(word, word), hasValue ? argv.get(++i) : "");
      } else if (flags.isEmpty()) {
        command.add(word);
      }
    }
    return new AzCommandMeaning(command, flags);
  }

  /** A command line as a POSIX shell splits it: on spaces outside single or double quotes, quotes removed. */
  public static AzCommandMeaning parse(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return of(words);
  }

  /** The same meaning without one flag (for a flag that differs on purpose). */
  public AzCommandMeaning without(String flag) {
    Map<String, String> rest = new LinkedHashMap<>(flags);
    rest.remove(flag);
    return new AzCommandMeaning(command, rest);
  }
}
