package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a document stands for, as kubectl sends them: the document itself, or, for a list, each of its items.
 * kubectl takes any object with an {@code items} field for a list ({@code v1 List}, {@code ConfigMapList}, ...;
 * k8s.io/apimachinery's unstructured decoding), flattens lists within lists, gives an item with neither
 * {@code apiVersion} nor {@code kind} the list's {@code apiVersion} and the list's kind without its {@code List}
 * suffix, and sends nothing of the list's own fields.
 */
public final class ListItems {

  /**
   * One object to check.
   *
   * @param path   where it is in the document: empty for the document itself, {@code items[2]} for a list item,
   *               {@code items[0].items[1]} within a nested list
   * @param object the object, with the kind and apiVersion kubectl gives it
   */
  public record Item(String path, JsonNode object) {
  }

  private ListItems() {
  }

  /** Whether kubectl reads this document as a list. */
  public static boolean isList(JsonNode document) {
    return document.isObject() && document.has("items");
  }

  /** The objects of a document: itself, or the items of the list it is, flattened. */
  public static List<Item> of(JsonNode document) {
    List<Item> items = new ArrayList<>(1);
    add(items, "", document);
    return items;
  }

  private static void add(List<Item> items, String path, JsonNode document) {
    if (!isList(document)) {
      items.add(new Item(path, document));
      return;
    }
    JsonNode list = document.get("items");
    String prefix = path.isEmpty() ? "items" : path + ".items";
    if (list.isNull()) {
      return; // kubectl reads items: null as no items
    }
    if (!list.isArray()) {
      items.add(new Item(prefix, list)); // not an object: the validator says what it is
      return;
    }
    String listKind = document.path("kind").asText("");
    String itemKind = listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : listKind;
    String apiVersion = document.path("apiVersion").asText("");
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (item.isObject() && !item.has("kind") && !item.has("apiVersion")) {
        ObjectNode typed = ((ObjectNode) item).deepCopy();
        typed.put("apiVersion", apiVersion);
        typed.put("kind", itemKind);
        item = typed;
      }
      add(items, prefix + "[" + i + "]", item);
    }
  }
}
