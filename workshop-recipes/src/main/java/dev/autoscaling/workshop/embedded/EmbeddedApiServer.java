package dev.autoscaling.workshop.embedded;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process Kubernetes API for {@code workshop demo} and tests: fabric8's mock server in CRUD mode on loopback,
 * extended with server-side apply and its field ownership (see {@link #ownField}). It stores, lists, watches,
 * patches and deletes objects; no controller acts on them (no KEDA, no Karpenter, no kubelet, no scheduler), so
 * nothing becomes Ready by itself.
 *
 * <p>For tests, it injects the faults of a real API server on request ({@link #faults()}): 429 and 5xx answers,
 * closed watches, going away mid-request and coming back ({@link #comeBack()}) with what it stored.
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

  private final RequestLog log = new RequestLog();
  private final OpenWatches watches = new OpenWatches();
  private final ApiFaults faults = new ApiFaults(watches, this::goAwaySoon);
  private final ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher(log, watches, faults);
  private final int port;
  private final KubernetesClient client;
  // Replaced when the server comes back: a stopped mock web server cannot be started again.
  private volatile KubernetesMockServer server;
  private volatile CompletableFuture<Void> goingAway = CompletableFuture.completedFuture(null);

  private EmbeddedApiServer() {
    server = listen(0);
    port = server.getPort();
    client = server.createClient();
  }

  /** Starts the server on a free loopback port. */
  public static EmbeddedApiServer start() {
    return new EmbeddedApiServer();
  }

  private KubernetesMockServer listen(int port) {
    KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        dispatcher, false);
    mock.init(InetAddress.getLoopbackAddress(), port);
    return mock;
  }

  /** A client of this server (closed with it). */
  public KubernetesClient client() {
    return client;
  }

  /**
   * A new client configuration for this server, for a client built by the caller (with its own retries, say):
   * plain HTTP on loopback, no credentials.
   */
  public Config config() {
    Config config = Config.empty();
    config.setMasterUrl(url());
    config.setNamespace("default");
    config.setHttp2Disable(true);
    return config;
  }

  /** Objects created so far (POST, or an apply of an absent object). */
  public int creates() {
    return dispatcher.creates();
  }

  /** Writes to existing objects stored so far (PUT, PATCH, apply); refused and faulted requests do not count. */
  public int updates() {
    return dispatcher.updates();
  }

  /** Every HTTP request the server received, reads and watches included. */
  public int requests() {
    return log.count();
  }

  /**
   * The requests received since the last call, as {@code METHOD path?query}, oldest first: what a request budget
   * counts.
   */
  public List<String> takeRequests() {
    return log.take();
  }

  /**
   * Waits until {@code count} requests in all (since the start) match {@code requestLine}, a test on
   * {@code METHOD path?query}.
   *
   * @return false if the time ran out first
   */
  public boolean awaitRequests(Predicate<String> requestLine, int count, Duration timeout) {
    return log.await(requestLine, count, timeout);
  }

  /**
   * Waits until {@code count} watches in all (since the start) have been opened on the collection {@code path}
   * ({@code /apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects}; a named object's watch is on its collection).
   *
   * @return false if the time ran out first
   */
  public boolean awaitWatches(String path, int count, Duration timeout) {
    return watches.await(path, count, timeout);
  }

  /** The faults this server injects, none until a test asks. */
  public ApiFaults faults() {
    return faults;
  }

  /**
   * Records that {@code manager} manages {@code field} of the stored {@code object} (the same kind, namespace and
   * name), as if it had changed it with an update: the API server then answers an apply of another value by
   * another manager with 409 Conflict, unless forced. Plays a controller or a person, e.g. the HPA
   * ({@code kube-controller-manager}) on a Deployment's {@code .spec.replicas}, or {@code kubectl-client-side-apply}
   * on anything a client-side {@code kubectl apply} wrote. The value is left as stored: write it first.
   *
   * @param field a path of map keys, {@code .spec.replicas}
   */
  public void ownField(HasMetadata object, String field, String manager) {
    dispatcher.giveField(path(object), FieldOwnership.parse(field), manager);
  }

  /** The API path of a stored object: {@code /apis/apps/v1/namespaces/pets/deployments/virtual-worker}. */
  static String path(HasMetadata object) {
    String apiVersion = object.getApiVersion() != null ? object.getApiVersion()
        : HasMetadata.getApiVersion(object.getClass());
    String namespace = object.getMetadata().getNamespace();
    return (apiVersion.contains("/") ? "/apis/" : "/api/") + apiVersion
        + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + HasMetadata.getPlural(object.getClass())
        + "/" + object.getMetadata().getName();
  }

  /**
   * Stops answering: open connections close and the port refuses new ones, as when an API server goes away. What
   * was stored stays for {@link #comeBack()}.
   */
  public void goAway() {
    server.destroy();
  }

  /** From inside a request: the server cannot stop on its own request thread, so another thread does. */
  private void goAwaySoon() {
    goingAway = CompletableFuture.runAsync(this::goAway);
  }

  /** Answers again on the same port, with every object stored before it went away. */
  public void comeBack() {
    goingAway.join();
    server = listen(port);
  }

  public String url() {
    return client.getMasterUrl().toString();
  }

  @Override
  public void close() {
    client.close();
    goingAway.join();
    server.destroy();
  }
}
