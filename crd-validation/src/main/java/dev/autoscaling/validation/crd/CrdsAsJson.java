package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoscaling.manifest.Manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Build step: writes each CRD file's documents, as read, as one JSON array beside the jar's copy of the YAML
 * ({@code X.yaml} gives {@code X.json}), which {@code CrdValidator.fromClasspath} then reads instead.
 *
 * <p>Why: reading the CRDs is a fifth of the cold start of {@code workshop validate}, and a JSON parser reads the
 * same trees several times faster than a YAML one. The trees are the YAML reader's own, written out; nothing is
 * dropped or changed. Usage: {@code CrdsAsJson TARGET_DIR CRD_FILE...}; the copies belong under {@code target/}.
 */
public final class CrdsAsJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CrdsAsJson() {
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: CrdsAsJson TARGET_DIR CRD_FILE...");
    }
    for (int i = 1; i < args.length; i++) {
      writeInto(Path.of(args[i]), Path.of(args[0]));
    }
  }

  /** The name of the JSON copy of a CRD file or resource ({@code .yaml} or {@code .yml} replaced by {@code .json}). */
  public static String jsonName(String yamlName) {
    int dot = yamlName.lastIndexOf('.');
    return (dot < 0 ? yamlName : yamlName.substring(0, dot)) + ".json";
  }

  /** The documents of a JSON copy, as {@link #writeInto} wrote them. */
  public static List<JsonNode> read(byte[] json) {
    try {
      JsonNode array = JSON.readTree(json);
      if (array == null || !array.isArray()) {
        throw new IllegalArgumentException("a JSON copy of CRDs must be an array of documents");
      }
      List<JsonNode> documents = new java.util.ArrayList<>(array.size());
      array.forEach(documents::add);
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The documents of one CRD resource: from its JSON copy when the class path has one beside it (for a resource
   * ending in {@code .yaml} or {@code .yml}), else from the resource itself.
   *
   * @throws IllegalArgumentException when there is no such resource
   */
  public static List<JsonNode> readFromClasspath(ClassLoader loader, String resource) {
    if (resource.endsWith(".yaml") || resource.endsWith(".yml")) {
      try (InputStream json = loader.getResourceAsStream(jsonName(resource))) {
        if (json != null) {
          return read(json.readAllBytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
      }
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no CRD on the class path at " + resource);
      }
      return Manifests.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
    }
  }

  /** Writes the JSON copy of {@code crdFile} into {@code targetDir}. */
  public static void writeInto(Path crdFile, Path targetDir) {
    try {
      if (!Files.isRegularFile(crdFile)) {
        throw new IllegalArgumentException(crdFile + ": no such CRD file (is crds.dir set right?)");
      }
      List<JsonNode> documents = Manifests.parseAll(Files.readString(crdFile, StandardCharsets.UTF_8));
      Files.createDirectories(targetDir);
      Path copy = targetDir.resolve(jsonName(crdFile.getFileName().toString()));
      byte[] json = JSON.writeValueAsBytes(documents);
      // Unchanged copies keep their timestamp, so incremental builds stay incremental.
      if (!Files.exists(copy) || !Arrays.equals(Files.readAllBytes(copy), json)) {
        Files.write(copy, json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(crdFile + ": " + e.getMessage(), e);
    }
  }
}
