package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Build step: writes copies of CRD files with their schema defaults removed (see {@link CrdDefaults}).
 *
 * <p>Usage: {@code StripCrdDefaults TARGET_DIR CRD_FILE...}. Each copy keeps its file name. The pinned files are
 * only read; the copies belong under {@code target/} and are never committed.
 */
public final class StripCrdDefaults {

  private StripCrdDefaults() {
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: StripCrdDefaults TARGET_DIR CRD_FILE...");
    }
    Path target = Path.of(args[0]);
    for (String file : Arrays.asList(args).subList(1, args.length)) {
      int count = stripInto(Path.of(file), target);
      System.out.printf("%s: %d schema defaults removed for code generation%n", file, count);
    }
  }

  /** Writes the stripped copy of {@code crdFile} into {@code targetDir}; returns how many defaults it removed. */
  public static int stripInto(Path crdFile, Path targetDir) {
    try {
      if (!Files.isRegularFile(crdFile)) {
        throw new IllegalArgumentException(crdFile + ": no such CRD file (is crds.dir set right?)");
      }
      List<JsonNode> documents = Manifests.parseAll(Files.readString(crdFile, StandardCharsets.UTF_8));
      int count = 0;
      for (JsonNode document : documents) {
        count += CrdDefaults.strip(document).size();
      }
      Files.createDirectories(targetDir);
      Path copy = targetDir.resolve(crdFile.getFileName().toString());
      String text = Manifests.toYaml(documents);
      // Unchanged copies keep their timestamp, so incremental builds stay incremental.
      if (!Files.exists(copy) || !Files.readString(copy, StandardCharsets.UTF_8).equals(text)) {
        Files.writeString(copy, text, StandardCharsets.UTF_8);
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(crdFile + ": " + e.getMessage(), e);
    }
  }
}
