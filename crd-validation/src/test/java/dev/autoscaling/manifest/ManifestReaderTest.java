package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading manifests as kubectl reads them, one document at a time, within bounds, never echoing the input. */
@Timeout(60)
class ManifestReaderTest {

  private static final String CANARY = "hunter2-canary-Zq9";

  private static List<ManifestDocument> read(String text) {
    List<ManifestDocument> documents = new ArrayList<>();
    try (ManifestReader reader = ManifestReader.of(text, "in.yaml")) {
      reader.forEachRemaining(documents::add);
    }
    return documents;
  }

  private static JsonNode only(String text) {
    List<ManifestDocument> documents = read(text);
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).problems()).isEmpty();
    return documents.get(0).tree();
  }

  private static List<ManifestDocument> readBytes(byte[] bytes) {
    List<ManifestDocument> documents = new ArrayList<>();
    try (ManifestReader reader = ManifestReader.open(new ByteArrayInputStream(bytes), "in.yaml")) {
      reader.forEachRemaining(documents::add);
    }
    return documents;
  }

  @Test
  void shouldResolveAnchorsAliasesAndMergeKeys() {
    JsonNode tree = only("""
        base: &base {cpu: 1, memory: 2Gi}
        other: &other {cpu: 9, disk: 10Gi}
        list: [*base, *base]
        merged:
          cpu: 4
          <<: [*base, *other]
        """);

    assertThat(tree.at("/list/1/memory").asText()).isEqualTo("2Gi");
    // a field the mapping sets wins wherever it stands; among merged mappings the first wins
    assertThat(tree.get("merged").toString()).isEqualTo("{\"cpu\":4,\"memory\":\"2Gi\",\"disk\":\"10Gi\"}");
    assertThat(tree.has("<<")).isFalse();
  }

  @Test
  void shouldKeepAQuotedMergeKeyAsAField() {
    assertThat(only("'<<': x\n").get("<<").asText()).isEqualTo("x");
  }

  @Test
  void shouldRefuseAMergeOfAScalar() {
    ManifestDocument document = read("a: &a 1\nb:\n  <<: *a\n").get(0);

    assertThat(document.parsed()).isFalse();
    assertThat(document.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("map merge requires map or sequence of maps as the value");
      assertThat(p.line()).isEqualTo(3);
    });
  }

  @Test
  void shouldRefuseAnAliasBombQuickly() {
    // Given: "billion laughs", 10^9 strings through nine levels of aliases
    StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }

    // When
    ManifestDocument document = read(bomb.toString()).get(0);

    // Then
    assertThat(document.parsed()).isFalse();
    assertThat(document.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
        "document contains excessive aliasing: aliases and merge keys copy more than 100000 nodes, the reading limit"));
  }

  @Test
  void shouldReportEveryDuplicateFieldAsStrictDecodingDoesAndKeepTheLastValue() {
    List<ManifestDocument> documents = read("""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        spec:
          minReplicaCount: 1
          triggers:
          - type: cpu
            type: memory
          minReplicaCount: 2
        """);

    ManifestDocument document = documents.get(0);
    assertThat(document.tree().at("/spec/minReplicaCount").asInt()).isEqualTo(2);
    assertThat(document.problems()).extracting(ManifestProblem::path, ManifestProblem::line, ManifestProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.triggers[0].type", 7, "strict decoding error: duplicate field"
                + " \"spec.triggers[0].type\" (set again on line 7; kubectl would silently keep only this last value)"),
            org.assertj.core.groups.Tuple.tuple("spec.minReplicaCount", 8, "strict decoding error: duplicate field"
                + " \"spec.minReplicaCount\" (set again on line 8; kubectl would silently keep only this last value)"));
  }

  @Test
  void shouldFindDuplicateFieldsInJsonToo() {
    ManifestDocument document = read("{\"metadata\": {\"labels\": {\"a.b/c\": \"1\", \"a.b/c\": \"2\"}}}").get(0);

    assertThat(document.problems()).extracting(ManifestProblem::path).containsExactly("metadata.labels[a.b/c]");
  }

  @Test
  void shouldResolveScalarsAsKubectlsGoYamlV2() {
    JsonNode tree = only("""
        yes: yes
        off: Off
        "n": y
        hex: 0x10
        octal: 017
        octal12: 0o17
        binary: 0b101
        underscores: 1_000
        exponent: 1e3
        float: 1.5
        whole: 2.0
        sexagesimal: 1:20
        huge: 5e10723
        date: 2001-12-14
        tilde: ~
        empty:
        quoted: "0x10"
        tagged: !!str 10
        floatTag: !!float 1
        0x10: key
        1.5: float key
        """);

    // YAML 1.1 booleans, keys included: yes/no, on/off, y/n in their three spellings
    assertThat(tree.get("true").booleanValue()).isTrue();
    assertThat(tree.get("false").isBoolean()).isTrue();
    assertThat(read("n: 1\nno: 2\n").get(0).problems()).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("false"));
    assertThat(tree.get("hex").intValue()).isEqualTo(16);
    assertThat(tree.get("octal").intValue()).isEqualTo(15);
    assertThat(tree.get("octal12").intValue()).isEqualTo(15);
    assertThat(tree.get("binary").intValue()).isEqualTo(5);
    assertThat(tree.get("underscores").intValue()).isEqualTo(1000);
    assertThat(tree.get("exponent").isInt()).as("a whole float reaches the API server as an integer").isTrue();
    assertThat(tree.get("exponent").intValue()).isEqualTo(1000);
    assertThat(tree.get("float").doubleValue()).isEqualTo(1.5);
    assertThat(tree.get("whole").isInt()).isTrue();
    assertThat(tree.get("sexagesimal").textValue()).isEqualTo("1:20");
    assertThat(tree.get("huge").textValue()).as("out of float64 range: go-yaml keeps the text").isEqualTo("5e10723");
    assertThat(tree.get("date").textValue()).isEqualTo("2001-12-14");
    assertThat(tree.get("tilde").isNull()).isTrue();
    assertThat(tree.get("empty").isNull()).isTrue();
    assertThat(tree.get("quoted").textValue()).isEqualTo("0x10");
    assertThat(tree.get("tagged").textValue()).isEqualTo("10");
    assertThat(tree.get("floatTag").isInt()).isTrue();
    assertThat(tree.get("16").textValue()).isEqualTo("key");
    assertThat(tree.get("1.5").textValue()).isEqualTo("float key");
  }

  @Test
  void shouldRefuseInfinityAsJsonHasNone() {
    ManifestDocument document = read("a: 1\nb: -.inf\n").get(0);

    assertThat(document.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).isEqualTo(
          "json: unsupported value: -Inf (JSON has no such number; quote it if text is meant)");
    });
  }

  @Test
  void shouldReadATopLevelJsonArrayAsOneDocumentAsKubectlDoes() {
    assertThat(read("[{\"kind\": \"A\"}, {\"kind\": \"B\"}]")).singleElement()
        .satisfies(d -> assertThat(d.tree().isArray()).isTrue());
  }

  @Test
  void shouldReadAJsonStreamAndFallBackToYamlAsKubectlDoes() {
    // a stream of JSON objects
    assertThat(read("{\"a\": 1}\n{\"b\": 2} {\"c\": 3}")).extracting(d -> d.tree().fieldNames().next())
        .containsExactly("a", "b", "c");
    // a YAML flow mapping that starts the file is not JSON: kubectl reads it again as YAML
    assertThat(read("{a: 1, b: [x]}\n")).singleElement().satisfies(d -> assertThat(d.tree().at("/b/0").asText())
        .isEqualTo("x"));
    // JSON, then YAML documents after a separator
    assertThat(read("{\"a\": 1}\n---\nb: 2\n---\nc: 3\n")).extracting(ManifestDocument::number, ManifestDocument::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 3),
            org.assertj.core.groups.Tuple.tuple(3, 5));
  }

  @Test
  void shouldNumberDocumentsFromOneSkippingEmptyOnesAndGoOnAfterASyntaxError() {
    List<ManifestDocument> documents = read("""
        # licence header
        ---
        a: 1
        ---
        ---
        null
        ---
        b: [
        ---
        c: 3
        """);

    assertThat(documents).extracting(ManifestDocument::number, ManifestDocument::line, ManifestDocument::parsed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3, true),
            org.assertj.core.groups.Tuple.tuple(2, 8, false), org.assertj.core.groups.Tuple.tuple(3, 10, true));
    assertThat(documents.get(1).problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.message()).startsWith("not valid YAML: ");
    });
  }

  @Test
  void shouldRefuseWhatKubectlRefusesAfterASeparator() {
    List<ManifestDocument> documents = read("a: 1\n--- b: 2\n---\nc: 3\n");

    assertThat(documents).hasSize(3);
    assertThat(documents.get(1).problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
        "invalid YAML document separator: only a comment may follow '---' on its line (kubectl refuses the file)"));
  }

  @Test
  void shouldReadCrLfLineEndings() {
    assertThat(read("a: x\r\n---\r\nb: z\r\n")).extracting(d -> d.tree().toString())
        .containsExactly("{\"a\":\"x\"}", "{\"b\":\"z\"}");
  }

  @Test
  void shouldNeverQuoteTheInputInASyntaxError() {
    List<String> texts = List.of(
        "password: " + CANARY + "\n  broken: [\n",
        "password: \"" + CANARY + "\\q\"\n",
        "a: !" + CANARY + "! x\n",
        "- " + CANARY + "\n" + CANARY + ": x\n",
        "{\"a\": 1}{\"b\": 2}{\"password\": " + CANARY + "}",
        "{\"password\": \"" + CANARY + "\" \"x\"}");
    for (String text : texts) {
      List<ManifestDocument> documents = read(text);
      assertThat(documents).as(text).anyMatch(d -> !d.problems().isEmpty());
      assertThat(documents.toString()).as(text).doesNotContain(CANARY).doesNotContain("hunter");
    }
  }

  @Test
  void shouldBoundNestingInYamlAndJson() {
    String yaml = "a: " + "[".repeat(2_500) + "]".repeat(2_500) + "\n";
    String json = "{\"a\": " + "[".repeat(2_500) + "]".repeat(2_500) + "}\n{\"b\": 1}\n{\"c\": 2}";

    assertThat(read(yaml)).singleElement().satisfies(d -> assertThat(d.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("nested deeper than 1000 levels, the reading limit")));
    List<ManifestDocument> documents = read(json);
    assertThat(documents).extracting(ManifestDocument::parsed).containsExactly(false, true, true);
    assertThat(documents.get(0).problems().get(0).message()).isEqualTo("nested deeper than 1000 levels, the reading limit");
  }

  @Test
  void shouldRefuseALongLineAfterTheLimitNotAfterReadingIt() {
    // Given: a 10 MB line that is never complete in memory
    InputStream endless = new InputStream() {
      long served;

      @Override
      public int read() {
        return served++ < 10_000_000 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (served >= 10_000_000) {
          return -1;
        }
        int n = (int) Math.min(len, 10_000_000 - served);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        served += n;
        return n;
      }
    };

    // When / Then
    try (ManifestReader reader = ManifestReader.open(endless, "long.yaml")) {
      assertThatThrownBy(reader::hasNext).isInstanceOf(UnreadableInputException.class).hasMessage(
          "long.yaml: the document starting at line 1 exceeds 3 MiB (3145728 characters), the API server's request"
              + " limit");
    }
  }

  @Test
  void shouldNameInvalidUtf8WithItsPlace() {
    byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> readBytes(bytes)).isInstanceOf(UnreadableInputException.class)
        .hasMessage("in.yaml: not UTF-8 text: an invalid byte sequence at byte 11 (line 2); save it as UTF-8 (kubectl"
            + " reads UTF-8, and UTF-16 only with a byte order mark)");
  }

  @Test
  void shouldReadUtf16WithAByteOrderMarkAsKubectlDoes() {
    byte[] little = ("\ufeffkind: ConfigMap\ndata: {greeting: h\u00e9llo}\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] big = ("\ufeffkind: ConfigMap\n").getBytes(StandardCharsets.UTF_16BE);
    byte[] utf8Bom = ("\ufeffkind: ConfigMap\n").getBytes(StandardCharsets.UTF_8);

    assertThat(readBytes(little)).singleElement().satisfies(d -> assertThat(d.tree().at("/data/greeting").asText())
        .isEqualTo("h\u00e9llo"));
    assertThat(readBytes(big)).singleElement().satisfies(d -> assertThat(d.tree().get("kind").asText())
        .isEqualTo("ConfigMap"));
    assertThat(readBytes(utf8Bom)).singleElement().satisfies(d -> assertThat(d.tree().get("kind").asText())
        .isEqualTo("ConfigMap"));
  }

  @Test
  void shouldNameBinaryInputAndUtf16WithoutAByteOrderMark() {
    byte[] utf16 = "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_16LE);

    assertThatThrownBy(() -> readBytes(utf16)).isInstanceOf(UnreadableInputException.class).hasMessage(
        "in.yaml: binary data, not YAML or JSON text (a NUL character on line 1); UTF-16 text needs a byte order mark");
  }

  @Test
  void shouldHandOutDocumentsBeforeAnUnreadablePlace() {
    byte[] head = "a: 1\n---\nb: 2\n---\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 70_000);
    bytes[bytes.length - 1] = (byte) 0xff;
    java.util.Arrays.fill(bytes, head.length, bytes.length - 1, (byte) ' ');
    List<ManifestDocument> documents = new ArrayList<>();

    try (ManifestReader reader = ManifestReader.open(new ByteArrayInputStream(bytes), "in.yaml")) {
      assertThatThrownBy(() -> reader.forEachRemaining(documents::add)).isInstanceOf(UnreadableInputException.class);
      assertThat(reader.hasNext()).isFalse();
    }
    assertThat(documents).extracting(d -> d.tree().toString()).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void shouldRefuseAStreamOverTheInputLimit() {
    byte[] bytes = "a: 1\n---\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);

    try (ManifestReader reader = ManifestReader.open(new ByteArrayInputStream(bytes), "-",
        ManifestLimits.DEFAULT.withInputBytes(100_000))) {
      assertThatThrownBy(() -> reader.forEachRemaining(d -> { })).isInstanceOf(UnreadableInputException.class)
          .hasMessage("-: larger than 100000 bytes, the most one input may hold; split it");
    }
  }

  /** What a reader gives, as text: every document (number, line, tree, problems), then how reading ended. */
  private static String outcome(ManifestReader opened) {
    StringBuilder out = new StringBuilder();
    try (ManifestReader reader = opened) {
      reader.forEachRemaining(d -> out.append(d.number()).append('@').append(d.line()).append(' ').append(d.tree())
          .append(' ').append(d.problems()).append('\n'));
    } catch (UnreadableInputException e) {
      out.append("unreadable: ").append(e.reason());
    }
    return out.toString();
  }

  @Test
  void aFileIsReadAsTheSameBytesFromAStreamAreWhateverItsSize(@TempDir Path folder) throws IOException {
    // files get read buffers sized to them: below, at and above both buffers' sizes the results must not change
    String document = "kind: K\r\nmetadata:\n  name: caf\u00e9-\ud83d\ude00\n---\n";
    List<String> texts = new ArrayList<>(List.of("", "a: 1", "{\"a\": 1}", "a: 1\n---\nb: [\n"));
    for (int copies : new int[] {1, 20, 400, 420, 1_700, 2_000}) {
      texts.add(document.repeat(copies));
      texts.add(document.repeat(copies) + "bad: \u0000\n");
    }
    int checked = 0;
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Path file = Files.write(folder.resolve("in.yaml"), bytes);
      String fromFile = outcome(ManifestReader.open(file, ManifestLimits.DEFAULT));
      String fromStream = outcome(ManifestReader.open(new ByteArrayInputStream(bytes), file.toString()));
      assertThat(fromFile).as("%d bytes", bytes.length).isEqualTo(fromStream);
      if (text.indexOf('\u0000') < 0) { // text in memory is not decoded, so not checked for being binary
        assertThat(outcome(ManifestReader.of(text, file.toString()))).as("%d chars", text.length())
            .isEqualTo(fromStream);
      }
      checked += bytes.length > 64 * 1024 ? 1 : 0;
    }
    assertThat(checked).as("inputs larger than the largest buffer").isEqualTo(4);
  }
}
