package dev.autoscaling.validation.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build's pinned upstream files are: the {@code crds.dir} the build passes to the tests. */
public final class PinnedFiles {

  private PinnedFiles() {
  }

  public static Path crdsDir() {
    String dir = System.getProperty("crds.dir");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      throw new IllegalStateException("system property crds.dir must name the pinned CRD folder, was " + dir);
    }
    return Path.of(dir);
  }

  public static Path crd(String relative) {
    return crdsDir().resolve(relative);
  }
}
