package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.autoscaling.validation.cel.CelRule;
import dev.autoscaling.validation.cel.NestedTooDeeplyException;
import dev.autoscaling.validation.meta.ObjectMetadata;
import dev.autoscaling.validation.schema.DataPath;
import dev.autoscaling.validation.schema.SchemaNode;
import dev.autoscaling.validation.schema.SchemaValues;
import dev.autoscaling.validation.schema.ValueKey;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk of an object against a compiled structural schema: the OpenAPI keywords, unknown fields, and the CEL
 * rules at each node, collecting every violation. {@code old} is the previous object on an update; transition
 * rules run only where it has a value at the same place.
 */
final class SchemaValidation {

  /**
   * The API server's words when a schema error keeps it from running the CEL rules (apiextensions-apiserver,
   * {@code hasBlockingErr}).
   */
  static final String RULES_NOT_CHECKED = "some validation rules were not checked because the object was invalid;"
      + " correct the existing errors to complete validation";

  /**
   * The keywords whose violations the API server files as Required, NotSupported, TypeInvalid, TooLong or TooMany:
   * after any of them it evaluates no CEL rule at all.
   */
  private static final Set<String> BLOCKING = Set.of("required", "enum", "type", "x-kubernetes-int-or-string",
      "maxLength", "maxItems", "maxProperties", "x-kubernetes-embedded-resource",
      ObjectMetadata.ANNOTATIONS_SIZE);

  private final List<Violation> out = new ArrayList<>();
  /** What the CEL rules said: kept apart, since a blocking schema error means the API server never ran them. */
  private final List<Violation> ruleOut = new ArrayList<>(0);
  private final FieldValidation fieldValidation;
  // small at first: most validations convert few containers, the rest hit remembered outcomes
  private final IdentityHashMap<JsonNode, Object> celValues = new IdentityHashMap<>(4);

  private SchemaValidation(FieldValidation fieldValidation) {
    this.fieldValidation = fieldValidation;
  }

  /**
   * The violations of a whole object: {@code before} (what was found before the schema was consulted, such as
   * metadata), then the schema's, then the CEL rules' — or, after a blocking error, the API server's note that the
   * rules were not checked.
   */
  static List<Violation> run(JsonNode data, JsonNode old, SchemaNode root, FieldValidation fieldValidation,
                             List<Violation> before, boolean anyRules) {
    SchemaValidation validation = new SchemaValidation(fieldValidation);
    validation.out.addAll(before);
    validation.walk(data, old, root, DataPath.root(), true);
    return validation.finish(anyRules);
  }

  /**
   * The violations of one top-level field (the status subresource's {@code status}): its schema and the rules at and
   * below it, reported under its name.
   */
  static List<Violation> runField(String field, JsonNode data, JsonNode old, SchemaNode root,
                                  FieldValidation fieldValidation, List<Violation> before, boolean anyRules) {
    SchemaValidation validation = new SchemaValidation(fieldValidation);
    validation.out.addAll(before);
    SchemaNode schema = root.property(field);
    JsonNode value = data.get(field);
    if (schema != null && value != null) {
      DataPath path = DataPath.root();
      path.enterField(field);
      validation.walk(value, old == null ? null : old.get(field), schema, path, false);
      path.leave();
    }
    return validation.finish(anyRules);
  }

  /** The violations of a value placed below the root, such as a schema's own default, on create. */
  static List<Violation> runBelowRoot(JsonNode data, SchemaNode schema) {
    SchemaValidation validation = new SchemaValidation(FieldValidation.WARN);
    validation.walk(data, null, schema, DataPath.root(), false);
    return validation.finish(true);
  }

  private List<Violation> finish(boolean anyRules) {
    if (ruleOut.isEmpty() && !anyRules) {
      return out;
    }
    for (Violation violation : out) {
      if (violation.isError() && BLOCKING.contains(violation.rule())) {
        if (anyRules) {
          out.add(Violation.error("", "x-kubernetes-validations", RULES_NOT_CHECKED));
        }
        return out;
      }
    }
    out.addAll(ruleOut);
    return out;
  }

