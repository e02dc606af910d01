package dev.autoscaling.workshop.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies objects the way {@code kubectl apply --server-side} does, with one read to report what changed: an object
 * the cluster already holds with every field as written costs no write; anything else costs exactly one
 * server-side-apply PATCH under the workshop's field manager. Without force, as kubectl, so that a field someone
 * else manages with another value is refused (409) and reported, not silently taken over.
 */
final class ServerSideApply {

  enum Result { CREATED, CONFIGURED, UNCHANGED }

  private ServerSideApply() {
  }

  /**
   * {@code live} is the object as the cluster has it now (null if absent), read by the caller.
   *
   * @param force take over fields other managers own ({@code --force-conflicts})
   * @throws ApplyConflictException when the API server refuses the apply for fields another manager owns
   */
  static Result apply(KubernetesClient client, HasMetadata object, HasMetadata live, String fieldManager,
      boolean force) {
    if (live != null && contains(Manifests.toTree(live), Manifests.toTree(object))) {
      return Result.UNCHANGED;
    }
    var resource = client.resource(object).fieldManager(fieldManager);
    try {
      (force ? resource.forceConflicts() : resource).serverSideApply();
    } catch (KubernetesClientException e) {
      List<ApplyConflictException.Conflict> conflicts = conflicts(e);
      if (conflicts.isEmpty()) {
        throw e;
      }
      throw new ApplyConflictException(describe(object), conflicts);
    }
    return live == null ? Result.CREATED : Result.CONFIGURED;
  }

  /** The fields and managers of a 409 answered to an apply ({@code details.causes} of type FieldManagerConflict). */
  static List<ApplyConflictException.Conflict> conflicts(KubernetesClientException e) {
    Status status = e.getStatus();
    if (e.getCode() != 409 || status == null || status.getDetails() == null
        || status.getDetails().getCauses() == null) {
      return List.of();
    }
    List<ApplyConflictException.Conflict> conflicts = new ArrayList<>();
    for (StatusCause cause : status.getDetails().getCauses()) {
      if ("FieldManagerConflict".equals(cause.getReason())) {
        // "conflict with \"kubectl-client-side-apply\" using apps/v1"
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String manager = message.startsWith("conflict with ") ? message.substring("conflict with ".length()) : message;
        conflicts.add(new ApplyConflictException.Conflict(cause.getField(), manager));
      }
    }
    return conflicts;
  }

  /**
   * Whether every field written is in the live object with the same value. The live object has more (status,
   * server-set metadata, defaults), which does not count as a difference, as for server-side apply.
   */
  static boolean contains(JsonNode live, JsonNode written) {
    if (written.isObject()) {
      if (!live.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : written.properties()) {
        JsonNode liveValue = live.get(field.getKey());
        if (liveValue == null || !contains(liveValue, field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (written.isArray()) {
      if (!live.isArray() || live.size() != written.size()) {
        return false;
      }
      for (int i = 0; i < written.size(); i++) {
        if (!contains(live.get(i), written.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (written.isNumber() && live.isNumber()) {
      return written.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return written.equals(live);
  }

  static String describe(HasMetadata object) {
    String ns = object.getMetadata().getNamespace();
    return object.getKind().toLowerCase(Locale.ROOT) + "/" + object.getMetadata().getName()
        + (ns == null ? "" : " -n " + ns);
  }
}
