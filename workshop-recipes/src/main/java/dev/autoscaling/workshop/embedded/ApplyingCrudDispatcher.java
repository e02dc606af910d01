package dev.autoscaling.workshop.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's CRUD dispatcher, taught server-side apply: its PATCH handler knows JSON and merge patches only, and
 * answers 404 for an object that does not exist yet. An apply patch here creates the object when it is absent and
 * merges into it otherwise, with the field ownership of {@link FieldOwnership} kept in {@code metadata.managedFields}:
 * an apply that would change a field another manager owns is refused with the API server's 409, unless forced.
 * It also counts the writes it stores, for request budgets, logs every request, and answers the faults a test asked
 * for ({@link ApiFaults}) before anything else.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger creates = new AtomicInteger();
  private final AtomicInteger updates = new AtomicInteger();
  private final RequestLog log;
  private final OpenWatches watches;
  private final ApiFaults faults;

  ApplyingCrudDispatcher(RequestLog log, OpenWatches watches, ApiFaults faults) {
    this.log = log;
    this.watches = watches;
    this.faults = faults;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    log.record(request);
    MockResponse fault = faults.respond(request);
    return fault != null ? fault : super.dispatch(request);
  }

  @Override
  public MockResponse handleWatch(String path) {
    return watches.track(path, super.handleWatch(path));
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    creates.incrementAndGet();
    JsonNode created = readOrNull(request.getBody().getBytes());
    if (!(created instanceof ObjectNode object)) {
      return super.handleCreate(request);
    }
    FieldOwnership.write(object, FieldOwnership.afterUpdate(null, object, updater(request, object)),
        object.path("apiVersion").asText());
    return super.handleCreate(copy(request, HttpMethod.POST, request.getPath(), "application/json", write(object)));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    updates.incrementAndGet();
    String objectPath = withoutQuery(request.getPath());
    JsonNode live = subresource(objectPath) ? null : stored(objectPath);
    JsonNode updated = readOrNull(request.getBody().getBytes());
    if (live == null || !(updated instanceof ObjectNode object)) {
      return super.handleUpdate(request);
    }
    // The server keeps managedFields itself: what the client sends back there is not taken as is.
    FieldOwnership.write(object, FieldOwnership.afterUpdate(live, object, updater(request, object)),
        object.path("apiVersion").asText());
    return super.handleUpdate(copy(request, HttpMethod.PUT, request.getPath(), "application/json", write(object)));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    String objectPath = withoutQuery(request.getPath());
    if (contentType == null || !contentType.startsWith("application/apply-patch")) {
      updates.incrementAndGet();
      return patched(request, objectPath);
    }
    byte[] body = request.getBody().getBytes();
    JsonNode applied = read(body);
    FieldOwnership.Manager applier = FieldOwnership.Manager.applier(fieldManager(request));
    String apiVersion = applied.path("apiVersion").asText();
    JsonNode live = stored(objectPath);
    if (live == null) {
      creates.incrementAndGet();
      ObjectNode created = (ObjectNode) applied.deepCopy();
      FieldOwnership.write(created, FieldOwnership.afterApply(null, applied, applier, List.of()), apiVersion);
      String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
      return super.handleCreate(copy(request, HttpMethod.POST, collection, "application/json", write(created)));
    }
    List<FieldOwnership.Conflict> conflicts = FieldOwnership.conflicts(live, applied, applier);
    if (!conflicts.isEmpty() && !"true".equals(queryParameter(request.getPath(), "force"))) {
      return new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
          .setBody(FieldOwnership.conflictStatus(conflicts).toString());
    }
    updates.incrementAndGet();
    // The mock's own merge patch appends to arrays; an apply replaces them (as a JSON merge patch does). So the
    // merged object is computed here and stored with a PUT, guarded by the live resourceVersion.
    ObjectNode merged = (ObjectNode) merge(live, applied);
    FieldOwnership.write(merged, FieldOwnership.afterApply(live, applied, applier, conflicts), apiVersion);
    return super.handleUpdate(copy(request, HttpMethod.PUT, objectPath, "application/json", write(merged)));
  }

  /** A JSON, merge or strategic merge patch, after which the patcher owns the fields it changed. */
  private MockResponse patched(RecordedRequest request, String objectPath) {
    JsonNode live = subresource(objectPath) ? null : stored(objectPath);
    MockResponse response = super.handlePatch(request);
    if (live == null || status(response) >= 300) {
      return response;
    }
    JsonNode after = read(response.getBody().getBytes());
    Map<FieldOwnership.Manager, Set<List<String>>> owners = FieldOwnership.afterUpdate(live, after,
        updater(request, after));
    if (owners.equals(FieldOwnership.read(after))) {
      return response;
    }
    // The mock's patch handler cannot record ownership: a second, internal write does, on the version just stored.
    ObjectNode withOwners = (ObjectNode) after.deepCopy();
    FieldOwnership.write(withOwners, owners, after.path("apiVersion").asText());
    return super.handleUpdate(copy(request, HttpMethod.PUT, objectPath, "application/json", write(withOwners)));
  }

  /**
   * Makes {@code manager} the only owner of {@code field} of the stored object at {@code objectPath}, as an update
   * by it would; one write, not counted as the client's.
   */
  void giveField(String objectPath, List<String> field, String manager) {
    JsonNode live = stored(objectPath);
    if (live == null) {
      throw new IllegalArgumentException(objectPath + ": no such object on the embedded API server");
    }
    String apiVersion = live.path("apiVersion").asText();
    ObjectNode owned = (ObjectNode) live.deepCopy();
    FieldOwnership.write(owned, FieldOwnership.give(live, field, FieldOwnership.Manager.updater(manager, apiVersion)),
        apiVersion);
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    MockResponse response = super.handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, objectPath, headers,
        new Buffer(write(owned))));
    if (status(response) >= 300) {
      throw new IllegalStateException(objectPath + ": could not record the owner of " + FieldOwnership.printed(field)
          + ": " + response.getStatus());
    }
  }

  /** The stored object, or null if there is none. */
  private JsonNode stored(String objectPath) {
    MockResponse existing = handleGet(objectPath);
    return status(existing) == 404 || existing.getBody() == null ? null : read(existing.getBody().getBytes());
  }

  /** As the API server names a manager that gave none: its fieldManager, else its User-Agent up to the first '/'. */
  private static String fieldManager(RecordedRequest request) {
    String given = queryParameter(request.getPath(), "fieldManager");
    if (given != null && !given.isEmpty()) {
      return given;
    }
    String agent = request.getHeader("User-Agent");
    return agent == null || agent.isEmpty() ? "unknown" : agent.split("/", 2)[0];
  }

  private static FieldOwnership.Manager updater(RecordedRequest request, JsonNode object) {
    return FieldOwnership.Manager.updater(fieldManager(request), object.path("apiVersion").asText(null));
  }

  private static boolean subresource(String objectPath) {
    return objectPath.endsWith("/status") || objectPath.endsWith("/scale");
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String queryParameter(String path, String name) {
    int query = path.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : path.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** RFC 7386 merge, except that a null in an apply means nothing (applies never delete by null). */
  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode patchObject) || !(target instanceof ObjectNode)) {
      return patch.deepCopy();
    }
    ObjectNode result = ((ObjectNode) target).deepCopy();
    for (Map.Entry<String, JsonNode> field : patchObject.properties()) {
      if (!field.getValue().isNull()) {
        JsonNode current = result.get(field.getKey());
        result.set(field.getKey(), current == null ? field.getValue().deepCopy() : merge(current, field.getValue()));
      }
    }
    return result;
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readOrNull(byte[] json) {
    try {
      return json == null || json.length == 0 ? null : JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] write(JsonNode tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RecordedRequest copy(RecordedRequest request, HttpMethod method, String path, String contentType,
      byte[] body) {
    Headers headers = request.getHeaders().newBuilder().set("Content-Type", contentType).build();
    return new RecordedRequest(request.getHttpVersion(), method, path, headers, new Buffer(body));
  }

  private static int status(MockResponse response) {
    return response.code();
  }

  int creates() {
    return creates.get();
  }

  int updates() {
    return updates.get();
  }
}