  private void walk(JsonNode data, JsonNode old, SchemaNode schema, DataPath path, boolean root) {
    JsonNodeType nodeType = data.getNodeType(); // asked once: each isX() is a call through JsonNode's subclasses
    if (nodeType == JsonNodeType.NULL) {
      if (!schema.nullable) {
        out.add(Violation.warning(path.toString(), "nullable",
            "null is dropped by the API server here (the field is not nullable): remove it or give a value"));
      }
      return;
    }
    if (!schema.fitsType(nodeType, data)) {
      out.add(Violation.error(path.toString(), schema.intOrString ? "x-kubernetes-int-or-string" : "type",
          SchemaValues.typeProblem(schema, data)));
      return;
    }
    SchemaValues.checkValue(schema, nodeType, data, path, out);
    if (schema.hasBranches) {
      checkBranches(schema, data, path);
    }

    if (nodeType == JsonNodeType.OBJECT) {
      walkObject(data, old, schema, path, root);
    } else if (nodeType == JsonNodeType.ARRAY && schema.items != null) {
      for (int index = 0; index < data.size(); index++) {
        JsonNode item = data.get(index);
        path.enterItem(index);
        walk(item, correlate(old, item, schema), schema.items, path, false);
        path.leave();
      }
    }
    if (schema.hasRules) {
      try {
        evaluateRules(data, nodeType, old, schema, path);
      } catch (NestedTooDeeplyException e) {
        ruleOut.add(Violation.warning(path.toString(), "x-kubernetes-validations", "not checked: the value is "
            + e.getMessage() + ", deeper than the SDK gives to CEL rules; the API server evaluates them"));
      }
    }
  }

  private void walkObject(JsonNode data, JsonNode old, SchemaNode schema, DataPath path, boolean root) {
    // Required fields are counted while the fields are walked, and looked up only when one is missing: a lookup
    // reads the object's hash table, which the walk itself never needs, and on objects seen for the first time
    // each such read is a cache miss. The violations still come first, in the order of the schema's list.
    int requiredAt = out.size();
    int requiredPresent = 0;
    boolean anyRequired = !schema.required.isEmpty();
    for (Map.Entry<String, JsonNode> field : data.properties()) {
      String name = field.getKey();
      if (anyRequired && field.getValue().getNodeType() != JsonNodeType.NULL && schema.isRequired(name)) {
        requiredPresent++;
      }
      SchemaNode property = schema.property(name);
      if (property != null) {
        if ((root || schema.embeddedResource) && name.equals("metadata")) {
          // ObjectMeta is checked by the API server's own rules, not by the CRD's schema.
          continue;
        }
        path.enterField(name);
        walk(field.getValue(), old == null ? null : old.get(name), property, path, false);
        path.leave();
      } else if (schema.additionalProperties != null) {
        path.enterKey(name);
        walk(field.getValue(), old == null ? null : old.get(name), schema.additionalProperties, path, false);
        path.leave();
      } else if (!schema.preserveUnknownFields && fieldValidation != FieldValidation.IGNORE
          && !((root || schema.embeddedResource) && isTypeMeta(name))) {
        unknownField(schema, path, name);
      }
    }
    if (requiredPresent != schema.required.size()) {
      out.addAll(requiredAt, missingRequired(data, schema, path));
    }
  }

  private static List<Violation> missingRequired(JsonNode data, SchemaNode schema, DataPath path) {
    List<Violation> missing = new ArrayList<>(1);
    for (int i = 0; i < schema.required.size(); i++) {
      String name = schema.required.get(i);
      JsonNode value = data.get(name);
      // an absent property with a default is given it by the API server, whether or not it was placed here
      // so is a null where null is not allowed: the API server prunes it, then defaults it
      SchemaNode property = value == null || value.getNodeType() == JsonNodeType.NULL ? schemaOf(schema, name) : null;
      if (property != null && property.defaultValue == null && (value == null || !property.nullable)) {
        missing.add(Violation.error(path.field(name).toString(), "required", "Required value: set " + name));
      }
    }
    return missing;
  }

  /** kubectl's strict field validation refuses the object; with --validate=warn the API server drops the field. */
  private void unknownField(SchemaNode schema, DataPath path, String name) {
    String suggestion = DidYouMean.suggest(name, schema.properties.keySet());
    String where = path.field(name).toString();
    String hint = suggestion == null ? "" : "; did you mean " + path.field(suggestion) + "?";
    if (fieldValidation == FieldValidation.STRICT) {
      out.add(Violation.error(where, "unknown field", "strict decoding error: unknown field \"" + where + "\""
          + hint));
    } else {
      out.add(Violation.warning(where, "unknown field", "unknown field \"" + where + "\", dropped by the API server"
          + hint));
    }
  }

  private static SchemaNode schemaOf(SchemaNode schema, String name) {
    SchemaNode property = schema.property(name);
    return property != null ? property : schema.additionalProperties != null ? schema.additionalProperties : schema;
  }

