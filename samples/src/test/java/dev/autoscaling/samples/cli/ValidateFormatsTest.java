package dev.autoscaling.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workshop validate -o json|junit|sarif}: reports CI tools parse, saying what the text says. */
class ValidateFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A valid ScaledObject (line 1), an invalid one (line 7), a ConfigMap no CRD describes (line 13). */
  private static Path manifests(Path dir) throws Exception {
    return Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: good}
        spec: {scaleTargetRef: {name: worker}, triggers: [{type: cpu, metricType: Utilization, metadata: {value: "50"}}]}
        ---
        # the broken one
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: broken}
        spec: {scaleTargetRef: {name: worker}, triggers: [], minReplicaCount: -1}
        ---

        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        """);
  }

  private static CliRun validate(String format, Path... inputs) {
    CliRun cli = new CliRun();
    String[] args = new String[inputs.length + 3];
    args[0] = "validate";
    args[1] = "-o";
    args[2] = format;
    for (int i = 0; i < inputs.length; i++) {
      args[i + 3] = inputs[i].toString();
    }
    cli.exit = cli.run(args);
    return cli;
  }

  @Test
  void shouldWriteOneJsonObjectWithEachResourceAndTheTotals(@TempDir Path dir) throws Exception {
    Path file = manifests(dir);
    CliRun text = validate("text", file);

    CliRun cli = validate("json", file, dir.resolve("missing.yaml"));

    JsonNode report = JSON.readTree(cli.out.toString());
    assertThat(cli.exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(report.get("resources")).hasSize(3);
    JsonNode broken = report.get("resources").get(1);
    assertThat(broken.get("source").asText()).isEqualTo(file.toString());
    assertThat(broken.get("document").asInt()).isEqualTo(2);
    assertThat(broken.get("line").asInt()).isEqualTo(7);
    assertThat(broken.get("kind").asText()).isEqualTo("ScaledObject");
    assertThat(broken.get("name").asText()).isEqualTo("broken");
    assertThat(broken.get("status").asText()).isEqualTo("invalid");
    assertThat(broken.get("violations")).isNotEmpty().allSatisfy(v -> {
      assertThat(v.get("severity").asText()).isIn("error", "warning");
      assertThat(text.out.toString()).contains(v.get("message").asText());
    });
    assertThat(report.get("resources").get(0).get("status").asText()).isEqualTo("valid");
    assertThat(report.get("resources").get(2).get("status").asText()).isEqualTo("skipped");
    assertThat(report.get("unreadable").get(0).get("source").asText()).isEqualTo(dir.resolve("missing.yaml")
        .toString());
    assertThat(report.get("summary").get("documents").asInt()).isEqualTo(3);
    assertThat(report.get("summary").get("errors").asInt()).isEqualTo(text.out.toString().lines()
        .filter(line -> line.contains(":2 (line 7) ScaledObject/broken ") && !line.contains("warning:")).count());
    assertThat(report.get("summary").get("unreadable").asInt()).isEqualTo(1);
    assertThat(cli.err.toString()).contains("missing.yaml: no such file or folder");
  }

  @Test
  void shouldWriteAJunitReportWithAFailurePerInvalidObject(@TempDir Path dir) throws Exception {
    Path file = manifests(dir);

    CliRun cli = validate("junit", file);

    assertThat(cli.exit).isEqualTo(ExitCode.FAILED.code());
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(cli.out.toString().getBytes(StandardCharsets.UTF_8)));
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("3");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    Element broken = (Element) cases.item(1);
    assertThat(broken.getAttribute("classname")).isEqualTo(file.toString());
    assertThat(broken.getAttribute("name")).isEqualTo("2 ScaledObject/broken");
    assertThat(broken.getElementsByTagName("failure").item(0).getTextContent()).contains("minReplicaCount");
    assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
    assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void shouldWriteSarifThatLocatesEachViolationAtItsDocumentsLine(@TempDir Path dir) throws Exception {
    Path file = manifests(dir);

    CliRun cli = validate("sarif", file);

    assertThat(cli.exit).isEqualTo(ExitCode.FAILED.code());
    JsonNode sarif = JSON.readTree(cli.out.toString());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("workshop validate");
    JsonNode results = run.get("results");
    assertThat(results).isNotEmpty().allSatisfy(result -> {
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(file.toString());
      assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
      assertThat(result.at("/message/text").asText()).startsWith(file + ":2 ScaledObject/broken ");
    });
    assertThat(results.findValuesAsText("level")).contains("error");
    // every result's rule is declared in the driver, as code scanning requires
    assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).containsAll(results.findValuesAsText("ruleId"));
  }

  @Test
  void shouldCheckWhatRenderPrintsFromStandardInputInEveryFormat() {
    CliRun render = new CliRun();
    assertThat(render.run("render")).isZero();
    byte[] rendered = render.out.toString().getBytes(StandardCharsets.UTF_8);

    for (String format : new String[] {"text", "json", "junit", "sarif"}) {
      CliRun cli = new CliRun();
      int exit = cli.run(new ByteArrayInputStream(rendered), "validate", "-o", format, "-");

      assertThat(exit).as(format + ": " + cli.err).isZero();
      assertThat(cli.out.toString()).as(format).contains("virtual-worker-rabbitmq-scaledobject");
    }
  }
}
