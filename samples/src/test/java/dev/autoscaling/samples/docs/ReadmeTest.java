package dev.autoscaling.samples.docs;

import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's ```java snippets are one program, in order, each with the imports it uses: it compiles, it runs
 * (its client snippet against the embedded API server, with KEDA and Karpenter played by {@link ControllersStandIn}),
 * what it says it prints ({@code // prints: ...}) it prints, and each snippet pastes into jshell as it is. Its
 * ```xml snippets are what the consumer projects of build-tests use.
 */
class ReadmeTest {

  private static final Path README = Path.of("../README.md");
  private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s*(.+)$");

  /** The program the java blocks make, with the README line of each generated line. */
  private record Program(String source, List<Integer> readmeLines, List<String> printed) {

    String where(long generatedLine) {
      int index = (int) generatedLine - 1;
      return index >= 0 && index < readmeLines.size() && readmeLines.get(index) > 0
          ? "README.md:" + readmeLines.get(index) : "the generated frame, line " + generatedLine;
    }
  }

  private static Program program() throws Exception {
    List<FencedBlock> blocks = FencedBlock.read(README, "java");
    assertThat(blocks).as("```java blocks in the README").isNotEmpty();
    Set<String> imports = new LinkedHashSet<>();
    Map<String, Integer> importLines = new LinkedHashMap<>();
    List<String> body = new ArrayList<>();
    List<Integer> bodyLines = new ArrayList<>();
    List<String> printed = new ArrayList<>();
    for (FencedBlock block : blocks) {
      for (int i = 0; i < block.lines().size(); i++) {
        String line = block.lines().get(i);
        if (line.startsWith("import ")) {
          if (imports.add(line.strip())) {
            importLines.put(line.strip(), block.lineOf(i));
          }
        } else {
          body.add("    " + line);
          bodyLines.add(block.lineOf(i));
          Matcher prints = PRINTS.matcher(line);
          if (prints.find()) {
            printed.add(prints.group(1).strip());
          }
        }
      }
    }
    StringBuilder source = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    importLines.forEach((line, readmeLine) -> {
      source.append(line).append('\n');
      lines.add(readmeLine);
    });
    for (String frame : List.of("public final class ReadmeProgram {",
        "  public static void main(String[] args) throws Exception {")) {
      source.append(frame).append('\n');
      lines.add(0);
    }
    for (int i = 0; i < body.size(); i++) {
      source.append(body.get(i)).append('\n');
      lines.add(bodyLines.get(i));
    }
    source.append("  }\n}\n");
    return new Program(source.toString(), lines, printed);
  }

  private static List<String> compile(Program program, Path classes) throws Exception {
    return SnippetCompiler.compile(Map.of("ReadmeProgram", program.source()), classes).stream()
        .map(e -> program.where(e.line()) + ": " + e.message()).toList();
  }

  @Test
  void shouldCompileTheJavaSnippetsAsOneProgramWithTheImportsTheyShow(@TempDir Path classes) throws Exception {
    assertThat(compile(program(), classes)).isEmpty();
  }

  @Test
  void shouldRunTheJavaSnippetsAgainstTheEmbeddedApiServer(@TempDir Path classes) throws Exception {
    // Given the program, and a cluster where KEDA, Karpenter and NAP do what the snippets wait for
    Program program = program();
    assertThat(compile(program, classes)).isEmpty();
    Map<String, String> saved = new LinkedHashMap<>();
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (EmbeddedApiServer server = EmbeddedApiServer.start();
         ControllersStandIn controllers = new ControllersStandIn(server.client());
         URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
             ReadmeTest.class.getClassLoader())) {
      // `new KubernetesClientBuilder().build()` finds its cluster as it would a kubeconfig's
      for (Map.Entry<String, String> property : Map.of("kubernetes.master", server.url(),
          "kubernetes.auth.tryKubeConfig", "false", "kubernetes.auth.tryServiceAccount", "false").entrySet()) {
        saved.put(property.getKey(), System.getProperty(property.getKey()));
        System.setProperty(property.getKey(), property.getValue());
      }
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

      // When
      loader.loadClass("ReadmeProgram").getMethod("main", String[].class).invoke(null, (Object) new String[0]);

      // Then what the snippets applied is on the server
      System.setOut(out);
      assertThat(server.client().adapt(KarpenterClient.class).nodePools().withName("arm-nodepool").get()
          .getSpec().getWeight()).isEqualTo(10);
      assertThat(server.client().adapt(KedaClient.class).scaledObjects().inNamespace("pets")
          .withName("virtual-worker-rabbitmq-scaledobject").get().getSpec().getTriggers()).hasSize(1);
    } finally {
      System.setOut(out);
      saved.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
    assertThat(program.printed()).as("// prints: lines in the README").isNotEmpty();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains(program.printed());
  }

  @Test
  void shouldPasteEachJavaSnippetIntoJshellStatementByStatement() throws Exception {
    List<String> cut = new ArrayList<>();
    try (JShell shell = JShell.create()) {
      for (FencedBlock block : FencedBlock.read(README, "java")) {
        for (JshellPaste.Snippet snippet : JshellPaste.snippets(shell.sourceCodeAnalysis(), block)) {
          // Java statements end in ';' or '}': jshell adding a ';' means it ended one where Java goes on
          if (snippet.completeness() != Completeness.COMPLETE) {
            cut.add("README.md:" + snippet.line() + ": jshell would take `" + snippet.source().lines().reduce(
                (a, b) -> b).orElse("") + "` as the end of a statement (" + snippet.completeness()
                + "); end the line with '.' and start the next without it");
          }
        }
      }
    }
    assertThat(cut).isEmpty();
  }

  @Test
  void shouldDeclareDependenciesExactlyAsTheConsumerProjectsOfTheBuildDo() throws Exception {
    // Given the consumer projects, and the version the README tells a user to import
    List<String> consumers = new ArrayList<>();
    try (Stream<Path> poms = Files.list(Path.of("../build-tests/src/it"))) {
      for (Path dir : poms.filter(Files::isDirectory).sorted().toList()) {
        consumers.add(normalise(Files.readString(dir.resolve("pom.xml"))));
      }
    }
    Matcher projectVersion = Pattern.compile("<artifactId>autoscaling-parent</artifactId><version>([^<]+)</version>")
        .matcher(normalise(Files.readString(Path.of("../pom.xml"))));
    assertThat(projectVersion.find()).isTrue();
    String version = projectVersion.group(1);
    List<FencedBlock> blocks = FencedBlock.read(README, "xml");

    // Then each xml block is what at least one consumer project declares, the BOM's import what all of them do
    assertThat(consumers).hasSizeGreaterThanOrEqualTo(3);
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (FencedBlock block : blocks) {
      String declared = normalise(block.text());
      assertThat(declared).as("README.md:" + block.firstLine()).doesNotContain("${");
      String asInConsumers = declared.replace("<version>" + version + "</version>", "<version>@project.version@</version>");
      if (declared.contains("<artifactId>autoscaling-bom</artifactId>")) {
        assertThat(declared).as("README.md:" + block.firstLine() + " imports this version").contains(version);
        assertThat(consumers).as("README.md:" + block.firstLine()).allMatch(pom -> pom.contains(asInConsumers));
      } else {
        assertThat(consumers).as("README.md:" + block.firstLine()).anyMatch(pom -> pom.contains(asInConsumers));
      }
    }
  }

  /** XML without comments and without the blanks between tags. */
  private static String normalise(String xml) {
    return xml.replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+<", "><").strip();
  }
}
