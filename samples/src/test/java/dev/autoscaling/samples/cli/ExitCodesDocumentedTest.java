package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's exit-code tables say what the code returns: the general table row for row as {@link ExitCode} (and
 * --help) says it, validate's codes as its --help lists them, and each code is reached by a real run here.
 */
class ExitCodesDocumentedTest {

  private static final Path README = Path.of("../README.md");

  /** The {@code | code | meaning |} tables of the README's CLI section, in order. */
  private static List<Map<Integer, String>> readmeTables() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("### The `workshop` CLI"), readme.indexOf("\n## ",
        readme.indexOf("### The `workshop` CLI")));
    List<Map<Integer, String>> tables = new ArrayList<>();
    Map<Integer, String> table = null;
    for (String line : section.lines().toList()) {
      if (line.equals("| code | meaning |")) {
        table = new LinkedHashMap<>();
        tables.add(table);
      } else if (table != null && line.matches("\\| \\d+ \\| .* \\|")) {
        String[] cells = line.split(" \\| ", 2);
        table.put(Integer.parseInt(cells[0].substring(2)), cells[1].substring(0, cells[1].length() - 2));
      } else if (table != null && !line.startsWith("|---")) {
        table = null;
      }
    }
    return tables;
  }

  @Test
  void shouldDocumentInTheReadmeExactlyTheExitCodesTheCommandsReturn() throws IOException {
    List<Map<Integer, String>> tables = readmeTables();
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (ExitCode exit : ExitCode.values()) {
      expected.put(exit.code(), exit.meaning());
    }

    assertThat(tables).hasSize(2);
    assertThat(tables.get(0)).containsExactlyEntriesOf(expected);
    String[] validateList = new CommandLine(new ValidateCommand()).getCommandSpec().usageMessage().exitCodeList()
        .keySet().stream().map(String::strip).toArray(String[]::new);
    assertThat(tables.get(1).keySet()).containsExactlyElementsOf(Arrays.stream(validateList).map(Integer::parseInt)
        .toList());
    assertThat(expected.keySet()).containsAll(tables.get(1).keySet());
  }

  @Test
  void shouldReachEveryDocumentedCode(@TempDir Path dir) throws IOException {
    Map<Integer, String> reached = new LinkedHashMap<>();
    // 0: a plan; 1: an invalid object; 2: an unknown step; 3: a bug (a check that throws); 4: no cluster
    reached.put(new CliRun().run("plan", "--to", "prerequisites"), "plan");
    Path invalid = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker}
        spec: {scaleTargetRef: {name: worker}, triggers: [], minReplicaCount: -1}
        """);
    reached.put(new CliRun().run("validate", invalid.toString()), "validate invalid");
    reached.put(new CliRun().run("plan", "--from", "nope"), "unknown step");
    byte[] invalidBytes = Files.readAllBytes(invalid);
    reached.put(new CliRun().run(validate -> {
      validate.stdin = new ByteArrayInputStream(invalidBytes);
      validate.afterCheck = document -> {
        throw new IllegalStateException("a bug");
      };
    }, "validate", "-"), "bug");
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: c, context: {cluster: c, user: u}}]
        current-context: c
        """.formatted(closedPort));
    reached.put(new CliRun().run("watch", "nodes", "--kubeconfig", kubeconfig.toString()), "no cluster");

    assertThat(new TreeSet<>(reached.keySet())).containsExactlyElementsOf(readmeTables().get(0).keySet());
  }
}
