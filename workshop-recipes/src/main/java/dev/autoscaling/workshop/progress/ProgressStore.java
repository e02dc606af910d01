package dev.autoscaling.workshop.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which workshop steps have been applied and verified, kept across runs so that a run that stopped at a step starts
 * there next time. In a file ({@code {"completed":[...], "failed":"..."}}, replaced atomically after every step)
 * or only in memory.
 */
public final class ProgressStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Set<String> completed = new LinkedHashSet<>();
  private String failed;

  private ProgressStore(Path file) {
    this.file = file;
  }

  public static ProgressStore inMemory() {
    return new ProgressStore(null);
  }

  /** Reads the file if it exists; it is written after each step. */
  public static ProgressStore file(Path file) {
    ProgressStore store = new ProgressStore(file);
    if (Files.exists(file)) {
      try {
        JsonNode saved = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        saved.path("completed").forEach(s -> store.completed.add(s.asText()));
        store.failed = saved.hasNonNull("failed") ? saved.get("failed").asText() : null;
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": not a workshop progress file (" + e.getMessage()
            + "); delete it to start over", e);
      }
    }
    return store;
  }

  public synchronized boolean isCompleted(String step) {
    return completed.contains(step);
  }

  public synchronized Set<String> completed() {
    return Set.copyOf(completed);
  }

  /** The step the last run stopped at, if it stopped on a failure. */
  public synchronized @Nullable String failed() {
    return failed;
  }

  public synchronized void markCompleted(String step) {
    completed.add(step);
    if (step.equals(failed)) {
      failed = null;
    }
    save();
  }

  public synchronized void markFailed(String step) {
    completed.remove(step);
    failed = step;
    save();
  }

  public synchronized void forget(String step) {
    completed.remove(step);
    if (step.equals(failed)) {
      failed = null;
    }
    save();
  }

  private void save() {
    if (file == null) {
      return;
    }
    ObjectNode saved = JSON.createObjectNode();
    ArrayNode list = saved.putArray("completed");
    completed.forEach(list::add);
    saved.put("failed", failed);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".progress", ".json");
      Files.writeString(temp, saved.toPrettyString(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot save the workshop progress: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized String toString() {
    return "ProgressStore[" + (file == null ? "in memory" : file) + ", completed=" + completed + ", failed=" + failed
        + "]";
  }
}
