package dev.autoscaling.manifest;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that can go back to a place it passed, while it records: kubectl decides between JSON and YAML by reading,
 * and when the first JSON document fails it reads the same text again as YAML. Recording is bounded; past the bound
 * there is no going back. It also bounds how far a reader may go past a document's start, so that a document over the
 * size limit is refused while it is read, not after.
 */
final class ReplayReader extends Reader {

  private final Reader in;
  private final long maxRecorded;
  private StringBuilder recorded = new StringBuilder();
  private long recordedFrom;
  private boolean recording = true;
  private long position;
  private long limit = Long.MAX_VALUE;
  private String limitReason;
  private String source;

  ReplayReader(Reader in, long maxRecorded) {
    this.in = in;
    this.maxRecorded = maxRecorded;
  }

  /** Chars read so far, from the start. */
  long position() {
    return position;
  }

  /** Whether the reader can still go back to {@code offset}. */
  boolean canRewindTo(long offset) {
    return recorded != null && offset >= recordedFrom && offset <= recordedFrom + recorded.length();
  }

  void rewind(long offset) {
    if (!canRewindTo(offset)) {
      throw new IllegalStateException("cannot go back that far");
    }
    position = offset;
  }

  /** Forgets what came before {@code offset}: no going back past it. */
  void keepFrom(long offset) {
    if (recorded != null && offset > recordedFrom) {
      int drop = (int) Math.min(recorded.length(), offset - recordedFrom);
      recorded.delete(0, drop);
      recordedFrom += drop;
    }
  }

  /** Records nothing more; what was recorded and not yet read again is still read. */
  void stopRecording() {
    recording = false;
    keepFrom(position);
  }

  /** Refuses to read past {@code offset}, with the reason as the error; {@code Long.MAX_VALUE} lifts it. */
  void limit(long offset, String source, String reason) {
    this.limit = offset;
    this.source = source;
    this.limitReason = reason;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (position >= limit) {
      throw new UnreadableInputException(source, limitReason);
    }
    if (recorded != null && position < recordedFrom + recorded.length()) {
      int start = (int) (position - recordedFrom);
      int n = Math.min(length, recorded.length() - start);
      recorded.getChars(start, start + n, target, offset);
      position += n;
      if (!recording && position == recordedFrom + recorded.length()) {
        recorded = null; // replayed to the end: the memory goes
      }
      return n;
    }
    int n = in.read(target, offset, length);
    if (n > 0) {
      position += n;
      if (recording && recorded != null) {
        if (recorded.length() + n > maxRecorded) {
          recorded = null; // too far to ever go back: a JSON document this size is refused anyway
        } else {
          recorded.append(target, offset, n);
        }
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
