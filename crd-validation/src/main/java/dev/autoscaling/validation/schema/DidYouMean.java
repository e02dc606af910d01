package dev.autoscaling.validation.schema;

import java.util.Collection;

/**
 * Suggests the declared field a misspelt one most likely meant.
 *
 * @deprecated {@code schema} is not an API package: use {@link dev.autoscaling.validation.DidYouMean}
 */
@Deprecated(forRemoval = false)
public final class DidYouMean {

  private DidYouMean() {
  }

  /** The closest candidate, or null when none is close enough to be a useful guess. */
  public static String suggest(String unknown, Collection<String> candidates) {
    return dev.autoscaling.validation.DidYouMean.suggest(unknown, candidates);
  }
}
