package dev.autoscaling.buildtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download-crds profile, run by a Maven of its own on this project's root pom (offline, non-recursive, up to
 * the phase where the build checks the pinned files are there) against a loopback server holding the pinned
 * files: it downloads every one, checks each SHA-256, and refuses a file that differs.
 */
class DownloadCrdsProfileTest {

  private static final Path CRDS = Path.of(System.getProperty("crds.dir"));
  private static final Path SCALERS_SCHEMA = Path.of(System.getProperty("scalers.schema"));

  private PinnedFilesServer server;

  @BeforeEach
  void serveThePinnedFiles() throws IOException {
    server = new PinnedFilesServer(CRDS, SCALERS_SCHEMA);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Exit code and output of mvn -Pdownload-crds initialize, downloading from the loopback server into pinned. */
  private record Build(int exitCode, String output) {
  }

  private Build downloadInto(Path pinned) throws Exception {
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    Process process = new ProcessBuilder(mvn.toString(), "-o", "-B", "-q", "-N", "-Pdownload-crds", "initialize",
        "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
        "-Dcrds.download.url=" + server.url(), "-Dpinned.dir=" + pinned)
        .directory(Path.of(System.getProperty("project.root")).toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the nested build ended").isTrue();
    return new Build(process.exitValue(), output);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void shouldDownloadEveryPinnedFileAndAcceptExactlyWhatTheReleasesPublished(@TempDir Path pinned) throws Exception {
    // When
    Build build = downloadInto(pinned);

    // Then the build passed its own check of the pinned files, and holds the very bytes of ../shared
    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(server.requests()).hasSize(15).allMatch(r -> r.startsWith("GET /"));
    List<Path> downloaded = files(pinned.resolve("crds"));
    assertThat(downloaded).isEqualTo(files(CRDS)).hasSize(14);
    for (Path file : downloaded) {
      assertThat(pinned.resolve("crds").resolve(file)).as(file.toString()).hasSameBinaryContentAs(CRDS.resolve(file));
    }
    assertThat(pinned.resolve("keda-scalers/scalers-schema.yaml")).hasSameBinaryContentAs(SCALERS_SCHEMA);

    // and a later run checks again what it does not download again: a file altered since is refused
    Path altered = pinned.resolve("crds/keda/keda.sh_scaledobjects.yaml");
    Files.writeString(altered, "# edited by hand\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Build again = downloadInto(pinned);
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.output()).contains("crds/keda/keda.sh_scaledobjects.yaml does not have the SHA-256");
    assertThat(server.requests()).hasSize(15);
    assertThat(altered).doesNotExist();
  }

  @Test
  void shouldRefuseATamperedFileNamingItAndBothChecksums(@TempDir Path pinned) throws Exception {
    // Given a server whose copy of the Azure NodePool CRD differs from the release by one line
    String file = "karpenter-azure/karpenter.sh_nodepools.yaml";
    server.tamper(file);
    byte[] released = Files.readAllBytes(CRDS.resolve(file));
    byte[] served = (new String(released, StandardCharsets.UTF_8) + "# one line more\n")
        .getBytes(StandardCharsets.UTF_8);

    // When
    Build build = downloadInto(pinned);

    // Then
    assertThat(build.exitCode()).isNotZero();
    assertThat(build.output())
        .contains("crds/" + file + " does not have the SHA-256 this build pins.")
        .contains("from:     " + server.url() + "/Azure/karpenter-provider-azure/")
        .contains("expected: " + sha256(released))
        .contains("actual:   " + sha256(served))
        .contains("the file was deleted");
    assertThat(pinned.resolve("crds").resolve(file)).doesNotExist();
  }
}
