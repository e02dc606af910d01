package dev.autoscaling.workshop.validation;

import dev.autoscaling.validation.DocumentResult;

/**
 * One object of one manifest input, with the verdict on it.
 *
 * @param source         the input it came from, as given ({@code -} for standard input)
 * @param number         the document's position among the input's non-empty documents, from 1
 * @param item           where the object is in its document: empty for the document itself, {@code items[2]} for
 *                       an item of a list (kubectl checks and sends each item on its own)
 * @param line           the line the document starts on, from 1 (0 for objects built in Java)
 * @param parsed         false when the document is not valid YAML or JSON, or passes a reading limit inside it
 *                       (nesting, aliasing): then the report holds that one error
 * @param result         the validator's result (kind, name, violations)
 * @param checkedAgainst which CRD set it was checked against ({@code KEDA v2.20.2}, ...), or why it was not
 */
public record CheckedDocument(String source, int number, String item, int line, boolean parsed, DocumentResult result,
    String checkedAgainst) {

  public boolean hasErrors() {
    return !result.report().isValid();
  }

  /** {@code FILE:DOCUMENT}, with the list item when there is one: {@code list.yaml:1 items[0]}. */
  public String location() {
    return source + ":" + number + (item.isEmpty() ? "" : " " + item);
  }
}
