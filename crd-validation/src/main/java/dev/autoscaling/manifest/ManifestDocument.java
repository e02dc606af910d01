package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One document of a manifest stream, as kubectl would hand it to the API server: its JSON tree, or why there is none.
 *
 * @param source   the input it came from, as named to the reader
 * @param number   its position among the stream's non-empty documents, from 1
 * @param line     the line it starts on, from 1
 * @param tree     the document; {@code null} when it could not be read (then {@code problems} says why)
 * @param problems what makes it unacceptable as written: a syntax error (no tree), or duplicate fields (with the
 *                 tree, holding the last value of each, as kubectl would send it)
 */
public record ManifestDocument(String source, int number, int line, @Nullable JsonNode tree, List<ManifestProblem> problems) {

  public ManifestDocument {
    problems = List.copyOf(problems);
  }

  /** Whether the document parsed (it may still have problems, such as duplicate fields). */
  public boolean parsed() {
    return tree != null;
  }
}
