package dev.autoscaling.samples.docs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the README's jshell instructions, after the package phase: its {@code jshell ...} command
 * line, run as written from the project root (the JDK's jshell, workshop.jar, the start-up script), with the
 * README's ```jshell lines typed in; jshell reports no error and no exception.
 */
class ReadmeJshellIT {

  private static List<String> readmeCommand() throws Exception {
    for (FencedBlock block : FencedBlock.read(ReadmeJshellTest.README, "bash")) {
      for (String line : block.lines()) {
        if (line.startsWith("jshell ")) {
          return new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        }
      }
    }
    throw new AssertionError("no jshell command line in the README's ```bash blocks");
  }

  @Test
  void shouldRunTheReadmesJshellLinesWithTheReadmesCommandLine() throws Exception {
    // Given the README's command, with the JDK's own jshell
    List<String> command = readmeCommand();
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "jshell").toString());
    StringBuilder typed = new StringBuilder();
    for (FencedBlock block : FencedBlock.read(ReadmeJshellTest.README, "jshell")) {
      typed.append(block.text());
    }
    typed.append("/exit\n");

    // When
    Process jshell = new ProcessBuilder(command).directory(Path.of("..").toFile()).redirectErrorStream(true).start();
    jshell.getOutputStream().write(typed.toString().getBytes(StandardCharsets.UTF_8));
    jshell.getOutputStream().close();
    String output = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jshell.waitFor(3, TimeUnit.MINUTES)).isTrue();

    // Then
    assertThat(jshell.exitValue()).as(output).isZero();
    assertThat(output).as(output).doesNotContain("|  Error:", "|  Exception", "|  Caused by")
        .contains("kind: NodePool", "arm-nodepool", "spec.weight");
  }
}
