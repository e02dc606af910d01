package dev.autoscaling.workshop.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who manages which field of an object, kept where the API server keeps it: {@code metadata.managedFields}, one entry
 * per manager with its fields as {@code fieldsV1}. A minimal model of server-side apply's bookkeeping:
 * <ul>
 *   <li>a field is a path of map keys ({@code .spec.replicas}, {@code .metadata.labels.app}); a list is one field
 *       as a whole (the API server tracks list items by key, which this model does not);</li>
 *   <li>an apply conflicts on each field another manager owns with a different value than the one applied; with
 *       force the field moves to the applier; the applier then owns exactly the fields it applied;</li>
 *   <li>a create or an update (PUT, patch) takes every field whose value it changed, and never conflicts;</li>
 *   <li>{@code status} and metadata other than labels and annotations are not tracked.</li>
 * </ul>
 */
final class FieldOwnership {

  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A manager as the API server identifies it: name and operation; an updater also by API version. */
  record Manager(String name, String operation, String apiVersion) {

    static Manager applier(String name) {
      return new Manager(name, APPLY, null);
    }

    static Manager updater(String name, String apiVersion) {
      return new Manager(name, UPDATE, apiVersion);
    }

    /** As the API server prints it in a conflict: {@code "kubectl-client-side-apply" using apps/v1}. */
    String printed() {
      String quoted = '"' + name + '"';
      return UPDATE.equals(operation) && apiVersion != null ? quoted + " using " + apiVersion : quoted;
    }
  }

  record Conflict(Manager manager, List<String> field) {
  }

  private FieldOwnership() {
  }

