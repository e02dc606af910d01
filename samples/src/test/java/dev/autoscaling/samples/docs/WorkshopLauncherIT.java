package dev.autoscaling.samples.docs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's `workshop` commands, run as written from the project root through bin/workshop and the built jar,
 * after the package phase: the block that puts bin on the PATH, runs the demo and pipes render into validate.
 */
class WorkshopLauncherIT {

  @Test
  void shouldRunTheReadmesWorkshopCommandsAsWritten() throws Exception {
    // Given the README's block with `export PATH="$PWD/bin:$PATH"`, run by bash, stopping at the first failure
    FencedBlock block = FencedBlock.read(ReadmeJshellTest.README, "bash").stream()
        .filter(b -> b.text().contains("export PATH=\"$PWD/bin:$PATH\"")).findFirst()
        .orElseThrow(() -> new AssertionError("no ```bash block that puts bin/ on the PATH in the README"));
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -eo pipefail\n" + block.text())
        .directory(Path.of("..").toFile()).redirectErrorStream(true);
    bash.environment().put("JAVA_HOME", System.getProperty("java.home"));
    bash.environment().remove("WORKSHOP_JAR");

    // When
    Process process = bash.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    // Then
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Demo complete.", "6 document(s), 0 error(s)");
  }
}