  private static boolean isTypeMeta(String name) {
    return name.equals("apiVersion") || name.equals("kind") || name.equals("metadata");
  }

  /** allOf / anyOf / oneOf / not: value validations that must hold together, at least once, once, or never. */
  private void checkBranches(SchemaNode schema, JsonNode data, DataPath path) {
    for (SchemaNode branch : schema.allOf) {
      SchemaValues.checkValue(branch, data, path, out);
    }
    // For x-kubernetes-int-or-string the anyOf only restates the two types, which were checked already.
    if (!schema.anyOf.isEmpty() && !schema.intOrString
        && schema.anyOf.stream().noneMatch(branch -> SchemaValues.matches(branch, data))) {
      out.add(Violation.error(path.toString(), "anyOf", "must match at least one of " + schema.anyOf.size() + " alternatives"));
    }
    if (!schema.oneOf.isEmpty()) {
      long matching = schema.oneOf.stream().filter(branch -> SchemaValues.matches(branch, data)).count();
      if (matching != 1) {
        out.add(Violation.error(path.toString(), "oneOf",
            "must match exactly one of " + schema.oneOf.size() + " alternatives, matches " + matching));
      }
    }
    if (schema.not != null && SchemaValues.matches(schema.not, data)) {
      out.add(Violation.error(path.toString(), "not", "must not match the excluded form"));
    }
  }

  private void evaluateRules(JsonNode data, JsonNodeType nodeType, JsonNode old, SchemaNode schema, DataPath path) {
    boolean scalar = nodeType != JsonNodeType.OBJECT && nodeType != JsonNodeType.ARRAY;
    CelRule.Outcome[] grouped = scalar ? schema.ruleGroup.forScalar(CelRule.valueOf(data))
        : schema.ruleGroup.forElements(data, celValues);
    if (grouped != null) {
      if (schema.ruleGroup.passedAll(grouped)) {
        return;
      }
      for (int i = 0; i < grouped.length; i++) {
        report(grouped[i], schema.rules.get(i), path);
      }
      return;
    }
    Object self = null;
    Object oldSelf = null;
    boolean memoizable = false;
    for (int i = 0; i < schema.rules.size(); i++) {
      CelRule rule = schema.rules.get(i);
      if (rule.isTransition() && (old == null || old.isNull())) {
        continue; // the API server runs transition rules only on update, where an old value exists
      }
      if (schema.ruleHoldsWhenAbsent(i, data)) {
        continue; // passed, as the runtime would say, without converting or projecting the value
      }
      Object projected = rule.projectedSelf(data, celValues);
      if (projected == null && self == null) {
        self = CelRule.valueOf(data, celValues);
        memoizable = CelRule.isMemoizable(self);
      }
      if (rule.isTransition() && oldSelf == null) {
        oldSelf = CelRule.valueOf(old, null);
      }
      CelRule.Outcome outcome = projected != null
          ? rule.evaluate(projected, null, CelRule.isMemoizable(projected))
          : rule.evaluate(self, rule.isTransition() ? oldSelf : null, memoizable);
      report(outcome, rule, path);
    }
  }

  private void report(CelRule.Outcome outcome, CelRule rule, DataPath path) {
    if (outcome instanceof CelRule.Failed failed) {
      ruleOut.add(new Violation(at(path, rule), failed.message(), rule.rule(), rule.reason(), Severity.ERROR));
    } else if (outcome instanceof CelRule.Unevaluable unevaluable) {
      ruleOut.add(new Violation(at(path, rule), "rule could not be evaluated, so the API server rejects the object: "
          + unevaluable.error(), rule.rule(), "InternalError", Severity.ERROR));
    }
  }

  private static String at(DataPath path, CelRule rule) {
    return rule.fieldPath() == null ? path.toString() : path + rule.fieldPath();
  }

  /** The old list item matching a new one: by key for map lists; list positions mean nothing otherwise. */
  private static JsonNode correlate(JsonNode oldList, JsonNode item, SchemaNode list) {
    if (oldList == null || !oldList.isArray() || !"map".equals(list.listType) || list.listMapKeys.isEmpty()) {
      return null;
    }
    for (JsonNode candidate : oldList) {
      boolean same = true;
      for (String key : list.listMapKeys) {
        same &= ValueKey.equal(candidate.path(key), item.path(key));
      }
      if (same) {
        return candidate;
      }
    }
    return null;
  }

}
