package dev.autoscaling.karpenter;

import dev.autoscaling.validation.Excerpt;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A well-known node label a NodePool may select on: its key, the kind of value, and, where the set is closed, the
 * values the provider sets (a requirement on any other value can never match a node).
 *
 * @param key    {@code karpenter.azure.com/sku-family}
 * @param type   what its values are
 * @param values the closed set of values, or empty when any value of the type may occur
 */
public record Label(String key, LabelType type, List<String> values) {

  public Label {
    values = List.copyOf(values);
  }

  static Label text(String key, String... values) {
    return new Label(key, LabelType.STRING, List.of(values));
  }

  static Label integer(String key) {
    return new Label(key, LabelType.INTEGER, List.of());
  }

  static Label bool(String key) {
    return new Label(key, LabelType.BOOLEAN, List.of("true", "false"));
  }

  /** Why the value cannot be a value of this label, or null when it can. */
  public @Nullable String problemWith(String value) {
    if (type == LabelType.INTEGER) {
      return value.matches("-?[0-9]+") ? null
          : "'" + Excerpt.of(value) + "' is not a whole number, which " + key + " takes";
    }
    if (!values.isEmpty() && !values.contains(value)) {
      return "'" + Excerpt.of(value) + "' is not a value of " + key + ": use " + String.join(", ", values);
    }
    return null;
  }
}
