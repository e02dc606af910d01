package dev.autoscaling.workshop.validation;

import dev.autoscaling.validation.DocumentResult;

/**
 * One document of one manifest file, with the verdict on it.
 *
 * @param source   the file it came from, as given
 * @param result   the validator's result (index, kind, name, violations)
 * @param checkedAgainst which CRD set it was checked against ({@code KEDA v2.20.2}, ...), or why it was not
 */
public record CheckedDocument(String source, DocumentResult result, String checkedAgainst) {

  public boolean hasErrors() {
    return !result.report().isValid();
  }
}
