package dev.autoscaling.workshop.validation;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A walk with exactly the visits and the order of {@code Files.walkFileTree(root, visitor)} (links not followed, no
 * depth limit, a visitor that always continues and whose {@code postVisitDirectory} throws what ended a listing), but
 * the attributes of a folder's entries read on several threads at once: on a virtual machine each {@code lstat} costs
 * microseconds, and one thread reading them for thousands of files was the serial part that kept a parallel
 * {@code workshop validate DIR} from using its cores. The visitor is still called on the calling thread only, in the
 * order {@code walkFileTree} calls it: depth first, entries in the order the folder lists them.
 */
final class FileWalk {

  /** Entries per thread below which handing the attribute reads to another thread costs more than it saves. */
  private static final int BATCH = 32;

  /** What the walk finds, as {@code FileVisitor.visitFile} and {@code visitFileFailed} hear it. */
  interface Visitor {

    /** An entry that is not a folder (its own attributes: a link is not followed). */
    void visitFile(Path file, BasicFileAttributes attributes);

    /** An entry whose attributes cannot be read, or a folder that cannot be listed. */
    void visitFileFailed(Path file, IOException e);
  }

  private final @Nullable Executor helpers;
  private final int helperCount;

  /**
   * @param helpers     threads that may read attributes besides the calling one; null: the calling thread reads all
   * @param helperCount how many of them may run at once
   */
  FileWalk(@Nullable Executor helpers, int helperCount) {
    this.helpers = helpers;
    this.helperCount = helpers == null ? 0 : helperCount;
  }

  /**
   * Walks {@code root}.
   *
   * @throws IOException what ended a folder's listing early, after the visits of the entries listed before it (as
   *                     {@code walkFileTree} throws it, the walk stops there)
   */
  void walk(Path root, Visitor visitor) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      visitor.visitFileFailed(root, e);
      return;
    }
    visit(root, attributes, visitor);
  }

  private void visit(Path path, BasicFileAttributes attributes, Visitor visitor) throws IOException {
    if (!attributes.isDirectory()) {
      visitor.visitFile(path, attributes);
      return;
    }
    DirectoryStream<Path> listing;
    try {
      listing = Files.newDirectoryStream(path);
    } catch (IOException e) {
      visitor.visitFileFailed(path, e);
      return;
    }
    // The whole listing is read first (walkFileTree reads it lazily while it descends): the visits are the same,
    // and the attributes of all entries can then be read at once.
    List<Path> entries = new ArrayList<>();
    IOException ended = null;
    try {
      for (Path entry : listing) {
        entries.add(entry);
      }
    } catch (DirectoryIteratorException e) {
      ended = e.getCause();
    } finally {
      try {
        listing.close();
      } catch (IOException e) {
        if (ended == null) {
          ended = e;
        } else {
          ended.addSuppressed(e);
        }
      }
    }
    Object[] read = attributesOf(entries);
    for (int i = 0; i < entries.size(); i++) {
      if (read[i] instanceof IOException e) {
        visitor.visitFileFailed(entries.get(i), e);
      } else {
        visit(entries.get(i), (BasicFileAttributes) read[i], visitor);
      }
    }
    if (ended != null) {
      throw ended;
    }
  }

  /** Each entry's attributes or the IOException reading them, read by the calling thread and idle helpers. */
  private Object[] attributesOf(List<Path> entries) {
    Object[] read = new Object[entries.size()];
    int batches = Math.min(helperCount + 1, entries.size() / BATCH);
    if (batches < 2) {
      for (int i = 0; i < read.length; i++) {
        read[i] = attributesOf(entries.get(i));
      }
      return read;
    }
    // Batches are claimed, not assigned: a helper busy with other work when asked simply finds none left, and the
    // calling thread never waits for a batch nobody has started.
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Runnable readBatches = () -> {
      for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
        int from = (int) ((long) read.length * batch / batches);
        int to = (int) ((long) read.length * (batch + 1) / batches);
        for (int i = from; i < to; i++) {
          read[i] = attributesOf(entries.get(i));
        }
        synchronized (done) {
          done.incrementAndGet();
          done.notifyAll();
        }
      }
    };
    Executor others = Objects.requireNonNull(helpers); // batches > 1 only with helpers
    for (int i = 1; i < batches; i++) {
      try {
        others.execute(readBatches);
      } catch (RejectedExecutionException e) {
        break; // the calling thread reads what no helper takes
      }
    }
    readBatches.run();
    boolean interrupted = false;
    synchronized (done) {
      while (done.get() < batches) {
        try {
          done.wait();
        } catch (InterruptedException e) {
          interrupted = true; // the batches being read end on their own within microseconds
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return read;
  }

  private static Object attributesOf(Path entry) {
    try {
      return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return e;
    }
  }
}
