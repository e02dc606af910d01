package dev.autoscaling.manifest;

/**
 * The bounds a {@link ManifestReader} enforces while it reads, so that no input, however large or hostile, costs more
 * than they allow.
 *
 * @param documentChars the largest document, in characters: 3 MiB, the API server's request limit (k8s.io/apiserver
 *                      {@code MaxRequestBodyBytes}); a line is part of a document, so it is bounded by this too, and
 *                      a longer one is refused as soon as the limit is passed, not after it was read whole
 * @param inputBytes    the most bytes one input (a file, standard input) may hold; a regular file over it is refused
 *                      before it is opened, a stream as soon as it passes it. Memory does not depend on it (documents
 *                      are read one at a time); it bounds how long an endless stream keeps a run busy
 * @param depth         the deepest nesting of mappings and sequences: far beyond any real manifest, and shallow enough
 *                      that every recursive walk over the tree (validation, CEL values, Jackson's own equals and
 *                      writers) stays inside a default thread stack; Jackson's own default bound too
 * @param aliasedNodes  the most nodes that aliases and merge keys may copy into one document: an honest manifest
 *                      uses a few, an alias bomb ("billion laughs") would need billions
 */
public record ManifestLimits(int documentChars, long inputBytes, int depth, int aliasedNodes) {

  /** The API server's 3 MiB per document, 256 MiB per input, 1,000 levels, 100,000 aliased nodes. */
  public static final ManifestLimits DEFAULT = new ManifestLimits(3 * 1024 * 1024, 256L * 1024 * 1024, 1_000, 100_000);

  public ManifestLimits {
    if (documentChars < 1 || inputBytes < 1 || depth < 1 || aliasedNodes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The same limits with another bound on one input's size. */
  public ManifestLimits withInputBytes(long bytes) {
    return new ManifestLimits(documentChars, bytes, depth, aliasedNodes);
  }

  /** The same limits with another bound on one document's size. */
  public ManifestLimits withDocumentChars(int chars) {
    return new ManifestLimits(chars, inputBytes, depth, aliasedNodes);
  }

  /** {@code 3 MiB}, {@code 256 MiB}, or the exact count when it is not a whole number of MiB. */
  static String size(long bytes, String unit) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB (" + bytes + " " + unit + ")"
        : bytes + " " + unit;
  }
}
