package dev.autoscaling.aks;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one poller shape of this module, {@code SyncPoller<Progress, R>}, made from ARM's pollers, from a finished
 * result, or from two stages in a row; and the blocking wait every blocking form uses.
 *
 * <p>As with the Azure SDK's own pollers, {@code poll()} and {@code waitForCompletion()} report a failed operation
 * as a FAILED status, and {@code getFinalResult()} throws it, here as an {@link AksProvisioningException} with ARM's
 * code and message. {@code poll()} after the end answers the end again without calling Azure.
 */
final class Pollers {

  private Pollers() {
  }

  /** Nothing to send: done from the start, with {@code state} as its one progress report. */
  static <R> SyncPoller<Progress, R> completed(String operation, String state, R result) {
    PollResponse<Progress> done = new PollResponse<>(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED,
        new Progress(operation, state, Duration.ZERO));
    return SyncPoller.createPoller(Duration.ofSeconds(1), context -> done, context -> done,
        (context, activation) -> {
          throw new UnsupportedOperationException(operation + ": nothing is running, nothing to cancel");
        },
        context -> result);
  }

  /** ARM's poller of one long-running operation, its result mapped to one of this module's types. */
  static <I, R> SyncPoller<Progress, R> arm(String operation, Duration pollInterval,
      SyncPoller<PollResult<I>, I> armPoller, Function<I, R> result) {
    long start = System.nanoTime();
    End end = new End();
    return SyncPoller.createPoller(pollInterval,
        context -> new PollResponse<>(LongRunningOperationStatus.IN_PROGRESS,
            new Progress(operation, LongRunningOperationStatus.IN_PROGRESS.toString(), elapsed(start))),
        context -> {
          if (end.response != null) {
            return end.response;
          }
          PollResponse<PollResult<I>> response = ArmErrors.call(operation, armPoller::poll);
          LongRunningOperationStatus status = response.getStatus();
          PollResponse<Progress> mapped = new PollResponse<>(status,
              new Progress(operation, status.toString(), elapsed(start)), response.getRetryAfter());
          if (status.isComplete()) {
            end.response = mapped;
            if (status != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
              end.failure = ArmErrors.operationFailure(operation, status, response.getValue());
            }
          }
          return mapped;
        },
        (context, activation) -> {
          ArmErrors.call(operation, () -> {
            armPoller.cancelOperation();
            return null;
          });
          return new Progress(operation, LongRunningOperationStatus.USER_CANCELLED.toString(), elapsed(start));
        },
        context -> {
          if (end.failure != null) {
            throw end.failure;
          }
          return result.apply(ArmErrors.call(operation, armPoller::getFinalResult));
        });
  }

  /**
   * Two operations in a row: {@code second} starts when {@code first} has succeeded, from its result. Each stage
   * reports its own progress; a failed first stage ends the whole with its failure.
   */
  static <A, B, R> SyncPoller<Progress, R> sequence(String operation, Duration pollInterval,
      SyncPoller<Progress, A> first, Function<A, SyncPoller<Progress, B>> second, BiFunction<A, B, R> combine) {
    Sequence<A, B> state = new Sequence<>();
    return SyncPoller.createPoller(pollInterval,
        context -> new PollResponse<>(LongRunningOperationStatus.IN_PROGRESS,
            new Progress(operation, LongRunningOperationStatus.IN_PROGRESS.toString(), Duration.ZERO)),
        context -> {
          if (state.end != null) {
            return state.end;
          }
          if (state.second == null) {
            PollResponse<Progress> response = first.poll();
            if (response.getStatus() == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
              state.firstResult = first.getFinalResult();
              state.second = second.apply(state.firstResult);
              // The first stage's last report, but the whole goes on.
              return new PollResponse<>(LongRunningOperationStatus.IN_PROGRESS, response.getValue(),
                  response.getRetryAfter());
            }
            state.end = response.getStatus().isComplete() ? response : null;
            return response;
          }
          PollResponse<Progress> response = state.second.poll();
          state.end = response.getStatus().isComplete() ? response : null;
          return response;
        },
        (context, activation) -> {
          (state.second == null ? first : state.second).cancelOperation();
          return context.getLatestResponse().getValue();
        },
        context -> {
          if (state.second == null) {
            first.getFinalResult(); // throws the first stage's failure
            throw new IllegalStateException(operation + " ended before its second stage");
          }
          return combine.apply(state.firstResult, state.second.getFinalResult());
        });
  }

  /**
   * How one ARM operation ended, once it has. Only its poller touches it; like azure-core's own, a poller is used by
   * one thread at a time (volatile: that thread may change).
   */
  private static final class End {
    volatile PollResponse<Progress> response;
    volatile AksProvisioningException failure;
  }

  /** Mutable progress of one sequence; only its poller touches it, one thread at a time. */
  private static final class Sequence<A, B> {
    volatile A firstResult;
    volatile SyncPoller<Progress, B> second;
    volatile PollResponse<Progress> end;
  }

  /**
   * Polls until the operation ends, reporting each poll; waits the poll interval, or longer when Azure's
   * Retry-After says so.
   *
   * @throws AksProvisioningException if the operation failed, with ARM's code and message
   */
  static <R> R await(SyncPoller<Progress, R> poller, Duration pollInterval, Consumer<Progress> progress) {
    while (true) {
      PollResponse<Progress> response = poller.poll();
      progress.accept(response.getValue());
      if (response.getStatus().isComplete()) {
        return poller.getFinalResult();
      }
      Duration wait = response.getRetryAfter() != null && response.getRetryAfter().compareTo(pollInterval) > 0
          ? response.getRetryAfter() : pollInterval;
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AksProvisioningException(response.getValue().operation(), 0, null, "interrupted while waiting",
            e);
      }
    }
  }

  static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
