package dev.autoscaling.workshop.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.KedaAuthentications;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads many files on several threads and tells the listener exactly what one thread would, in the same order, on
 * the calling thread. Each file is checked on a worker with the TriggerAuthentications it records itself; those of
 * earlier files are added on the calling thread as each file's results are handed over, in file order. A file whose
 * trigger references one that an earlier file gives (so one thread would have checked it against that) is read again
 * on the calling thread with what the earlier files gave: rare in practice, and the answer is then the sequential one
 * by construction. Memory: the results of at most {@code 64 x threads} files are held at once.
 */
final class ParallelFiles {

  private final ManifestValidator validator;
  private final int threads;
  private final int window;

  ParallelFiles(ManifestValidator validator, int threads) {
    this.validator = validator;
    this.threads = threads;
    this.window = 64 * threads;
  }

  void validate(List<Path> paths, InputStream stdin, ValidationListener listener) {
    KedaAuthentications earlier = new KedaAuthentications();
    ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "workshop-validate");
      thread.setDaemon(true); // never keeps the process alive when the caller gives up
      return thread;
    });
    // the workers are idle while a folder is walked (or finishing the previous path's files): they help read it
    FileWalk fileWalk = new FileWalk(workers, threads);
    Deque<Future<FileOutcome>> inFlight = new ArrayDeque<>();
    try {
      boolean stdinRead = false;
      for (Path path : paths) {
        if (path.toString().equals("-")) {
          while (!inFlight.isEmpty()) {
            hand(inFlight.removeFirst(), earlier, listener);
          }
          if (stdinRead) {
            listener.unreadable("-", "standard input was read already");
          } else {
            stdinRead = true;
            validator.forFile(earlier, null).read("-", stdin, listener);
          }
          continue;
        }
        // what the walk finds unreadable comes after the files before it and before this path's files
        FileOutcome walk = new FileOutcome(null);
        List<Path> files = ManifestValidator.files(path, walk.events, fileWalk);
        inFlight.addLast(CompletableFuture.completedFuture(walk));
        for (Path file : files) {
          while (inFlight.size() >= window) {
            hand(inFlight.removeFirst(), earlier, listener);
          }
          inFlight.addLast(workers.submit(() -> check(file)));
        }
      }
      while (!inFlight.isEmpty()) {
        hand(inFlight.removeFirst(), earlier, listener);
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** One file on a worker, with only its own authentications; everything the listener would hear is kept. */
  private FileOutcome check(Path file) {
    FileOutcome outcome = new FileOutcome(file);
    Consumer<JsonNode> kedaObjects = object -> {
      String kind = object.path("kind").asText("");
      switch (kind) {
        case "TriggerAuthentication", "ClusterTriggerAuthentication" -> outcome.authentications.add(object);
        case "ScaledObject", "ScaledJob" -> {
          String namespace = object.path("metadata").path("namespace").asText("");
          for (JsonNode trigger : object.path("spec").path("triggers")) {
            JsonNode ref = trigger.path("authenticationRef");
            if (!ref.isMissingNode() && !ref.isNull()) {
              outcome.references.add(new Reference(trigger, namespace));
            }
          }
        }
        default -> {
          // no other keda.sh kind reads or gives an authentication
        }
      }
    };
    try {
      validator.forFile(new KedaAuthentications(), kedaObjects).readFile(file, outcome.events);
    } catch (RuntimeException | Error e) {
      outcome.failure = e; // handed over after what came before it, as one thread would throw it there
    }
    return outcome;
  }

  private void hand(Future<FileOutcome> next, KedaAuthentications earlier, ValidationListener listener) {
    FileOutcome outcome;
    try {
      outcome = next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed outside any file", e.getCause());
    }
    boolean needsEarlier = outcome.references.stream()
        .anyMatch(reference -> earlier.of(reference.trigger(), reference.namespace()).known());
    if (needsEarlier && outcome.failure == null) {
      validator.forFile(earlier, null).readFile(outcome.file, listener); // records its own into earlier
      return;
    }
    outcome.events.replay(listener);
    if (outcome.failure instanceof RuntimeException e) {
      throw e;
    }
    if (outcome.failure instanceof Error e) {
      throw e;
    }
    outcome.authentications.forEach(earlier::record);
  }

  /** A trigger that names an authentication, and the namespace of its ScaledObject or ScaledJob. */
  private record Reference(JsonNode trigger, String namespace) {
  }

  /** What one file gave: what the listener hears, the authentications it records, the references it makes. */
  private static final class FileOutcome {
    final Path file;
    final Recording events = new Recording();
    final List<JsonNode> authentications = new ArrayList<>(0);
    final List<Reference> references = new ArrayList<>(0);
    Throwable failure;

    FileOutcome(Path file) {
      this.file = file;
    }
  }

  /** The listener's calls, kept in order to be made again on the calling thread. */
  private static final class Recording implements ValidationListener {
    private final List<Consumer<ValidationListener>> calls = new ArrayList<>();

    @Override
    public void checked(CheckedDocument document) {
      calls.add(listener -> listener.checked(document));
    }

    @Override
    public void unreadable(String source, String reason) {
      calls.add(listener -> listener.unreadable(source, reason));
    }

    @Override
    public void empty(String source) {
      calls.add(listener -> listener.empty(source));
    }

    void replay(ValidationListener listener) {
      calls.forEach(call -> call.accept(listener));
    }
  }
}
