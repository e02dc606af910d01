package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.WorkshopStage;
import dev.autoscaling.workshop.validation.CheckedDocument;
import dev.autoscaling.workshop.validation.ManifestValidator;
import dev.autoscaling.workshop.validation.ValidationListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code workshop validate DIR} without the process around it: a folder of {@value #FILES} files, one workshop object
 * each (ScaledObject, TriggerAuthentication, NodePools, AKSNodeClass, Secret), each object with its own name and the
 * NodePools with their own weight and limits so that the validator's memo of rule outcomes does not turn the run into
 * a cache test. Scored per file ({@code ops/s} = files/s); {@code threads} 1 is the sequential walk and the baseline
 * of the ratio ({@code bench/directory-validation.sh} prints it from one run).
 */
@State(Scope.Benchmark)
public class DirectoryValidationBenchmark {

  static final int FILES = 2_000;

  @Param({"1", "2"})
  public int threads;

  private Path folder;
  private ManifestValidator validator;

  @Setup
  public void setUp() throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    for (WorkshopStage stage : WorkshopManifests.stages(RabbitMqCredentials.workshopDefaults())) {
      for (HasMetadata object : stage.objects()) {
        objects.add(Manifests.toTree(object));
      }
    }
    folder = Files.createTempDirectory("directory-validation");
    for (int i = 0; i < FILES; i++) {
      ObjectNode object = objects.get(i % objects.size()).deepCopy();
      ObjectNode metadata = (ObjectNode) object.get("metadata");
      metadata.put("name", metadata.path("name").asText() + "-" + i);
      if (object.path("kind").asText().equals("NodePool")) {
        ((ObjectNode) object.get("spec")).put("weight", 1 + i % 100);
      }
      Path team = Files.createDirectories(folder.resolve("team-" + (i % 20)));
      Files.writeString(team.resolve(String.format("object-%05d.yaml", i)), Manifests.toYaml(object));
    }
    validator = ManifestValidator.detectingProvider();
    int[] errors = {0, 0};
    validator.validate(List.of(folder), new ByteArrayInputStream(new byte[0]), new ValidationListener() {
      @Override
      public void checked(CheckedDocument document) {
        errors[0] += document.hasErrors() ? 1 : 0;
        errors[1]++;
      }

      @Override
      public void unreadable(String source, String reason) {
        throw new IllegalStateException(source + ": " + reason);
      }
    }, threads);
    if (errors[0] != 0 || errors[1] != FILES) {
      throw new IllegalStateException(errors[1] + " objects checked, " + errors[0] + " invalid: expected "
          + FILES + " valid ones");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(FILES)
  public int validateFolder() {
    int[] checked = {0};
    validator.validate(List.of(folder), new ByteArrayInputStream(new byte[0]), new ValidationListener() {
      @Override
      public void checked(CheckedDocument document) {
        checked[0] += document.hasErrors() ? 1_000_000 : 1;
      }

      @Override
      public void unreadable(String source, String reason) {
        checked[0] += 1_000_000;
      }
    }, threads);
    return checked[0];
  }
}
