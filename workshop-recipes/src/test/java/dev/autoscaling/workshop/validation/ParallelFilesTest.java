package dev.autoscaling.workshop.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelFilesTest {

  private static final String AUTHENTICATION = """
      apiVersion: keda.sh/v1alpha1
      kind: TriggerAuthentication
      metadata: {name: sql-password, namespace: shop}
      spec:
        env: [{parameter: password, name: SQL_PASSWORD}]
      """;
  // valid on its own; invalid after AUTHENTICATION (it gives no host)
  private static final String JOB = """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledJob
      metadata: {name: invoices, namespace: shop}
      spec:
        jobTargetRef:
          template:
            spec:
              containers: [{name: invoicer, image: invoicer:1}]
        triggers:
        - type: mssql
          metadata: {query: "SELECT COUNT(*) FROM invoices", targetValue: "5", username: keda}
          authenticationRef: {name: sql-password}
      """;
  private static final String POOL = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: pool-%d}
      spec:
        template:
          spec:
            nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
            requirements:
            - {key: kubernetes.io/arch, operator: In, values: [amd64]}
        limits: {cpu: "%d"}
      """;

  /** Valid, invalid, unreadable and empty files, nested folders, and authentications given by one file to another. */
  private static Path tree(Path root) throws IOException {
    for (int i = 0; i < 60; i++) {
      Path folder = Files.createDirectories(root.resolve("team-" + (i % 3)));
      String pool = POOL.formatted(i, 10 + i);
      String text = switch (i % 6) {
        case 0 -> pool;
        case 1 -> pool.replace("operator: In", "operator: Among"); // invalid: not an operator
        case 2 -> JOB; // checked against the authentication of earlier files, as one thread does
        case 3 -> AUTHENTICATION.replace("sql-password", "sql-password-" + i) + "---\n" + JOB;
        case 4 -> "";
        default -> pool + "---\nkind: [unclosed\n";
      };
      Files.writeString(folder.resolve("f" + (100 + i) + ".yaml"), text);
    }
    Files.writeString(root.resolve("team-0/a-auth.yaml"), AUTHENTICATION);
    Files.write(root.resolve("team-1/binary.yaml"), new byte[] {0, 1, (byte) 0xff, (byte) 0xfe, 0, 0, 0x7f});
    Files.write(root.resolve("team-2/latin1.json"), "{\"kind\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    Files.createDirectories(root.resolve("team-2/folder.yaml"));
    Files.writeString(root.resolve("team-2/notes.txt"), "not a manifest");
    return root;
  }

  /** Everything the listener hears, as text, in order. */
  private static String heard(List<Path> paths, int threads, String stdin) {
    List<String> lines = new ArrayList<>();
    ManifestValidator.detectingProvider().validate(paths,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new ValidationListener() {
          @Override
          public void checked(CheckedDocument document) {
            lines.add("checked " + document.location() + " " + document.checkedAgainst() + " "
                + document.result().report().violations().stream()
                .map(v -> (v.isError() ? "E " : "W ") + v.path() + ": " + v.message())
                .collect(Collectors.joining("; ")));
          }

          @Override
          public void unreadable(String source, String reason) {
            lines.add("unreadable " + source + " " + reason);
          }

          @Override
          public void empty(String source) {
            lines.add("empty " + source);
          }
        }, threads);
    return String.join("\n", lines);
  }

  @Test
  void shouldTellTheListenerWhatOneThreadTellsItInTheSameOrder(@TempDir Path root) throws IOException {
    tree(root);
    List<Path> paths = List.of(root.resolve("team-2"), root.resolve("missing"), Path.of("-"), root);

    String one = heard(paths, 1, JOB);
    String four = heard(paths, 4, JOB);

    assertThat(four).isEqualTo(one);
    assertThat(heard(paths, 2, JOB)).isEqualTo(one);
    assertThat(heard(paths, 4, JOB)).isEqualTo(one);
    // the tree really mixes what it should, so that equality means something
    assertThat(one).contains("unreadable " + root.resolve("missing") + " no such file or folder")
        .contains("unreadable " + root.resolve("team-1/binary.yaml"))
        .contains("unreadable " + root.resolve("team-2/latin1.json"))
        .contains("empty " + root.resolve("team-1/f104.yaml"))
        .contains("checked " + root.resolve("team-0/f100.yaml") + ":1 Karpenter provider Azure")
        .contains("E spec.template.spec.requirements[0].operator")
        .contains("checked " + root.resolve("team-2/f105.yaml") + ":2 not checked: unreadable")
        .doesNotContain("notes.txt");
  }

  @Test
  void shouldCheckATriggerAgainstTheAuthenticationOfAnEarlierFileAsOneThreadDoes(@TempDir Path root)
      throws IOException {
    tree(root);
    Path job = root.resolve("team-2/f102.yaml"); // after team-0/a-auth.yaml in name order

    String four = heard(List.of(root), 4, "");

    // the same ScaledJob alone is valid; read after the authentication it names, KEDA would miss its host
    assertThat(heard(List.of(job), 4, "")).doesNotContain("E ");
    assertThat(four).contains("checked " + job + ":1 KEDA v2.20.2 E spec.triggers[0].metadata[host]");
  }

  @Test
  void shouldRefuseFewerThanOneThread() {
    assertThatThrownBy(() -> heard(List.of(Path.of("-")), 0, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStillNameTheFailingObjectAfterEverythingBeforeIt(@TempDir Path root) throws IOException {
    tree(root);
    List<String> seen = new ArrayList<>();
    ValidationListener failing = new ValidationListener() {
      @Override
      public void checked(CheckedDocument document) {
        seen.add(document.location());
        if (document.source().endsWith("f130.yaml")) {
          throw new IllegalStateException("listener failed");
        }
      }

      @Override
      public void unreadable(String source, String reason) {
        seen.add(source);
      }
    };
    List<String> sequential = new ArrayList<>();
    assertThatThrownBy(() -> ManifestValidator.detectingProvider().validate(List.of(root),
        new ByteArrayInputStream(new byte[0]), failing, 1)).hasMessage("listener failed");
    sequential.addAll(seen);
    seen.clear();

    assertThatThrownBy(() -> ManifestValidator.detectingProvider().validate(List.of(root),
        new ByteArrayInputStream(new byte[0]), failing, 4)).hasMessage("listener failed");

    assertThat(seen).isEqualTo(sequential).last().asString().endsWith("f130.yaml:1");
  }

}
