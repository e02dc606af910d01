package dev.autoscaling.manifest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a manifest stream one document at a time, as kubectl reads {@code -f}: a stream that starts with a brace is a
 * JSON stream ({@code {...}{...}}), falling back to YAML when one of its first two documents is not JSON; otherwise
 * YAML documents split at {@code ---} lines. Empty and {@code null} documents are skipped, as kubectl skips them.
 *
 * <p>Never holds more than one document (and the limits bound that one): a stream of any length is read in constant
 * memory. A document that does not parse is handed out with its problem (file, document number, line; never the
 * input's text) and reading goes on with the next one. An input that cannot be read on (not UTF-8, binary, over a
 * limit, failing) throws {@link UnreadableInputException} from {@link #hasNext()} or {@link #next()}; the documents
 * before stand, and the reader ends there.
 */
public final class ManifestReader implements Iterator<ManifestDocument>, Closeable {

  private final String source;
  private final ManifestLimits limits;
  private final ReplayReader in;
  /** At most how many characters the input holds, when known (its size in bytes or chars), else negative. */
  private final long expectedChars;
  private final Deque<YamlDocuments.Parsed> pending = new ArrayDeque<>(2);
  private final YamlDocuments yaml;
  private JsonDocuments json;
  private YamlChunks chunks;
  private boolean started;
  private boolean ended;
  private int number;

  private ManifestReader(Reader chars, String source, ManifestLimits limits, long expectedChars) {
    this.source = source;
    this.expectedChars = expectedChars;
    this.limits = limits;
    this.in = new ReplayReader(chars, 2L * limits.documentChars() + 64 * 1024);
    this.yaml = new YamlDocuments(limits);
  }

  /** Reads bytes: UTF-8, or UTF-16 with its byte order mark. The reader closes the stream. */
  public static ManifestReader open(InputStream in, String source) {
    return open(in, source, ManifestLimits.DEFAULT);
  }

  public static ManifestReader open(InputStream in, String source, ManifestLimits limits) {
    return open(in, source, limits, -1);
  }

  private static ManifestReader open(InputStream in, String source, ManifestLimits limits, long expectedBytes) {
    return new ManifestReader(new DecodingReader(in, source, limits.inputBytes(), expectedBytes), source, limits,
        expectedBytes);
  }

  /**
   * Reads a regular file, refused before it is opened when it is larger than one input may be.
   *
   * @throws UnreadableInputException when it is too large or cannot be opened
   */
  public static ManifestReader open(Path file, ManifestLimits limits) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > limits.inputBytes()) {
        throw new UnreadableInputException(name, DecodingReader.tooLarge(limits.inputBytes()));
      }
      // a size of 0 may be a file the system makes as it is read (/proc): its size is then unknown
      return open(Files.newInputStream(file), name, limits, size > 0 ? size : -1);
    } catch (IOException e) {
      throw new UnreadableInputException(name, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Reads text already in memory. */
  public static ManifestReader of(String text, String source) {
    return of(text, source, ManifestLimits.DEFAULT);
  }

  public static ManifestReader of(String text, String source, ManifestLimits limits) {
    return new ManifestReader(new StringReader(text), source, limits, text.length());
  }

  public String source() {
    return source;
  }

  @Override
  public boolean hasNext() {
    if (pending.isEmpty() && !ended) {
      try {
        fill();
      } catch (IOException e) {
        ended = true;
        throw new UnreadableInputException(source, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
      } catch (RuntimeException e) {
        ended = true;
        throw e;
      }
    }
    return !pending.isEmpty();
  }

  @Override
  public ManifestDocument next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    YamlDocuments.Parsed parsed = pending.removeFirst();
    return new ManifestDocument(source, ++number, parsed.line(), parsed.tree(), parsed.problems());
  }

  private void fill() throws IOException {
    if (!started) {
      started = true;
      if (startsWithBrace()) {
        json = new JsonDocuments(in, source, limits);
      } else {
        in.stopRecording();
        chunks = new YamlChunks(in, source, limits.documentChars(), 1, expectedChars);
      }
    }
    while (pending.isEmpty() && !ended) {
      if (json != null) {
        try {
          YamlDocuments.Parsed next = json.next();
          if (next == null) {
            ended = true;
          } else if (next.tree() == null || !next.tree().isNull()) {
            pending.add(next);
          }
        } catch (JsonDocuments.FallBack fallBack) {
          json = null;
          in.rewind(fallBack.offset);
          int line = fallBack.line + skipBlankToNewline();
          in.stopRecording();
          chunks = new YamlChunks(in, source, limits.documentChars(), line, expectedChars);
        }
        continue;
      }
      YamlChunks.Chunk chunk = chunks.next();
      if (chunk == null) {
        ended = true;
      } else if (chunk.badSeparator()) {
        pending.add(new YamlDocuments.Parsed(chunk.firstLine(), null, java.util.List.of(new ManifestProblem("",
            chunk.firstLine() - 1, 0, "invalid YAML document separator: only a comment may follow '---' on its"
                + " line (kubectl refuses the file)"))));
      } else {
        pending.addAll(yaml.read(chunk.text(), chunk.firstLine()));
      }
    }
  }

  /** Looks for the first character that is not white space, then goes back to the start. */
  private boolean startsWithBrace() throws IOException {
    int c;
    do {
      c = in.read();
    } while (c >= 0 && isSpace((char) c) && in.position() <= limits.documentChars());
    in.rewind(0);
    return c == '{';
  }

  /** kubectl eats white space up to and including the first newline before reading on as YAML; 1 if it ate one. */
  private int skipBlankToNewline() throws IOException {
    while (true) {
      long at = in.position();
      int c = in.read();
      if (c < 0) {
        return 0;
      }
      if (c == '\n') {
        return 1;
      }
      if (!isSpace((char) c)) {
        in.rewind(at);
        return 0;
      }
    }
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085'
        || c == '\u00a0' || Character.isSpaceChar(c);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
