package dev.autoscaling.validation;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the declared name a misspelt or misremembered one most likely meant: shared by every module that checks
 * names (schema fields, trigger metadata keys, well-known labels, formula names), so all suggest alike.
 */
public final class DidYouMean {

  /** Longer names get no suggestion: no declared name is that long, and comparing costs their length squared. */
  static final int MAX_LENGTH = 253;

  private DidYouMean() {
  }

  /** The closest candidate, or null when none is close enough to be a useful guess. */
  public static @Nullable String suggest(String unknown, Collection<String> candidates) {
    if (unknown.length() > MAX_LENGTH) {
      return null;
    }
    String folded = unknown.toLowerCase(Locale.ROOT);
    String singular = folded.endsWith("s") ? folded.substring(0, folded.length() - 1) : folded;
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int score;
      if (c.equals(folded)) {
        score = 0; // only the case differs
      } else if (singular.length() >= 3 && (c.startsWith(singular) || singular.startsWith(c))) {
        score = 1; // minReplicas -> minReplicaCount
      } else {
        int most = Math.max(2, Math.min(folded.length(), c.length()) / 3);
        // the distance is at least the difference in length: no need to compute it when that is already too far
        int distance = Math.abs(folded.length() - c.length()) > most ? Integer.MAX_VALUE : distance(folded, c);
        score = distance <= most ? 1 + distance : Integer.MAX_VALUE;
      }
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
