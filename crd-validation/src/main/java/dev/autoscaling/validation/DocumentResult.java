package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The verdict on one document of a YAML or JSON stream.
 *
 * @param index      0-based position of the document in the stream
 * @param apiVersion as written, or empty
 * @param kind       as written, or empty
 * @param name       {@code metadata.name}, or empty
 * @param checked    false when no CRD for the kind is loaded (the report then says so)
 * @param report     what was found
 */
public record DocumentResult(int index, String apiVersion, String kind, String name, boolean checked,
    ValidationReport report) {

  /** A stream that could not be read at all: one result carrying the reason. */
  public static DocumentResult unreadable(String reason) {
    return new DocumentResult(0, "", "", "", false,
        new ValidationReport(List.of(Violation.error("", "syntax", reason))));
  }

  /**
   * Every document of a YAML or JSON text, each with the report {@code check} gives, numbered from 0 in the order
   * written; {@code checked} says which documents the checker knows (the others' reports say so). Text that cannot
   * be read is one result saying why, not an exception: the shape of every family's {@code checkAll}.
   */
  public static List<DocumentResult> checkEach(String text, Predicate<JsonNode> checked,
      Function<JsonNode, ValidationReport> check) {
    List<JsonNode> documents;
    try {
      documents = Manifests.parseAll(text);
    } catch (IllegalArgumentException e) {
      return List.of(unreadable(e.getMessage()));
    }
    List<DocumentResult> results = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      results.add(new DocumentResult(i, document.path("apiVersion").asText(""), document.path("kind").asText(""),
          document.path("metadata").path("name").asText(""), checked.test(document), check.apply(document)));
    }
    return results;
  }

  /** {@code kind/name}, as kubectl writes it (each cut to {@value Excerpt#MAX_CHARS} characters). */
  public String describe() {
    return (kind.isEmpty() ? "<no kind>" : Excerpt.of(kind)) + "/" + (name.isEmpty() ? "<no name>" : Excerpt.of(name));
  }
}
