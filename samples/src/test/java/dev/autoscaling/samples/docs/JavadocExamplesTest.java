package dev.autoscaling.samples.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code <pre>{@code ...}</pre>} example in the Javadoc of the library's hand-written classes (the facades,
 * validation, the client extensions) compiles as a method body, where its reader is: the class's own imports and
 * package, what the jshell prompt has (the start-up script's imports, java.util, java.nio.file, java.time), and
 * the few objects the examples take as given (a {@code scaledObject}, a {@code pool}, a {@code kubernetes} client,
 * ...), declared below. Output shown in Javadoc goes in a plain {@code <pre>}, which is not compiled.
 */
class JavadocExamplesTest {

  private static final List<Path> SOURCES = List.of(Path.of("../crd-validation/src/main/java"),
      Path.of("../keda-model/src/main/java"), Path.of("../karpenter-model/src/main/java"));

  /** What the examples may use without defining it: the objects a reader of the class already has. */
  private static final String GIVEN = """
      static dev.autoscaling.keda.api.v1alpha1.ScaledObject scaledObject;
      static dev.autoscaling.karpenter.api.v1.NodePool pool;
      static dev.autoscaling.karpenter.api.v1.NodePool nodePool;
      static io.fabric8.kubernetes.api.model.batch.v1.JobSpec jobSpec;
      static io.fabric8.kubernetes.client.KubernetesClient kubernetes;
      static io.fabric8.kubernetes.client.KubernetesClient client;
      static dev.autoscaling.karpenter.client.KarpenterClient karpenter;
      static String connectionString;
      static java.nio.file.Path napDefaults;
      """;

  private record Example(Path file, int line, String packageName, List<String> imports, String code) {
  }

  private static List<Example> examples() throws Exception {
    List<Example> examples = new ArrayList<>();
    for (Path root : SOURCES) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path file : files) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String packageName = root.relativize(file.getParent()).toString().replace('/', '.');
        List<String> imports = lines.stream().filter(line -> line.startsWith("import ")).toList();
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).strip().equals("* <pre>{@code")) {
            continue;
          }
          StringBuilder code = new StringBuilder();
          int start = i + 1;
          int j = start;
          while (!lines.get(j).strip().equals("* }</pre>")) {
            code.append(lines.get(j).replaceFirst("^\\s*\\* ?", "")).append('\n');
            j++;
          }
          examples.add(new Example(file, start + 1, packageName, imports, code.toString()));
          i = j;
        }
      }
    }
    return examples;
  }

  @Test
  void shouldCompileEveryCodeExampleOfTheLibrarysJavadoc(@TempDir Path classes) throws Exception {
    // Given
    List<Example> examples = examples();
    StringBuilder imports = new StringBuilder("import java.util.*;\nimport java.nio.file.*;\nimport java.time.*;\n");
    for (String line : Files.readAllLines(ReadmeJshellTest.STARTUP, StandardCharsets.UTF_8)) {
      if (line.startsWith("import ")) {
        imports.append(line).append('\n');
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, Example> byName = new LinkedHashMap<>();
    Map<String, Long> headerLines = new LinkedHashMap<>();
    for (Example example : examples) {
      String className = "Example" + sources.size();
      String header = "package docs.examples;\n" + imports + String.join("\n", example.imports()) + "\nimport "
          + example.packageName() + ".*;\n"
          + "final class " + className + " {\n" + GIVEN + "static void example() throws Exception {\n";
      String name = "docs/examples/" + className + ".java";
      sources.put("docs.examples." + className, header + example.code() + "}\n}\n");
      byName.put(name, example);
      headerLines.put(name, header.lines().count());
    }

    // When
    List<String> errors = SnippetCompiler.compile(sources, classes).stream().map(error -> {
      String name = error.source().replaceFirst("^/", "");
      Example example = byName.get(name);
      return example == null ? error.toString()
          : example.file() + ":" + (example.line() + error.line() - headerLines.get(name) - 1) + ": " + error.message();
    }).toList();

    // Then
    assertThat(examples).as("examples found").hasSizeGreaterThan(10)
        .anySatisfy(e -> assertThat(e.file()).hasFileName("NodePools.java"))
        .anySatisfy(e -> assertThat(e.file()).hasFileName("ScaledObjects.java"));
    assertThat(errors).isEmpty();
  }
}
