package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.schema.PropertyTree;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-fidelity check: a CRD regenerated from a Java model class with fabric8's crd-generator must have the
 * same property tree (names, types, required, enums) as the CRD the class was generated from.
 */
public final class ModelFidelity {

  private ModelFidelity() {
  }

  /** The property tree of the CRD that crd-generator writes for the class, at the class's own version. */
  public static PropertyTree regenerated(Class<? extends HasMetadata> type) {
    InMemoryOutput output = new InMemoryOutput();
    new CRDGenerator()
        .customResourceClasses(type)
        .forCRDVersions("v1")
        .withOutput(output)
        .generate();
    if (output.streams.size() != 1) {
      throw new IllegalStateException("expected one CRD for " + type.getName() + ", got " + output.streams.size());
    }
    JsonNode crd = Manifests.parseAll(output.streams.get(0).toString(StandardCharsets.UTF_8)).get(0);
    String version = HasMetadata.getVersion(type);
    return PropertyTree.of(schema(crd, version));
  }

  /**
   * Every difference between the class's regenerated CRD and the pinned one, at the class's version.
   *
   * <p>Below an {@code embedded} path the model uses a fabric8 type (e.g. {@code JobSpec}) instead of generated
   * classes. That type may follow a newer Kubernetes release and have more fields than the CRD; what must hold is
   * that every field of the pinned CRD is there, so nothing a user writes is dropped.
   */
  public static List<String> differences(Class<? extends HasMetadata> type, Path crdFile, String... embedded) {
    // apiVersion, kind and metadata come from fabric8's base classes, which crd-generator leaves out of the schema.
    PropertyTree pinned = pinned(crdFile, HasMetadata.getVersion(type)).filter(ModelFidelity::isCustomPart);
    PropertyTree model = regenerated(type).filter(ModelFidelity::isCustomPart);
    List<String> differences = new ArrayList<>(
        model.filter(path -> !isBelow(path, embedded)).differencesFrom(pinned.filter(path -> !isBelow(path, embedded))));
    for (String prefix : embedded) {
      PropertyTree embeddedPinned = pinned.filter(path -> isBelow(path, prefix));
      embeddedPinned.properties().keySet().stream()
          .filter(path -> !model.properties().containsKey(path))
          .forEach(path -> differences.add(path + ": in the CRD but not in the embedded fabric8 type"));
    }
    return differences;
  }

  private static boolean isCustomPart(String path) {
    return !path.equals("apiVersion") && !path.equals("kind") && !path.equals("metadata")
        && !path.startsWith("metadata.");
  }

  private static boolean isBelow(String path, String... prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
        return true;
      }
    }
    return false;
  }

  /** The property tree of one served version of a pinned CRD file. */
  public static PropertyTree pinned(Path crdFile, String version) {
    try {
      JsonNode crd = Manifests.parseAll(Files.readString(crdFile, StandardCharsets.UTF_8)).get(0);
      return PropertyTree.of(schema(crd, version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schema(JsonNode crd, String version) {
    JsonNode schema = CrdVersions.schemas(crd).get(version);
    if (schema == null) {
      throw new IllegalArgumentException(CrdVersions.groupKind(crd) + " has no schema for version " + version);
    }
    return schema;
  }

  private static final class InMemoryOutput extends CRDGenerator.AbstractCRDOutput<ByteArrayOutputStream> {
    private final List<ByteArrayOutputStream> streams = new ArrayList<>();

    @Override
    protected ByteArrayOutputStream createStreamFor(String crdName) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      streams.add(stream);
      return stream;
    }
  }
}
