package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A file that cannot be written is named with the reason, in one line, exit code 2. */
class IoFailureTest {

  @Test
  void shouldSayWhyRenderCannotCreateItsFolder(@TempDir Path dir) throws IOException {
    // Given: --out names a regular file (a mistake no permission, root's included, gets past)
    Path file = Files.writeString(dir.resolve("taken"), "x");
    CliRun cli = new CliRun();

    // When
    int exit = cli.run("render", "--out", file.toString());

    // Then
    assertThat(exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(cli.err.toString().lines()).hasSize(1).first().asString()
        .startsWith("workshop render: cannot create folder " + file)
        .containsPattern(": (not a folder|a file of that name is in the way|not a directory)$");
  }

  @Test
  void shouldSayPermissionDeniedInAReadOnlyFolder(@TempDir Path dir) throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeTrue(!Files.isWritable(readOnly), "running as root: every folder is writable");
    CliRun cli = new CliRun();

    int exit = cli.run("render", "--out", readOnly.toString());

    assertThat(exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(cli.err.toString()).contains("workshop render: cannot create folder " + readOnly.resolve(
        "virtual-worker-scaler") + ": permission denied");
  }
}
