package dev.autoscaling.workshop.validation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The walk against {@code Files.walkFileTree} itself: the same visits, in the same order, with and without helpers. */
class FileWalkTest {

  private final ExecutorService helpers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopHelpers() {
    helpers.shutdownNow();
  }

  @Test
  void shouldVisitWhatWalkFileTreeVisitsInItsOrderOnNestedFolders(@TempDir Path root) throws IOException {
    // Given: folders in folders, wide enough that the entries' attributes are read in several batches
    for (int team = 0; team < 3; team++) {
      Path folder = Files.createDirectories(root.resolve("team-" + team).resolve("inner"));
      for (int i = 0; i < 150; i++) {
        Files.writeString(folder.getParent().resolve("object-" + i + (i % 3 == 0 ? ".yml" : ".yaml")), "a: 1\n");
        if (i % 10 == 0) {
          Files.writeString(Files.createDirectories(folder.getParent().resolve("deeper-" + i)).resolve("x.json"),
              "{}");
        }
      }
      Files.writeString(folder.resolve("last.yaml"), "a: 1\n");
    }

    // When / Then
    assertSameVisits(root, 150 * 3);
  }

  @Test
  void shouldVisitWhatWalkFileTreeVisitsAmongEntriesThatAreNoRegularFiles(@TempDir Path root) throws Exception {
    // Given: a folder named like a manifest, a dangling link, a FIFO, links to a file and to a folder
    Files.createDirectories(root.resolve("x.yaml").resolve("inside"));
    Files.writeString(root.resolve("x.yaml").resolve("inside").resolve("real.yaml"), "a: 1\n");
    Files.createSymbolicLink(root.resolve("dangling.yaml"), root.resolve("nowhere.yaml"));
    Files.createSymbolicLink(root.resolve("file-link.yaml"), root.resolve("x.yaml/inside/real.yaml"));
    Files.createSymbolicLink(root.resolve("folder-link.yaml"), root.resolve("x.yaml"));
    Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    for (int i = 0; i < 100; i++) { // so that the odd entries are read in batches among others
      Files.writeString(root.resolve("object-" + i + ".yaml"), "a: 1\n");
    }

    // When
    List<String> visits = assertSameVisits(root, 100);

    // Then: links are visited as links, never followed
    assertThat(visits).contains("file " + root.resolve("dangling.yaml") + " link",
        "file " + root.resolve("folder-link.yaml") + " link", "file " + root.resolve("pipe.yaml") + " other",
        "file " + root.resolve("x.yaml/inside/real.yaml") + " regular");
    assertThat(visits).noneMatch(visit -> visit.contains("folder-link.yaml/"));
  }

  @Test
  void shouldVisitRootsThatAreNoFoldersAsWalkFileTreeDoes(@TempDir Path dir) throws IOException {
    // Given: a missing root, a file as root, and a link to a folder as root (not followed: one visit, of the link)
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.writeString(folder.resolve("a.yaml"), "a: 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), folder);

    // When / Then
    assertThat(assertSameVisits(dir.resolve("missing"), 0)).containsExactly(
        "failed " + dir.resolve("missing") + " NoSuchFileException");
    assertThat(assertSameVisits(folder.resolve("a.yaml"), 0)).containsExactly(
        "file " + folder.resolve("a.yaml") + " regular");
    assertThat(assertSameVisits(link, 0)).containsExactly("file " + link + " link");
  }

  @Test
  void shouldReportAFolderThatCannotBeListedAsWalkFileTreeDoes(@TempDir Path root) throws IOException {
    // Given: a folder nobody may list, between others
    Path closed = Files.createDirectories(root.resolve("b-closed"));
    Files.writeString(closed.resolve("hidden.yaml"), "a: 1\n");
    Files.writeString(Files.createDirectories(root.resolve("a-open")).resolve("seen.yaml"), "a: 1\n");
    Files.writeString(Files.createDirectories(root.resolve("c-open")).resolve("seen.yaml"), "a: 1\n");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(closed), "running as root: every folder can be listed");

      // When / Then
      assertThat(assertSameVisits(root, 0)).contains("failed " + closed + " AccessDeniedException");
    } finally {
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void shouldReadEverythingOnTheCallingThreadWhenTheHelpersTakeNoWork(@TempDir Path root) throws IOException {
    // Given: helpers that refuse every task
    for (int i = 0; i < 200; i++) {
      Files.writeString(root.resolve("object-" + i + ".yaml"), "a: 1\n");
    }
    ExecutorService stopped = Executors.newSingleThreadExecutor();
    stopped.shutdown();

    // When
    List<String> visits = visits(new FileWalk(stopped, 2), root);

    // Then
    assertThat(visits).isEqualTo(reference(root)).hasSize(200);
  }

  /** Asserts both walks (calling thread alone, and with helpers) visit as walkFileTree does, and returns the visits. */
  private List<String> assertSameVisits(Path root, int atLeast) throws IOException {
    List<String> expected = reference(root);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(visits(new FileWalk(null, 0), root)).isEqualTo(expected);
    for (int run = 0; run < 5; run++) { // the batches race each other differently each time
      assertThat(visits(new FileWalk(helpers, 2), root)).isEqualTo(expected);
    }
    return expected;
  }

  private static List<String> visits(FileWalk walk, Path root) {
    List<String> visits = new ArrayList<>();
    try {
      walk.walk(root, new FileWalk.Visitor() {
        @Override
        public void visitFile(Path file, BasicFileAttributes attributes) {
          visits.add("file " + file + " " + kind(attributes));
        }

        @Override
        public void visitFileFailed(Path file, IOException e) {
          visits.add("failed " + file + " " + e.getClass().getSimpleName());
        }
      });
    } catch (IOException e) {
      visits.add("ended " + e.getClass().getSimpleName());
    }
    return visits;
  }

  private static List<String> reference(Path root) {
    List<String> visits = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          visits.add("file " + file + " " + kind(attributes));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          visits.add("failed " + file + " " + e.getClass().getSimpleName());
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      visits.add("ended " + e.getClass().getSimpleName());
    }
    return visits;
  }

  private static String kind(BasicFileAttributes attributes) {
    return attributes.isRegularFile() ? "regular" : attributes.isSymbolicLink() ? "link"
        : attributes.isDirectory() ? "folder" : "other";
  }
}
