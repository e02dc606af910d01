package dev.autoscaling.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to characters as kubectl reads a manifest file: UTF-8, or UTF-16 when the input starts with its byte order
 * mark (kubectl's reader swaps to UTF-16 on a BOM, and drops a UTF-8 one). Unlike kubectl, which replaces bad bytes
 * silently, input that is not valid text is refused with the byte offset and line where it stops being text, and a
 * NUL byte names the input as binary. The input's size is bounded as it is read.
 */
final class DecodingReader extends Reader {

  private final InputStream in;
  private final String source;
  private final long maxBytes;
  /** Bytes read at once from an input of unknown or large size. */
  static final int MAX_BUFFER = 64 * 1024;
  /** The least buffer: room for a byte order mark and any one encoded character whatever the input holds. */
  static final int MIN_BUFFER = 1024;

  private final ByteBuffer bytes;
  private CharsetDecoder decoder;
  private String encoding = "UTF-8";
  private long bytesBeforeBuffer;
  private long lines = 1;
  private boolean endOfInput;
  private boolean flushed;
  private int pendingChar = -1;

  DecodingReader(InputStream in, String source, long maxBytes) {
    this(in, source, maxBytes, -1);
  }

  /**
   * @param expectedBytes the input's size when known (a file's), else negative: a small file gets a buffer just
   *     larger than itself, so that it is still read whole at once (the same reads, so the same results, as with
   *     the full buffer) without allocating and clearing 64 KiB per file, which is what bounded a folder's
   *     validation on several threads by memory traffic and page faults
   */
  DecodingReader(InputStream in, String source, long maxBytes, long expectedBytes) {
    this.in = in;
    this.source = source;
    this.maxBytes = maxBytes;
    this.bytes = ByteBuffer.allocate(capacity(expectedBytes, MIN_BUFFER, MAX_BUFFER)).flip();
  }

  /** Room for {@code expected} units and one more (so that the end is met on the next read), within the bounds. */
  static int capacity(long expected, int least, int most) {
    return expected < 0 ? most : (int) Math.max(least, Math.min(most, expected + 1));
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pendingChar >= 0) {
      target[offset] = (char) pendingChar;
      pendingChar = -1;
      return 1;
    }
    if (length == 1) { // a surrogate pair needs room for two
      char[] two = new char[2];
      int n = read(two, 0, 2);
      if (n == 2) {
        pendingChar = two[1];
      }
      if (n > 0) {
        target[offset] = two[0];
      }
      return n < 0 ? -1 : 1;
    }
    if (decoder == null) {
      start();
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        throw notText(bytesBeforeBuffer + bytes.position(), out, offset);
      }
      if (result.isUnderflow()) {
        if (endOfInput) {
          if (decoder.flush(out).isOverflow()) {
            break;
          }
          flushed = true;
        } else {
          fill();
        }
      } else {
        break; // the caller's buffer is full
      }
    }
    int produced = out.position() - offset;
    if (produced == 0) {
      return -1;
    }
    for (int i = offset; i < offset + produced; i++) {
      char c = target[i];
      if (c == '\n') {
        lines++;
      } else if (c == 0) {
        throw new UnreadableInputException(source, "binary data, not YAML or JSON text (a NUL character on line "
            + lines + ")" + (encoding.equals("UTF-8") ? "; UTF-16 text needs a byte order mark" : ""));
      }
    }
    return produced;
  }

  /** Chooses the decoder from a byte order mark, as kubectl does, and skips the mark. */
  private void start() throws IOException {
    while (bytes.remaining() < 3 && !endOfInput) {
      fill();
    }
    int b0 = bytes.remaining() > 0 ? bytes.get(bytes.position()) & 0xff : -1;
    int b1 = bytes.remaining() > 1 ? bytes.get(bytes.position() + 1) & 0xff : -1;
    int b2 = bytes.remaining() > 2 ? bytes.get(bytes.position() + 2) & 0xff : -1;
    if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
      bytes.position(bytes.position() + 3);
      decoder = StandardCharsets.UTF_8.newDecoder();
    } else if (b0 == 0xfe && b1 == 0xff) {
      bytes.position(bytes.position() + 2);
      decoder = StandardCharsets.UTF_16BE.newDecoder();
      encoding = "UTF-16BE";
    } else if (b0 == 0xff && b1 == 0xfe) {
      bytes.position(bytes.position() + 2);
      decoder = StandardCharsets.UTF_16LE.newDecoder();
      encoding = "UTF-16LE";
    } else {
      decoder = StandardCharsets.UTF_8.newDecoder();
    }
    decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private void fill() throws IOException {
    bytesBeforeBuffer += bytes.position();
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } finally {
      bytes.flip();
    }
    if (bytesBeforeBuffer + bytes.limit() > maxBytes) {
      throw new UnreadableInputException(source, tooLarge(maxBytes));
    }
  }

  static String tooLarge(long maxBytes) {
    return "larger than " + ManifestLimits.size(maxBytes, "bytes") + ", the most one input may hold; split it";
  }

  private UnreadableInputException notText(long byteOffset, CharBuffer out, int offset) {
    long line = lines;
    for (int i = offset; i < out.position(); i++) {
      if (out.get(i) == '\n') {
        line++;
      }
    }
    return new UnreadableInputException(source, "not " + encoding + " text: an invalid byte sequence at byte "
        + byteOffset + " (line " + line + ")" + (encoding.equals("UTF-8")
            ? "; save it as UTF-8 (kubectl reads UTF-8, and UTF-16 only with a byte order mark)" : ""));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
