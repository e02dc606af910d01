package dev.autoscaling.samples.docs;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's ```jshell lines, pasted as they are into a jshell that ran the start-up script
 * (samples/jshell/workshop.jsh), each evaluated through the JShell API: every snippet is valid and none throws.
 * ReadmeJshellIT does the same with the jshell tool itself and the README's command line.
 */
class ReadmeJshellTest {

  static final Path README = Path.of("../README.md");
  static final Path STARTUP = Path.of("jshell/workshop.jsh");

  private static void evaluate(JShell shell, String source, String where, List<String> problems) {
    for (SnippetEvent event : shell.eval(source)) {
      if (event.snippet() != null && event.status() != Snippet.Status.VALID) {
        problems.add(where + ": `" + source + "` is " + event.status() + ": "
            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
      }
      if (event.exception() != null) {
        problems.add(where + ": `" + source + "` threw " + event.exception());
      }
    }
  }

  @Test
  void shouldEvaluateEveryJshellLineOfTheReadmeAfterTheStartupScript() throws Exception {
    List<String> problems = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    // Given a jshell with the SDK on its class path, after the start-up script; snippets run in this JVM, so what
    // they print goes to its System.out
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      FencedBlock startup = new FencedBlock("jshell", 1, Files.readAllLines(STARTUP, StandardCharsets.UTF_8));
      for (JshellPaste.Snippet snippet : JshellPaste.snippets(shell.sourceCodeAnalysis(), startup)) {
        evaluate(shell, snippet.source(), STARTUP + ":" + snippet.line(), problems);
      }

      // When the README's lines are pasted
      List<FencedBlock> blocks = FencedBlock.read(README, "jshell");
      assertThat(blocks).as("```jshell blocks in the README").isNotEmpty();
      for (FencedBlock block : blocks) {
        for (JshellPaste.Snippet snippet : JshellPaste.snippets(shell.sourceCodeAnalysis(), block)) {
          evaluate(shell, snippet.source(), "README.md:" + snippet.line(), problems);
        }
      }
    } finally {
      System.setOut(out);
    }

    // Then
    assertThat(problems).isEmpty();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("kind: NodePool", "arm64", "on-demand");
  }
}
