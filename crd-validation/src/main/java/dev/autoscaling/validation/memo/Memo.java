package dev.autoscaling.validation.memo;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Outcomes remembered by value, bounded: at most a number of entries, and the bytes of its {@link MemoBudget}
 * shared with the other memos of the same validator. Lookups never wait and never change anything.
 *
 * <p>Eviction is first in, first out: the oldest entry goes when the memo is full or the budget is spent, and
 * when the budget is spent by other memos, they give up their oldest half in turn. Once a memo is full, only one
 * new value in {@value #ADMIT_ONE_IN} is admitted: a stream of values that never come back (a NodePool name, a
 * timestamp) then costs little, while values that do come back soon get in and stay until they are the oldest.
 */
public final class Memo<K, V> {

  /** What an entry costs beyond its key and value: the map node, its table slot and its place in the queue. */
  static final int ENTRY_OVERHEAD = 64;
  static final int ADMIT_ONE_IN = 8;

  private final MemoBudget budget;
  private final int maxEntries;
  private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  // the queue, oldest first, grown as needed (most memos hold a handful of values): keys and what each was charged
  private Object[] keys = new Object[0];
  private int[] charges = new int[0];
  private int head;
  private int size;
  /** Misses while full, counted without synchronisation: only a rate is needed. */
  private int missesWhileFull;

  Memo(MemoBudget budget, int maxEntries) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("a memo holds at least one entry, not " + maxEntries);
    }
    this.budget = budget;
    this.maxEntries = maxEntries;
  }

  /** The remembered value, or null. */
  public @Nullable V get(K key) {
    return values.get(key);
  }

  /**
   * Remembers a value, unless it is too large, the memo is full and the value is not admitted, or another thread is
   * remembering at this moment (the caller never waits: the value is simply computed again next time).
   *
   * @param bytes an estimate of what the key and value hold, beyond what is shared with other values
   */
  public void put(K key, V value, long bytes) {
    long charge = bytes + ENTRY_OVERHEAD;
    if (charge > budget.maxEntryBytes()) {
      return;
    }
    if (size >= maxEntries && ++missesWhileFull % ADMIT_ONE_IN != 0) {
      return;
    }
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (values.containsKey(key)) {
        return;
      }
      if (size == maxEntries) {
        evictOldest();
      }
      while (!budget.tryReserve(charge)) {
        if (size > 0) {
          evictOldest();
        } else if (!budget.reclaim(this, charge)) {
          return;
        }
      }
      values.put(key, value);
      enqueue(key, (int) charge);
    } finally {
      lock.unlock();
    }
  }

  /** How many values are remembered. */
  public int size() {
    return size;
  }

  /** The bytes charged to the budget for this memo's values. */
  public long bytes() {
    lock.lock();
    try {
      long total = 0;
      for (int i = 0; i < size; i++) {
        total += charges[(head + i) % charges.length];
      }
      return total;
    } finally {
      lock.unlock();
    }
  }

  /** Gives up the oldest half, unless another thread is using the memo at this moment. */
  void shrink() {
    if (size == 0 || !lock.tryLock()) {
      return;
    }
    try {
      for (int drop = (size + 1) / 2; drop > 0; drop--) {
        evictOldest();
      }
    } finally {
      lock.unlock();
    }
  }

  private void enqueue(Object key, int charge) {
    if (size == keys.length) {
      grow();
    }
    int tail = (head + size) % keys.length;
    keys[tail] = key;
    charges[tail] = charge;
    size++;
  }

  private void grow() {
    int capacity = Math.min(maxEntries, Math.max(8, keys.length * 2));
    Object[] grownKeys = new Object[capacity];
    int[] grownCharges = new int[capacity];
    for (int i = 0; i < size; i++) {
      grownKeys[i] = keys[(head + i) % keys.length];
      grownCharges[i] = charges[(head + i) % keys.length];
    }
    keys = grownKeys;
    charges = grownCharges;
    head = 0;
  }

  private void evictOldest() {
    Object key = keys[head];
    keys[head] = null;
    values.remove(key);
    budget.release(charges[head]);
    head = (head + 1) % keys.length;
    size--;
  }

  @Override
  public String toString() {
    return "Memo[" + size + " of " + maxEntries + " entries]";
  }

  // for tests: the keys, oldest first
  Object[] keysOldestFirst() {
    lock.lock();
    try {
      Object[] ordered = new Object[size];
      for (int i = 0; i < size; i++) {
        ordered[i] = keys[(head + i) % keys.length];
      }
      return ordered;
    } finally {
      lock.unlock();
    }
  }
}
