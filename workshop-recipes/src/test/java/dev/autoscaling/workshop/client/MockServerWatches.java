package dev.autoscaling.workshop.client;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits on fabric8's mock API server's request log instead of sleeping: a test that must change an object while a
 * wait or a monitor is watching it waits until the watch request has reached the server. An informer lists before
 * it watches, so a watch seen also means the objects as they were then have been read.
 */
public final class MockServerWatches {

  private MockServerWatches() {
  }

  /**
   * Until {@code count} more watch requests of the collection at {@code path}
   * ({@code /apis/karpenter.sh/v1/nodeclaims}) have reached the server, reading the log on from where the last call
   * left it.
   *
   * @throws AssertionError when they do not within {@code timeout}
   */
  public static void await(KubernetesMockServer server, String path, int count, Duration timeout)
      throws InterruptedException {
    int seen = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen < count) {
      RecordedRequest request = server.takeRequest(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (request == null) {
        throw new AssertionError(count + " watches of " + path + " expected within " + timeout + "; saw " + seen);
      }
      if (request.getPath().startsWith(path + "?") && request.getPath().contains("watch=true")) {
        seen++;
      }
    }
  }
}
