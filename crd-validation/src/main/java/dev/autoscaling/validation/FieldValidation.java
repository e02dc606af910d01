package dev.autoscaling.validation;

import java.util.Locale;

/**
 * What an unknown field costs, as {@code kubectl apply --validate} chooses it (the API server's
 * {@code fieldValidation} parameter): kubectl asks for {@link #STRICT} unless told otherwise.
 */
public enum FieldValidation {
  /** The request fails: {@code strict decoding error: unknown field "spec.x"}. kubectl's default. */
  STRICT,
  /** The field is dropped and the API server answers with a warning. */
  WARN,
  /** The field is dropped without a word. */
  IGNORE;

  /**
   * kubectl's spelling: {@code strict}, {@code warn}, {@code ignore}, and its older {@code true} (strict) and
   * {@code false} (ignore).
   *
   * @throws IllegalArgumentException for anything else, naming what is accepted
   */
  public static FieldValidation parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "strict", "true" -> STRICT;
      case "warn" -> WARN;
      case "ignore", "false" -> IGNORE;
      default -> throw new IllegalArgumentException("invalid --validate value '" + Excerpt.of(text)
          + "': expected strict, warn or ignore (true means strict, false means ignore)");
    };
  }
}
