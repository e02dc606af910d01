package dev.autoscaling.samples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.validation.CheckedDocument;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code -o sarif}: SARIF 2.1.0, the format code-scanning tools (GitHub's among them) import. A result per
 * violation, located at the line its document starts on; rules are the OpenAPI keywords and CEL that fired.
 * Written at the end (SARIF is one JSON document whose rules come before the results).
 */
final class SarifValidationOutput implements ValidationOutput {

  /** CEL rules are expressions, not ids: they share one rule id and keep their text in the result's properties. */
  private static final String CEL_RULE = "x-kubernetes-validations";

  private final Map<String, ObjectNode> rules = new LinkedHashMap<>();
  private final ArrayNode results = JsonValidationOutput.JSON.createArrayNode();

  @Override
  public void checked(CheckedDocument document) {
    for (Violation violation : document.result().report().violations()) {
      String ruleId = violation.rule().matches("[A-Za-z][A-Za-z0-9 ._-]{0,39}") ? violation.rule() : CEL_RULE;
      rules.computeIfAbsent(ruleId, id -> JsonValidationOutput.JSON.createObjectNode().put("id", id)
          .set("shortDescription", JsonValidationOutput.JSON.createObjectNode().put("text", describe(id))));
      ObjectNode result = results.addObject().put("ruleId", ruleId)
          .put("level", violation.isError() ? "error" : "warning");
      String where = document.location() + (document.parsed() ? " " + document.result().describe() : "");
      result.putObject("message").put("text", where + " " + (violation.path().isEmpty() ? ""
          : violation.path() + ": ") + violation.message());
      result.set("locations", location(document.source(), document.line()));
      ObjectNode properties = result.putObject("properties").put("document", document.number())
          .put("path", violation.path());
      if (!ruleId.equals(violation.rule())) {
        properties.put("rule", violation.rule());
      }
    }
  }

  @Override
  public void unreadable(String source, String reason) {
    rules.computeIfAbsent("unreadable", id -> JsonValidationOutput.JSON.createObjectNode().put("id", id)
        .set("shortDescription", JsonValidationOutput.JSON.createObjectNode().put("text", describe(id))));
    ObjectNode result = results.addObject().put("ruleId", "unreadable").put("level", "error");
    result.putObject("message").put("text", source + ": " + reason);
    result.set("locations", location(source, 0));
  }

  private static ArrayNode location(String source, int line) {
    ArrayNode locations = JsonValidationOutput.JSON.createArrayNode();
    ObjectNode physical = locations.addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", source.equals("-") ? "stdin" : uri(source));
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
    return locations;
  }

  /** A relative path stays relative (code scanning resolves it against the repository), with forward slashes. */
  private static String uri(String source) {
    return source.replace(java.io.File.separatorChar, '/').replace("%", "%25").replace(" ", "%20");
  }

  private static String describe(String ruleId) {
    return switch (ruleId) {
      case CEL_RULE -> "A CEL validation rule of the CRD";
      case "unreadable" -> "The input could not be read";
      case "syntax" -> "Not valid YAML or JSON";
      default -> "The CRD's OpenAPI schema: " + ruleId;
    };
  }

  @Override
  public void finish(PrintWriter out, int objects, int errors, int warnings, int unreadable) {
    ObjectNode sarif = JsonValidationOutput.JSON.createObjectNode()
        .put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
    ObjectNode run = sarif.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver").put("name", "workshop validate")
        .put("informationUri", "https://github.com/autoscaling-sdk/autoscaling-sdk-java");
    String version = WorkshopCommand.class.getPackage().getImplementationVersion();
    if (version != null) {
      driver.put("version", version);
    }
    driver.putArray("rules").addAll(rules.values());
    run.set("results", results);
    run.putObject("properties").put("documents", objects).put("errors", errors).put("warnings", warnings)
        .put("unreadable", unreadable);
    out.println(JsonValidationOutput.write(sarif));
  }
}
