package dev.autoscaling.workshop.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process Kubernetes API for {@code workshop demo} and tests: fabric8's mock server in CRUD mode on loopback,
 * extended with server-side apply. It stores, lists, watches, patches and deletes objects; no controller acts on
 * them (no KEDA, no Karpenter, no kubelet, no scheduler), so nothing becomes Ready by itself.
 *
 * <p>Needs {@code io.fabric8:kubernetes-server-mock} at run time (an optional dependency of this module).
 */
public final class EmbeddedApiServer implements AutoCloseable {

  // The mock web server logs every request at INFO through java.util.logging: a demo's output is not the place.
  // Held here because java.util.logging keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(Level.WARNING);
  }

  private final ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  /** Starts the server on a free loopback port. */
  public static EmbeddedApiServer start() {
    return new EmbeddedApiServer();
  }

  /** A client of this server (closed with it). */
  public KubernetesClient client() {
    return client;
  }

  /** Objects created so far (POST, or an apply of an absent object). */
  public int creates() {
    return dispatcher.creates();
  }

  /** Writes to existing objects so far (PUT, PATCH, apply). */
  public int updates() {
    return dispatcher.updates();
  }

  /** Every HTTP request the server received, reads and watches included. */
  public int requests() {
    return server.getRequestCount();
  }

  /**
   * The requests received since the last call, as {@code METHOD path?query}, oldest first: what a request budget
   * counts.
   */
  public List<String> takeRequests() {
    List<String> taken = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        taken.add(request.getMethod() + " " + request.getPath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return taken;
  }

  public String url() {
    return client.getMasterUrl().toString();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
