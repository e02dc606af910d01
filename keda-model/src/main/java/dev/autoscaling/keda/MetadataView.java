package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A trigger's {@code metadata} object as the map of texts the scaler catalogue checks, read from the tree on each
 * look-up instead of copied: the catalogue looks at a handful of keys, and a copy cost a map and an entry per key for
 * every trigger of every object. Each value reads as {@link JsonNode#asText()}, in the object's order, as the copy
 * held them. Not thread-safe beyond the tree's own guarantees; read-only.
 */
final class MetadataView extends AbstractMap<String, String> {

  private final JsonNode object;

  /** @param object a trigger's metadata; anything but an object reads as empty, as its (empty) properties did */
  MetadataView(JsonNode object) {
    this.object = object;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    if (!(key instanceof String name) || !object.isObject()) {
      return null;
    }
    JsonNode value = object.get(name);
    return value == null ? null : value.asText();
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return key instanceof String name && object.isObject() && object.get(name) != null;
  }

  @Override
  public int size() {
    return object.isObject() ? object.size() : 0;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    Set<Map.Entry<String, JsonNode>> properties = object.isObject() ? object.properties() : Set.of();
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        Iterator<Map.Entry<String, JsonNode>> it = properties.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<String, String> next() {
            Map.Entry<String, JsonNode> e = it.next();
            return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().asText());
          }
        };
      }

      @Override
      public int size() {
        return properties.size();
      }
    };
  }
}
