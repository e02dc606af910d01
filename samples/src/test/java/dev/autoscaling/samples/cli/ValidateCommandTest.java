package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workshop validate}: its verdicts, its exit codes (0 valid, 1 invalid, 2 unreadable input or usage, 3 internal
 * error), and hostile input answered quickly, without a stack trace and without echoing the input.
 */
@Timeout(120)
class ValidateCommandTest {

  private static final String CANARY = "hunter2-canary-Zq9";
  private static final String SCALED_OBJECT = """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: worker, namespace: pets}
      spec:
        scaleTargetRef: {name: worker}
        triggers:
        - type: rabbitmq
          metadata: {queueName: orders, mode: QueueLength, value: "10"}
          authenticationRef: {name: rabbitmq-auth}
      """;

  private final CliRun cli = new CliRun();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private void assertNoStackTraceNorCanary() {
    assertThat(out.toString() + err).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain(CANARY)
        .doesNotContain("hunter2");
  }

  @Test
  void shouldAcceptTheRenderedWorkshopFolder(@TempDir Path dir) {
    // Given
    assertThat(run("render", "--out", dir.toString())).isZero();
    out.getBuffer().setLength(0);

    // When
    int exit = run("validate", dir.toString());

    // Then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("01-secret-rabbitmq-scaler-secret.yaml:1 (line 2) Secret/rabbitmq-scaler-secret: not checked: a Kubernetes built-in kind")
        .contains("03-scaledobject-virtual-worker-rabbitmq-scaledobject.yaml:1 (line 2) ScaledObject/virtual-worker-rabbitmq-scaledobject spec.pollingInterval: warning: pollingInterval is not relevant")
        .contains("6 document(s), 0 error(s), 1 warning(s)");
  }

  @Test
  void shouldPrintTheSameReportForAnyNumberOfThreads(@TempDir Path dir) throws Exception {
    // Given: the workshop, an invalid object and an unreadable file in one folder
    assertThat(run("render", "--out", dir.toString())).isZero();
    Files.writeString(dir.resolve("04-broken.yaml"), SCALED_OBJECT.replace("value: \"10\"", "value: ten"));
    Files.write(dir.resolve("05-binary.yaml"), new byte[] {0, (byte) 0xff, 0, 1});
    List<String> reports = new java.util.ArrayList<>();
    List<Integer> exits = new java.util.ArrayList<>();

    // When
    for (String threads : List.of("1", "3", "3")) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      exits.add(run("validate", "--threads", threads, dir.toString()));
      reports.add(out + "\n" + err);
    }

