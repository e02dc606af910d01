package dev.autoscaling.validation.memo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory one validator may spend on remembered outcomes, shared by all the {@link Memo}s of its compiled schemas:
 * at most {@link #maxBytes()} in all, and no single entry over {@link #maxEntryBytes()} (larger values are evaluated
 * every time, never remembered).
 *
 * <p>Why: validators are shared for the life of a process, and the values they meet are whatever their callers are
 * fed. A bound on entries alone let a stream of large distinct values (a 256 KiB taint value in every NodePool) fill
 * a 256 MiB heap; the bound here is on the bytes they hold, estimated as they are remembered.
 */
public final class MemoBudget {

  /** A validator's default: room for every memo of the pinned CRDs to fill up with ordinary values. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
  /** The largest entry remembered by default: a label value or a small object, never a blob. */
  public static final int DEFAULT_MAX_ENTRY_BYTES = 4 * 1024;

  private final long maxBytes;
  private final int maxEntryBytes;
  private final AtomicLong used = new AtomicLong();
  private final List<Memo<?, ?>> memos = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextToShrink = new AtomicInteger();

  /**
   * @throws IllegalArgumentException when a bound is not positive, or an entry may be larger than the whole budget
   */
  public MemoBudget(long maxBytes, int maxEntryBytes) {
    if (maxBytes <= 0 || maxEntryBytes <= 0 || maxEntryBytes > maxBytes) {
      throw new IllegalArgumentException("a memo budget needs 0 < maxEntryBytes <= maxBytes, got " + maxEntryBytes
          + " and " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
  }

  /** A budget with the default bounds. */
  public static MemoBudget standard() {
    return new MemoBudget(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRY_BYTES);
  }

  public long maxBytes() {
    return maxBytes;
  }

  public int maxEntryBytes() {
    return maxEntryBytes;
  }

  /** The estimated bytes held by all memos of this budget now. */
  public long usedBytes() {
    return used.get();
  }

  /** How many values all memos of this budget remember now. */
  public int entries() {
    int entries = 0;
    for (Memo<?, ?> memo : memos) {
      entries += memo.size();
    }
    return entries;
  }

  /** A new memo drawing on this budget, holding at most {@code maxEntries} values. */
  public <K, V> Memo<K, V> newMemo(int maxEntries) {
    Memo<K, V> memo = new Memo<>(this, maxEntries);
    memos.add(memo);
    return memo;
  }

  boolean tryReserve(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > maxBytes) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /**
   * Makes room for {@code bytes} that {@code asking} (which holds nothing more to give up) wants: the other memos
   * give up their oldest half, one memo after another in turn, so that no memo keeps the whole budget for good.
   *
   * @return whether there is room now
   */
  boolean reclaim(Memo<?, ?> asking, long bytes) {
    int count = memos.size();
    for (int tried = 0; tried < count && used.get() + bytes > maxBytes; tried++) {
      Memo<?, ?> memo = memos.get(Math.floorMod(nextToShrink.getAndIncrement(), count));
      if (memo != asking) {
        memo.shrink();
      }
    }
    return used.get() + bytes <= maxBytes;
  }
}
