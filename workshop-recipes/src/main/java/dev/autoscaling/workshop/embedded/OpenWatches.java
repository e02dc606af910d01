package dev.autoscaling.workshop.embedded;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watches the embedded server has open, by collection path, so that a test can close them as an API server
 * does (on a restart, a timeout, a load balancer cutting long connections) and see the client open them again.
 */
final class OpenWatches {

  private final Map<String, Set<WebSocket>> open = new HashMap<>();
  private final Map<String, Integer> opened = new HashMap<>();

  /** The watch response with its listener wrapped, so that this registry sees it open and close. */
  MockResponse track(String path, MockResponse watch) {
    WebSocketListener events = watch.getWebSocketListener();
    if (events == null) {
      return watch;
    }
    return watch.withWebSocketUpgrade(new Tracked(collection(path), events));
  }

  int close(String path) {
    List<WebSocket> sockets;
    synchronized (this) {
      sockets = List.copyOf(open.getOrDefault(path, Set.of()));
    }
    // 1000: a normal close, as an API server ends a watch whose timeout passed
    sockets.forEach(socket -> socket.close(1000, "watch closed by the embedded API server"));
    return sockets.size();
  }

  synchronized boolean await(String path, int count, Duration timeout) {
    return Awaiting.until(this, () -> opened.getOrDefault(path, 0) >= count, timeout);
  }

  private synchronized void opened(String path, WebSocket socket) {
    open.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(socket);
    opened.merge(path, 1, Integer::sum);
    notifyAll();
  }

  private synchronized void closed(String path, WebSocket socket) {
    open.getOrDefault(path, new LinkedHashSet<>()).remove(socket);
  }

  private static String collection(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** Passes every event on to the CRUD dispatcher's own listener. */
  private final class Tracked extends WebSocketListener {

    private final String path;
    private final WebSocketListener events;

    Tracked(String path, WebSocketListener events) {
      this.path = path;
      this.events = events;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      events.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      events.onOpen(webSocket, response);
      opened(path, webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      events.onMessage(webSocket, text);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      events.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      events.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      events.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      closed(path, webSocket);
      events.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      closed(path, webSocket);
      events.onFailure(webSocket, error, response);
    }
  }
}
