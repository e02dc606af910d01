package dev.autoscaling.manifest;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a YAML stream into documents exactly where kubectl does (k8s.io/apimachinery's {@code YAMLReader}): at a
 * line that starts with {@code ---}, followed by nothing but spaces or a comment. Anything else after {@code ---}
 * on that line makes kubectl refuse the file ("invalid Yaml document separator"); the document it starts is marked
 * so. Lines end at LF, a CR before it is dropped (as Go's {@code ReadLine} does). Each document is bounded while it
 * is read, a single endless line included.
 */
final class YamlChunks {

  /** One document's text, the line it starts on, and whether its separator line was refused. */
  record Chunk(String text, int firstLine, boolean badSeparator) {
  }

  private final Reader in;
  private final String source;
  private final int maxChars;
  /** Characters read at once from an input of unknown or large size. */
  static final int MAX_BUFFER = 16 * 1024;
  /** The least buffer, for inputs known to be tiny. */
  static final int MIN_BUFFER = 256;

  private final char[] buffer;
  private int next;
  private int end;
  private boolean eof;
  private int line;
  private boolean nextBadSeparator;

  /**
   * @param expectedChars at most how many characters the input holds when that is known (a file holds no more
   *     characters than bytes), else negative: a small input is then read whole into a buffer just larger than it,
   *     as the full buffer would read it
   */
  YamlChunks(Reader in, String source, int maxChars, int firstLine, long expectedChars) {
    this.buffer = new char[DecodingReader.capacity(expectedChars, MIN_BUFFER, MAX_BUFFER)];
    this.in = in;
    this.source = source;
    this.maxChars = maxChars;
    this.line = firstLine;
  }

  /** The next non-empty document text, or null at the end of the stream. */
  Chunk next() throws IOException {
    StringBuilder chunk = new StringBuilder(256);
    int firstLine = line;
    boolean badSeparator = nextBadSeparator;
    nextBadSeparator = false;
    while (true) {
      int lineStart = chunk.length();
      boolean complete = readLine(chunk, firstLine);
      if (!complete && chunk.length() == lineStart) {
        return chunk.length() == 0 && !badSeparator ? null : new Chunk(chunk.toString(), firstLine, badSeparator);
      }
      line++;
      if (isSeparator(chunk, lineStart)) {
        String rest = chunk.substring(lineStart + 3).strip();
        chunk.setLength(lineStart);
        boolean refused = !rest.isEmpty() && rest.charAt(0) != '#';
        if (chunk.length() > 0 || badSeparator) { // a refused separator is reported even with nothing after it
          nextBadSeparator = refused;
          return new Chunk(chunk.toString(), firstLine, badSeparator);
        }
        firstLine = line;
        badSeparator = refused;
        continue;
      }
      if (!complete) {
        return new Chunk(chunk.toString(), firstLine, badSeparator);
      }
    }
  }

  private static boolean isSeparator(StringBuilder chunk, int lineStart) {
    return chunk.length() - lineStart >= 3 && chunk.charAt(lineStart) == '-' && chunk.charAt(lineStart + 1) == '-'
        && chunk.charAt(lineStart + 2) == '-';
  }

  /** Appends one line with its LF; false when the stream ended before an LF. */
  private boolean readLine(StringBuilder chunk, int firstLine) throws IOException {
    while (true) {
      if (next == end) {
        if (eof) {
          return false;
        }
        end = in.read(buffer, 0, buffer.length);
        next = 0;
        if (end <= 0) {
          end = 0;
          eof = true;
          return false;
        }
      }
      int start = next;
      while (next < end && buffer[next] != '\n') {
        next++;
      }
      boolean newline = next < end;
      int stop = newline && next > start && buffer[next - 1] == '\r' ? next - 1 : next;
      chunk.append(buffer, start, stop - start);
      if (newline) {
        if (stop == next && next == start && chunk.length() > 0 && chunk.charAt(chunk.length() - 1) == '\r') {
          chunk.setLength(chunk.length() - 1); // CR LF split across two reads
        }
        chunk.append('\n');
        next++;
      }
      if (chunk.length() > maxChars) {
        throw new UnreadableInputException(source, "the document starting at line " + firstLine + " exceeds "
            + ManifestLimits.size(maxChars, "characters") + ", the API server's request limit");
      }
      if (newline) {
        return true;
      }
    }
  }
}
