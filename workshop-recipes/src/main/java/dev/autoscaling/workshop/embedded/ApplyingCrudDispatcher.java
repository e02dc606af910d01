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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's CRUD dispatcher, taught server-side apply: its PATCH handler knows JSON and merge patches only, and
 * answers 404 for an object that does not exist yet. An apply patch here creates the object when it is absent and
 * merges into it otherwise (close to SSA for one field manager; no managed-fields bookkeeping). It also counts the
 * writes it stores, for request budgets.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger creates = new AtomicInteger();
  private final AtomicInteger updates = new AtomicInteger();

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    creates.incrementAndGet();
    return super.handleCreate(request);
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    updates.incrementAndGet();
    return super.handleUpdate(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith("application/apply-patch")) {
      updates.incrementAndGet();
      return super.handlePatch(request);
    }
    String path = request.getPath();
    int query = path.indexOf('?');
    String objectPath = query < 0 ? path : path.substring(0, query);
    MockResponse existing = handleGet(objectPath);
    byte[] body = request.getBody().getBytes();
    if (status(existing) == 404) {
      String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
      return handleCreate(copy(request, HttpMethod.POST, collection, "application/json", body));
    }
    // The mock's own merge patch appends to arrays; an apply replaces them (as a JSON merge patch does). So the
    // merged object is computed here and stored with a PUT, guarded by the live resourceVersion.
    JsonNode merged = merge(read(existing.getBody().getBytes()), read(body));
    return handleUpdate(copy(request, HttpMethod.PUT, objectPath, "application/json", write(merged)));
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
    // "HTTP/1.1 404 Client Error"
    String[] parts = response.getStatus().split(" ");
    return Integer.parseInt(parts[1]);
  }

  int creates() {
    return creates.get();
  }

  int updates() {
    return updates.get();
  }

}