  /** The object's managers and their fields, in the order of its managedFields. */
  static Map<Manager, Set<List<String>>> read(JsonNode object) {
    Map<Manager, Set<List<String>>> owners = new LinkedHashMap<>();
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      Manager manager = manager(entry);
      Set<List<String>> fields = new LinkedHashSet<>();
      collect(entry.path("fieldsV1"), new ArrayList<>(), fields);
      owners.computeIfAbsent(manager, m -> new LinkedHashSet<>()).addAll(fields);
    }
    return owners;
  }

  private static Manager manager(JsonNode entry) {
    String operation = entry.path("operation").asText(UPDATE);
    return new Manager(entry.path("manager").asText(""), operation,
        APPLY.equals(operation) ? null : entry.path("apiVersion").asText(null));
  }

  private static void collect(JsonNode fieldsV1, List<String> path, Set<List<String>> into) {
    boolean children = false;
    for (Iterator<String> names = fieldsV1.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("f:")) {
        children = true;
        List<String> child = new ArrayList<>(path);
        child.add(name.substring(2));
        collect(fieldsV1.get(name), child, into);
      }
    }
    if (!children && !path.isEmpty()) {
      into.add(List.copyOf(path));
    }
  }

  /**
   * Writes the owners into {@code metadata.managedFields} of {@code object}, replacing what was there. An entry whose
   * fields did not change keeps its time, so that a write that changes nothing leaves the object as it was.
   */
  static void write(ObjectNode object, Map<Manager, Set<List<String>>> owners, String apiVersion) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    Map<Manager, Set<List<String>>> before = read(object);
    Map<Manager, String> times = new LinkedHashMap<>();
    for (JsonNode entry : metadata.path("managedFields")) {
      times.put(manager(entry), entry.path("time").asText(null));
    }
    ArrayNode entries = JSON.createArrayNode();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    owners.forEach((manager, fields) -> {
      if (fields.isEmpty()) {
        return;
      }
      ObjectNode entry = entries.addObject();
      entry.put("manager", manager.name());
      entry.put("operation", manager.operation());
      entry.put("apiVersion", manager.apiVersion() != null ? manager.apiVersion() : apiVersion);
      String time = times.get(manager);
      entry.put("time", fields.equals(before.get(manager)) && time != null ? time : now);
      entry.put("fieldsType", "FieldsV1");
      ObjectNode fieldsV1 = entry.putObject("fieldsV1");
      for (List<String> field : fields) {
        ObjectNode node = fieldsV1;
        for (String key : field) {
          node = node.withObjectProperty("f:" + key);
        }
      }
    });
    if (entries.isEmpty()) {
      metadata.remove("managedFields");
    } else {
      metadata.set("managedFields", entries);
    }
  }

  /** Every tracked field the object sets. */
  static Set<List<String>> fieldsOf(JsonNode object) {
    Set<List<String>> fields = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      switch (field.getKey()) {
        case "apiVersion", "kind", "status" -> { }
        case "metadata" -> {
          for (String tracked : List.of("labels", "annotations")) {
            if (field.getValue().has(tracked)) {
              leaves(field.getValue().get(tracked), List.of("metadata", tracked), fields);
            }
          }
        }
        default -> leaves(field.getValue(), List.of(field.getKey()), fields);
      }
    }
    return fields;
  }

  private static void leaves(JsonNode value, List<String> path, Set<List<String>> into) {
    if (value.isObject() && !value.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        List<String> child = new ArrayList<>(path);
        child.add(field.getKey());
        leaves(field.getValue(), child, into);
      }
    } else if (!value.isNull()) {
      into.add(List.copyOf(path));
    }
  }

  static JsonNode valueAt(JsonNode object, List<String> field) {
    JsonNode node = object;
    for (String key : field) {
      node = node == null ? null : node.get(key);
    }
    return node;
  }

  /** {@code .spec.replicas}, as the API server prints a field path. */
  static String printed(List<String> field) {
    return field.stream().map(key -> "." + key).collect(Collectors.joining());
  }

  /** A dotted path as a test writes it: {@code .spec.replicas} or {@code spec.replicas}. */
  static List<String> parse(String field) {
    String trimmed = field.startsWith(".") ? field.substring(1) : field;
    if (trimmed.isEmpty() || trimmed.contains("..") || trimmed.contains("[")) {
      throw new IllegalArgumentException("field " + field + ": give a path of map keys such as .spec.replicas"
          + " (list items are not tracked one by one here)");
    }
    return List.of(trimmed.split("\\."));
  }

  /** The fields of {@code applied} that other managers own with a different live value. */
  static List<Conflict> conflicts(JsonNode live, JsonNode applied, Manager applier) {
    Set<List<String>> appliedFields = fieldsOf(applied);
    List<Conflict> conflicts = new ArrayList<>();
    read(live).forEach((manager, fields) -> {
      if (manager.equals(applier)) {
        return;
      }
      for (List<String> field : fields) {
        if (appliedFields.contains(field) && !sameValue(valueAt(live, field), valueAt(applied, field))) {
          conflicts.add(new Conflict(manager, field));
        }
      }
    });
    return conflicts;
  }

  /**
   * The owners after an apply: the applier owns exactly the fields it applied; fields it forced are taken from
   * their other managers; fields applied with the value another manager set stay shared.
   */
  static Map<Manager, Set<List<String>>> afterApply(JsonNode live, JsonNode applied, Manager applier,
      List<Conflict> forced) {
    Map<Manager, Set<List<String>>> owners = live == null ? new LinkedHashMap<>() : read(live);
    for (Conflict conflict : forced) {
      owners.getOrDefault(conflict.manager(), new LinkedHashSet<>()).remove(conflict.field());
    }
    owners.put(applier, fieldsOf(applied));
    return owners;
  }

  /** The owners after a create or update: the updater takes every tracked field whose value it changed. */
  static Map<Manager, Set<List<String>>> afterUpdate(JsonNode live, JsonNode updated, Manager updater) {
    Map<Manager, Set<List<String>>> owners = live == null ? new LinkedHashMap<>() : read(live);
    Set<List<String>> changed = new LinkedHashSet<>();
    for (List<String> field : fieldsOf(updated)) {
      if (live == null || !sameValue(valueAt(live, field), valueAt(updated, field))) {
        changed.add(field);
      }
    }
    if (changed.isEmpty()) {
      return owners;
    }
    owners.values().forEach(fields -> fields.removeAll(changed));
    owners.computeIfAbsent(updater, m -> new LinkedHashSet<>()).addAll(changed);
    return owners;
  }

  /** Gives {@code field} to {@code manager} alone. */
  static Map<Manager, Set<List<String>>> give(JsonNode live, List<String> field, Manager manager) {
    Map<Manager, Set<List<String>>> owners = read(live);
    owners.values().forEach(fields -> fields.remove(field));
    owners.computeIfAbsent(manager, m -> new LinkedHashSet<>()).add(field);
    return owners;
  }

  /**
   * The 409 the API server answers for an apply with conflicts (k8s.io/apimachinery
   * {@code managedfields/internal/conflict.go}): one cause of type FieldManagerConflict per field.
   */
  static ObjectNode conflictStatus(List<Conflict> conflicts) {
    ObjectNode status = JSON.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", conflictMessage(conflicts));
    status.put("reason", "Conflict");
    ArrayNode causes = status.putObject("details").putArray("causes");
    for (Conflict conflict : conflicts) {
      ObjectNode cause = causes.addObject();
      cause.put("reason", "FieldManagerConflict");
      cause.put("message", "conflict with " + conflict.manager().printed());
      cause.put("field", printed(conflict.field()));
    }
    status.put("code", 409);
    return status;
  }

  private static String conflictMessage(List<Conflict> conflicts) {
    if (conflicts.size() == 1) {
      Conflict only = conflicts.get(0);
      return "Apply failed with 1 conflict: conflict with " + only.manager().printed() + ": "
          + printed(only.field());
    }
    Map<String, List<String>> byManager = new TreeMap<>();
    for (Conflict conflict : conflicts) {
      byManager.computeIfAbsent(conflict.manager().printed(), m -> new ArrayList<>()).add(printed(conflict.field()));
    }
    List<String> lines = new ArrayList<>();
    byManager.forEach((manager, fields) -> {
      lines.add("conflicts with " + manager + ":");
      fields.forEach(field -> lines.add("- " + field));
    });
    return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
  }

  /** Equal JSON, numbers by value (1 and 1.0 are the same replicas). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return Objects.equals(a, b);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
