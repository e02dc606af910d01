package dev.autoscaling.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.validation.CheckedDocument;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -o json}: one JSON object, in the shape kubeconform's JSON output has ({@code resources}, then a
 * {@code summary}), written as objects are checked so that a long stream is never held in memory.
 */
final class JsonValidationOutput implements ValidationOutput {

  static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final List<ObjectNode> unreadable = new ArrayList<>();
  private boolean first = true;

  JsonValidationOutput(PrintWriter out) {
    this.out = out;
    out.println("{\"resources\": [");
  }

  @Override
  public void checked(CheckedDocument document) {
    out.print(first ? "  " : ",\n  ");
    first = false;
    out.print(write(resource(document)));
  }

  @Override
  public void unreadable(String source, String reason) {
    unreadable.add(JSON.createObjectNode().put("source", source).put("reason", reason));
  }

  @Override
  public void finish(PrintWriter out, int objects, int errors, int warnings, int unreadableInputs) {
    ArrayNode inputs = JSON.createArrayNode().addAll(unreadable);
    ObjectNode summary = JSON.createObjectNode().put("documents", objects).put("errors", errors)
        .put("warnings", warnings).put("unreadable", unreadableInputs);
    out.println(first ? "]," : "\n],");
    out.println("\"unreadable\": " + write(inputs) + ",");
    out.println("\"summary\": " + write(summary) + "}");
  }

  /** One checked object: where it is, what it is, its status and its violations. */
  static ObjectNode resource(CheckedDocument document) {
    DocumentResult result = document.result();
    ObjectNode node = JSON.createObjectNode().put("source", document.source()).put("document", document.number());
    if (!document.item().isEmpty()) {
      node.put("item", document.item());
    }
    if (document.line() > 0) {
      node.put("line", document.line());
    }
    if (document.parsed()) {
      node.put("apiVersion", result.apiVersion()).put("kind", result.kind()).put("name", result.name());
    }
    node.put("status", status(document)).put("checkedAgainst", document.checkedAgainst());
    ArrayNode violations = node.putArray("violations");
    for (Violation violation : result.report().violations()) {
      violations.addObject().put("path", violation.path()).put("severity", violation.isError() ? "error" : "warning")
          .put("rule", violation.rule()).put("message", violation.message());
    }
    return node;
  }

  /** {@code valid}, {@code invalid}, or {@code skipped} for a kind no pinned CRD describes. */
  static String status(CheckedDocument document) {
    if (document.hasErrors()) {
      return "invalid";
    }
    return document.result().checked() ? "valid" : "skipped";
  }

  static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
