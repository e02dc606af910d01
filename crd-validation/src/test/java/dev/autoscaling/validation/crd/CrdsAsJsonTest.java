package dev.autoscaling.validation.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON copies the model jars ship beside their CRDs hold exactly the documents the YAML reader reads. */
class CrdsAsJsonTest {

  @Test
  void shouldHoldTheSameDocumentsAsTheYamlForEveryPinnedCrd(@TempDir Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(PinnedFiles.crdsDir())) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      CrdsAsJson.writeInto(file, target);
      List<JsonNode> fromYaml = Manifests.parseAll(Files.readString(file));
      List<JsonNode> fromJson = CrdsAsJson.read(Files.readAllBytes(
          target.resolve(CrdsAsJson.jsonName(file.getFileName().toString()))));

      // JsonNode equality is strict about number types too (an int is not equal to a long or a double)
      assertThat(fromJson).as(file.toString()).isEqualTo(fromYaml);
    }
  }

  @Test
  void shouldReadTheJsonCopyWhereThereIsOneAndTheYamlElsewhere(@TempDir Path classpath) throws IOException {
    Path folder = Files.createDirectories(classpath.resolve("META-INF/crds/example"));
    String crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: %s, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object}}
        """;
    Files.writeString(folder.resolve("copied.yaml"), crd.formatted("FromYaml"));
    Files.writeString(folder.resolve("plain.yaml"), crd.formatted("FromYaml"));
    // a copy that differs from its YAML, so that the test sees which one was read
    Files.write(folder.resolve("copied.json"), new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsBytes(Manifests.parseAll(crd.formatted("FromJson"))));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      assertThat(kind(CrdsAsJson.readFromClasspath(loader, "META-INF/crds/example/copied.yaml"))).isEqualTo("FromJson");
      assertThat(kind(CrdsAsJson.readFromClasspath(loader, "META-INF/crds/example/plain.yaml"))).isEqualTo("FromYaml");
    }
  }

  private static String kind(List<JsonNode> documents) {
    return documents.get(0).path("spec").path("names").path("kind").asText();
  }
}