    // Then
    assertThat(exits).containsOnly(exits.get(0)).first().isNotEqualTo(0);
    assertThat(reports).containsOnly(reports.get(0));
    assertThat(reports.get(0)).contains("04-broken.yaml").contains("05-binary.yaml");
    assertThat(run("validate", "--threads", "0", dir.toString())).isEqualTo(ValidateCommand.UNREADABLE);
    assertThat(err.toString()).contains("--threads: expected at least 1, got 0");
  }

  @Test
  void shouldReadStandardInputAsRenderWritesIt() {
    // Given: what `workshop render` prints
    assertThat(run("render")).isZero();
    byte[] rendered = out.toString().getBytes(StandardCharsets.UTF_8);
    out.getBuffer().setLength(0);

    // When
    int exit = cli.run(new ByteArrayInputStream(rendered), "validate", "-");

    // Then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("-:1 (line 2) Secret/rabbitmq-scaler-secret").contains("6 document(s), 0 error(s)");
  }

  @Test
  void shouldPrintOneLinePerViolationAndFail(@TempDir Path dir) throws Exception {
    // Given
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker}
        spec:
          scaleTargetRef: {name: worker}
          minReplicas: 1
          triggers: []
        ---
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: pool}
        spec:
          weight: 0
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              requirements:
              - {key: kubernetes.io/arch, operator: In, values: []}
        """);

    // When
    int exit = run("validate", file.toString());

    // Then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":1 (line 1) ScaledObject/worker spec.minReplicas: ")
        .contains(file + ":2 (line 9) NodePool/pool spec.weight: must be greater than or equal to 1")
        .contains(file + ":2 (line 9) NodePool/pool spec.template.spec.requirements: requirements with operator 'In' must have"
            + " a value defined")
        .containsPattern("2 document\\(s\\), [0-9]+ error\\(s\\), [0-9]+ warning\\(s\\)");
  }

  @Test
  void shouldFailOnAnUnknownFieldAsKubectlApplyDoesAndOnlyWarnWithValidateWarn(@TempDir Path dir) throws Exception {
    // Given a typo'd spec field, which kubectl apply's strict field validation refuses
    Path file = dir.resolve("typo.yaml");
    Files.writeString(file, SCALED_OBJECT.replace("  scaleTargetRef:", "  minReplicas: 1\n  scaleTargetRef:"));

    // When / Then: strict by default
    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(file + ":1 (line 1) ScaledObject/worker spec.minReplicas: strict decoding error:"
        + " unknown field \"spec.minReplicas\"; did you mean spec.minReplicaCount?")
        .contains("1 document(s), 1 error(s), 0 warning(s)");

    // --validate=warn: the API server drops the field and warns
    out.getBuffer().setLength(0);
    assertThat(run("validate", "--validate=warn", file.toString())).isZero();
    assertThat(out.toString()).contains(file + ":1 (line 1) ScaledObject/worker spec.minReplicas: warning: unknown field"
        + " \"spec.minReplicas\", dropped by the API server; did you mean spec.minReplicaCount?")
        .contains("1 document(s), 0 error(s), 1 warning(s)");

    // --validate=ignore: not a word, as the API server
    out.getBuffer().setLength(0);
    assertThat(run("validate", "--validate=ignore", file.toString())).isZero();
    assertThat(out.toString()).contains("1 document(s), 0 error(s), 0 warning(s)");

    assertThat(run("validate", "--validate=loose", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--validate: invalid --validate value 'loose': expected strict, warn or"
        + " ignore");
  }

  @Test
  void shouldNameAMisspeltReservedLabelKeyAndSuggestTheRightOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pool.yaml");
    Files.writeString(file, """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: pool}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
              requirements:
              - {key: karpenter.azure.com/sku-famly, operator: In, values: [D]}
        """);

    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":1 (line 1) NodePool/pool spec.template.spec.requirements[0].key: label domain"
            + " \"karpenter.azure.com\" is restricted")
        .contains(file + ":1 (line 1) NodePool/pool spec.template.spec.requirements[0].key: karpenter.azure.com/sku-famly is"
            + " not a label Karpenter sets in karpenter.azure.com; did you mean karpenter.azure.com/sku-family?");
  }

  @Test
  void shouldCheckMetadataAsTheApiServerDoes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("named.yaml");
    Files.writeString(file, SCALED_OBJECT.replace("name: worker, namespace", "name: Bad_Name, namespace"));

    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(file + ":1 (line 1) ScaledObject/Bad_Name metadata.name: Invalid value: \"Bad_Name\":"
        + " a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
        + " start and end with an alphanumeric character");
  }

  @Test
  void shouldRejectAnUnknownProvider(@TempDir Path dir) {
    assertThat(run("validate", "--provider", "gcp", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--provider: expected azure or aws, got 'gcp'");
  }

  @Test
  void shouldNameAMissingFileAndStillCheckTheOthers(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), SCALED_OBJECT);

    int exit = run("validate", dir.resolve("nope.yaml").toString(), good.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("workshop validate: " + dir.resolve("nope.yaml") + ": no such file or folder");
    assertThat(out.toString()).contains(good + ":1 (line 1) ScaledObject/worker: ok (KEDA v2.20.2)")
        .contains("1 document(s), 0 error(s), 0 warning(s), 1 unreadable input(s)");
  }

  @Test
  void shouldExpandAListAndNumberItsItems(@TempDir Path dir) throws Exception {
    // Given: a v1 List, as `kubectl get -o yaml` writes one, and a ScaledObjectList whose items have no kind
    Path file = Files.writeString(dir.resolve("list.yaml"), """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}}
        - apiVersion: keda.sh/v1alpha1
          kind: ScaledObject
          metadata: {name: broken}
          spec: {scaleTargetRef: {name: worker}, triggers: [], minReplicaCount: -1}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObjectList
        items:
        - metadata: {name: typed-by-the-list}
          spec: {scaleTargetRef: {name: worker}, triggers: [{type: cpu, metricType: Utilization, metadata: {value: "50"}}]}
        """);

    // When
    int exit = run("validate", file.toString());

    // Then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":1 (line 1) items[0] ConfigMap/settings: not checked: a Kubernetes built-in kind")
        .contains(file + ":1 (line 1) items[1] ScaledObject/broken spec.minReplicaCount: ")
        .contains(file + ":2 (line 10) items[0] ScaledObject/typed-by-the-list")
        .contains("3 document(s)");
  }

  @Test
  void shouldRefuseDuplicateFieldsInTheApiServersWords(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("dup.yaml"), SCALED_OBJECT + "  minReplicaCount: 1\n  minReplicaCount: 2\n");

    int exit = run("validate", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(file + ":1 (line 1) ScaledObject/worker spec.minReplicaCount: strict decoding error:"
        + " duplicate field \"spec.minReplicaCount\" (set again on line 11; kubectl would silently keep only this last"
        + " value)");
  }

  @Test
  void shouldNameAYamlSyntaxErrorWithItsLineAndNeverEchoThePassword(@TempDir Path dir) throws Exception {
    // Given: a Secret with a broken line right after the password, and a valid object after it
    Path file = Files.writeString(dir.resolve("secret.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData:
          password: %s
           user: [admin
        ---
        %s""".formatted(CANARY, SCALED_OBJECT));

    // When
    int exit = run("validate", file.toString());

    // Then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).containsPattern(java.util.regex.Pattern.quote(file + ":1 line ") + "[56], column \\d+:"
        + " not valid YAML: ").contains(file + ":2 (line 8) ScaledObject/worker: ok");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldNeverEchoThePasswordOfAnyCommandsInput(@TempDir Path dir) throws Exception {
    // Given: the canary in a value, in a broken JSON stream, in a tag, as a key set twice, in an enum
    String[] inputs = {
        "{\"a\": 1}{\"b\": 2}{\"password\": " + CANARY + "}",
        "apiVersion: v1\nkind: Secret\nstringData: {password: !" + CANARY + "! x}\n",
        "apiVersion: v1\nkind: Secret\nstringData: {password: \"" + CANARY + "\\q\"}\n",
        "apiVersion: v1\nkind: Secret\ndata:\n  x: " + CANARY + "\n  x: " + CANARY + "\n",
        "password: " + CANARY + "\n\u0001\n"};
    for (int i = 0; i < inputs.length; i++) {
      Files.writeString(dir.resolve("in" + i + ".yaml"), inputs[i]);
    }

    // When
    int exit = run("validate", dir.toString());

    // Then
    assertThat(exit).isEqualTo(1);
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldRefuseAnAliasBombQuickly(@TempDir Path dir) throws Exception {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\na0: &a0 [lol, lol, lol, lol, lol, lol, lol,"
        + " lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    Path file = Files.writeString(dir.resolve("bomb.yaml"), bomb);

    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(file + ":1 line 7: document contains excessive aliasing");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldRefuseATenMegabyteLineAsOverTheDocumentLimit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("long.yaml");
    Files.write(file, ("a: " + "x".repeat(10_000_000) + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(run("validate", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ": the document starting at line 1 exceeds 3 MiB (3145728 characters),"
        + " the API server's request limit");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldCheckAHundredThousandDocumentsFromAStreamOneAtATime() {
    // Given: 100,000 documents, about 70 MB, made as they are read: never one string, never in memory at once
    byte[] document = ("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  note: \""
        + "x".repeat(600) + "\"\n").getBytes(StandardCharsets.UTF_8);
    Enumeration<InputStream> documents = new Enumeration<>() {
      int served;

      @Override
      public boolean hasMoreElements() {
        return served < 100_000;
      }

      @Override
      public InputStream nextElement() {
        served++;
        return new ByteArrayInputStream(document);
      }
    };

    // When
    int exit = cli.run(new SequenceInputStream(documents), "validate", "--quiet", "-");

    // Then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("100000 document(s), 0 error(s), 0 warning(s)\n");
  }

  @Test
  void shouldNameBinaryAndInvalidUtf8AndStillCheckTheRestOfTheFolder(@TempDir Path dir) throws Exception {
    // Given: a mixed folder
    Files.writeString(dir.resolve("a-good.yaml"), SCALED_OBJECT);
    Files.write(dir.resolve("b-latin1.yaml"), "kind: ConfigMap\nnote: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("c-binary.json"), new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00});
    Files.write(dir.resolve("d-utf16.yaml"), ("\ufeff" + SCALED_OBJECT.replace("worker", "utf16"))
        .getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(dir.resolve("e-empty.yaml"), "# nothing yet\n---\n");
    Files.writeString(dir.resolve("f-good.yml"), SCALED_OBJECT.replace("name: worker, ", "name: other, "));
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");

    // When
    int exit = run("validate", dir.toString());

    // Then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(dir.resolve("b-latin1.yaml") + ": not UTF-8 text: an invalid byte sequence at byte 25 (line 2)")
        .contains(dir.resolve("c-binary.json") + ": not UTF-8 text: an invalid byte sequence at byte 1 (line 1)");
    assertThat(out.toString())
        .contains(dir.resolve("a-good.yaml") + ":1 (line 1) ScaledObject/worker: ok")
        .contains(dir.resolve("d-utf16.yaml") + ":1 (line 1) ScaledObject/utf16: ok")
        .contains(dir.resolve("e-empty.yaml") + ": no objects")
        .contains(dir.resolve("f-good.yml") + ":1 (line 1) ScaledObject/other: ok")
        .doesNotContain("notes.txt")
        .contains("3 document(s), 0 error(s), 0 warning(s), 2 unreadable input(s)");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldNameAnInputWithNoObjectAndFailAsKubectlApplyDoes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.yaml"), "");

    assertThat(run("validate", file.toString())).isEqualTo(2);
    assertThat(out.toString()).contains(file + ": no objects").contains("0 document(s)");
    assertThat(err.toString()).contains("workshop validate: no objects passed to validate");
  }

  @Test
  void shouldNotOpenAFifoNorADevice(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    int exit = run("validate", fifo.toString(), "/dev/zero", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(fifo + ": not a regular file (a FIFO), not opened: it may never end or wait for a writer forever;"
            + " to check a stream, pipe it to `workshop validate -`")
        .contains("/dev/zero: not a regular file (a character device), not opened");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldRefuseAnEndlessStandardInputOfZeros() {
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };

    assertThat(cli.run(zeros, "validate", "-")).isEqualTo(2);
    assertThat(err.toString()).contains("-: binary data, not YAML or JSON text (a NUL character on line 1)");
  }

  @Test
  void shouldAnswerDeepNestingInYamlAndJson(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("deep.yaml"), "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(2_500)
        + "]".repeat(2_500) + "\n");
    Files.writeString(dir.resolve("deep.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": "
        + "{\"a\": ".repeat(2_500) + "1" + "}".repeat(2_500) + "}");

    assertThat(run("validate", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(dir.resolve("deep.json") + ":1 line 1: nested deeper than 1000 levels, the reading limit")
        .contains(dir.resolve("deep.yaml") + ":1 line 3: nested deeper than 1000 levels, the reading limit");
    assertNoStackTraceNorCanary();
  }

  @Test
  void shouldAcceptTheFacadesYamlOfAQueueNamedLikeAHexNumber(@TempDir Path dir) throws Exception {
    // Given: "0x10" would read back as the number 16 if it were written unquoted
    String yaml = dev.autoscaling.keda.ScaledObjects.scaling("worker").named("worker").inNamespace("pets")
        .trigger(new dev.autoscaling.keda.triggers.RabbitmqTrigger().queueName("0x10")
            .mode(dev.autoscaling.keda.triggers.RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("rabbitmq-auth"))
        .toYaml();
    Path file = Files.writeString(dir.resolve("hex.yaml"), yaml);

    // When / Then
    assertThat(run("validate", file.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains(file + ":1 (line 2) ScaledObject/worker: ok");
  }

  @Test
  void shouldAnswerAnInternalErrorWithOneLineAndExitThree(@TempDir Path dir) throws Exception {
    // Given: a bug, standing in the validation loop, whose message quotes the input
    Path file = Files.writeString(dir.resolve("ok.yaml"), SCALED_OBJECT);
    java.util.function.Consumer<ValidateCommand> bug = validate -> validate.afterCheck = document -> {
      throw new IllegalStateException("internal error while checking " + document.location(),
          new NullPointerException("password " + CANARY));
    };

    // When
    int exit = cli.run(bug, "validate", file.toString());
    String quiet = err.toString();
    err.getBuffer().setLength(0);
    int verboseExit = cli.run(bug, "--verbose", "validate", file.toString());

    // Then
    assertThat(exit).isEqualTo(3);
    assertThat(quiet).isEqualTo("workshop validate: internal error while checking " + file + ":1"
        + " (NullPointerException); this is a bug in the SDK, please report it (--verbose shows the stack trace)\n");
    assertThat(verboseExit).isEqualTo(3);
    assertThat(err.toString()).contains("\tat dev.autoscaling.samples.cli.ValidateCommand");
  }
}
