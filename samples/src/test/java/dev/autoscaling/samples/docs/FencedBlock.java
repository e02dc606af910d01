package dev.autoscaling.samples.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fenced code block of a Markdown file: its language, the file line of its first code line, and its lines.
 *
 * @param language  what follows the opening fence ({@code java}, {@code jshell}, {@code xml}, ...)
 * @param firstLine the 1-based line number, in the file, of the block's first line of code
 * @param lines     the code, without the fences
 */
record FencedBlock(String language, int firstLine, List<String> lines) {

  FencedBlock {
    lines = List.copyOf(lines);
  }

  /** The file line of the block's line at this index. */
  int lineOf(int index) {
    return firstLine + index;
  }

  String text() {
    return String.join("\n", lines) + "\n";
  }

  /** Every block of the given language in the file, in order. */
  static List<FencedBlock> read(Path markdown, String language) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<FencedBlock> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```") || line.length() == 3) {
        continue;
      }
      String blockLanguage = line.substring(3).trim();
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      if (end == lines.size()) {
        throw new IllegalStateException(markdown + ":" + (i + 1) + ": ```" + blockLanguage + " is never closed");
      }
      if (blockLanguage.equals(language)) {
        blocks.add(new FencedBlock(blockLanguage, start + 1, lines.subList(start, end)));
      }
      i = end;
    }
    return blocks;
  }
}
