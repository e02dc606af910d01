package dev.autoscaling.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workshop's markdown as the tests read it: its bash blocks with variables substituted and continuation lines
 * joined, its commands, and the YAML of its {@code cat << EOF > FILE} heredocs.
 */
final class WorkshopText {

  private static final Pattern BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern HEREDOC = Pattern.compile("cat <<\\s*EOF > (\\S+)\\n(.*?)\\nEOF", Pattern.DOTALL);
  /** {@code NAME=$(command)}: the command counts as one of the workshop's. */
  private static final Pattern SUBSTITUTION = Pattern.compile("^[A-Z_]+=\\$\\((.*)\\)$");
  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=(\"?)([^\"$]*)\\2$");

  private final String bash;

  private WorkshopText(String bash) {
    this.bash = bash;
  }

  static WorkshopText read() {
    Path file = Path.of(System.getProperty("workshop.dir"), "scaling-with-keda-and-karpenter.md");
    try {
      String markdown = Files.readString(file, StandardCharsets.UTF_8);
      StringBuilder bash = new StringBuilder();
      Matcher blocks = BASH.matcher(markdown);
      while (blocks.find()) {
        bash.append(blocks.group(1)).append('\n');
      }
      return new WorkshopText(bash.toString().replace("\\\n", " "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML text of each heredoc, by file name, in order. */
  Map<String, String> heredocs() {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher heredoc = HEREDOC.matcher(bash);
    while (heredoc.find()) {
      files.put(heredoc.group(1), heredoc.group(2));
    }
    return files;
  }

  /**
   * Every command line outside the heredocs that starts with {@code prefix}, with the workshop's variables
   * replaced by their values ({@code DEFAULT_NODEPOOL_NAME}, set from a query, by {@code nodepool1}).
   */
  List<String> commands(String prefix) {
    String withoutHeredocs = HEREDOC.matcher(bash).replaceAll("");
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("DEFAULT_NODEPOOL_NAME", "nodepool1");
    List<String> commands = new ArrayList<>();
    for (String raw : withoutHeredocs.split("\n")) {
      String line = raw.trim();
      Matcher assignment = ASSIGNMENT.matcher(line);
      if (assignment.matches()) {
        variables.put(assignment.group(1), assignment.group(3));
        continue;
      }
      for (Map.Entry<String, String> v : variables.entrySet()) {
        line = line.replace("${" + v.getKey() + "}", v.getValue()).replace("$" + v.getKey(), v.getValue());
      }
      Matcher substitution = SUBSTITUTION.matcher(line);
      if (substitution.matches()) {
        line = substitution.group(1);
      }
      if (line.startsWith(prefix)) {
        commands.add(line.replaceAll("\\s+", " "));
      }
    }
    return commands;
  }
}
