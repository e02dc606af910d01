package dev.autoscaling.validation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** RFC 7386 JSON merge patch: objects merge recursively, anything else (lists included) replaces, null deletes. */
public final class MergePatch {

  private MergePatch() {
  }

  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? target.deepCopy() : patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    ObjectNode object = result;
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        object.remove(field.getKey());
      } else {
        object.set(field.getKey(), apply(object.get(field.getKey()), field.getValue()));
      }
    }
    return object;
  }
}
