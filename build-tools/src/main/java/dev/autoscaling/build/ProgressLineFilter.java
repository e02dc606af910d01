package dev.autoscaling.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes bytes on, except terminal progress lines: a segment that starts with the ANSI "erase line" sequence
 * {@code ESC[2K} and ends in a carriage return or newline. Segments are held until their end only when they start
 * like a progress line, so other output is neither delayed nor split.
 */
final class ProgressLineFilter extends OutputStream {

  private static final byte[] ERASE_LINE = "\u001b[2K".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final ByteArrayOutputStream segment = new ByteArrayOutputStream();

  ProgressLineFilter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (segment.size() == 0 && b != ERASE_LINE[0]) {
      out.write(b);
      return;
    }
    segment.write(b);
    if (b == '\r' || b == '\n') {
      if (!isProgress()) {
        segment.writeTo(out);
      }
      segment.reset();
    } else if (!mayBeProgress()) {
      segment.writeTo(out);
      segment.reset();
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!isProgress()) {
      segment.writeTo(out);
    }
    segment.reset();
    out.flush();
  }

  /** The segment so far starts like a progress line (or is still shorter than its prefix and matches it). */
  private boolean mayBeProgress() {
    byte[] bytes = segment.toByteArray();
    int n = Math.min(bytes.length, ERASE_LINE.length);
    return Arrays.equals(bytes, 0, n, ERASE_LINE, 0, n);
  }

  private boolean isProgress() {
    byte[] bytes = segment.toByteArray();
    return bytes.length >= ERASE_LINE.length && Arrays.equals(bytes, 0, ERASE_LINE.length, ERASE_LINE, 0,
        ERASE_LINE.length);
  }
}
