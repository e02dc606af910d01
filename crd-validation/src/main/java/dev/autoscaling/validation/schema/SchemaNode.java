package dev.autoscaling.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.autoscaling.validation.cel.CelRule;
import dev.autoscaling.validation.cel.RuleGroup;
import dev.autoscaling.validation.memo.Memo;
import dev.autoscaling.validation.memo.MemoBudget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a structural schema, compiled once per CRD version: keywords parsed, patterns compiled, CEL rules
 * compiled. Immutable and shared by every validation against that CRD.
 */
public final class SchemaNode {

  /** Where the node sits, as {@link SchemaWalker} writes it ({@code spec.requirements[*].key}). */
  public final String schemaPath;
  /** {@code object}, {@code array}, {@code string}, {@code integer}, {@code number}, {@code boolean}, or null. */
  public final String type;
  public final boolean nullable;
  public final boolean intOrString;
  public final boolean preserveUnknownFields;
  public final boolean embeddedResource;
  public final List<JsonNode> enumValues;
  public final Pattern pattern;
  public final String patternSource;
  public final String patternError;
  public final String format;
  public final BigDecimal minimum;
  public final BigDecimal maximum;
  public final boolean exclusiveMinimum;
  public final boolean exclusiveMaximum;
  public final Integer minLength;
  public final Integer maxLength;
  public final Integer minItems;
  public final Integer maxItems;
  public final Integer minProperties;
  public final Integer maxProperties;
  /** Declared properties, in schema order; empty when none. */
  public final Map<String, SchemaNode> properties;
  /** Required property names, each once, in schema order (a list: walked for every object validated). */
  public final List<String> required;
  /** The same names, asked of every field of an object that has any: see {@link #isRequired}. */
  private final Set<String> requiredSet;
  public final SchemaNode items;
  /** The schema of map values, or null. */
  public final SchemaNode additionalProperties;
  public final String listType;
  public final List<String> listMapKeys;
  public final JsonNode defaultValue;
  public final List<CelRule> rules;
  /** The same rules, for evaluating them together where their outcomes can be remembered together. */
  public final RuleGroup ruleGroup;
  public final List<SchemaNode> allOf;
  public final List<SchemaNode> anyOf;
  public final List<SchemaNode> oneOf;
  public final SchemaNode not;
  /**
   * Whether a property, item or map value anywhere below declares a default: defaulting skips the many subtrees
   * that have none instead of visiting every value of them.
   */
  public final boolean defaultsBelow;
  /** The properties that declare a default, in schema order. */
  public final List<String> defaultedProperties;
  /**
   * This node's default with the defaults inside it applied too, computed once: the API server defaults the value
   * it places, and doing that again for every validation cost more than placing it.
   */
  final JsonNode completeDefault;
  /** Whether the node has any keyword {@link SchemaValues#checkValue} applies; most nodes have none. */
  final boolean checksValue;
  /** Whether the node has allOf, anyOf, oneOf or not. */
  public final boolean hasBranches;
  private final HashMap<String, SchemaNode> propertyIndex;
  /** Whether the node has CEL rules. */
  public final boolean hasRules;
  /**
   * Whether a check at this node sees everything below it, defaults included, when an object is created: a CEL
   * rule that reads {@code self} as a whole, allOf/anyOf/oneOf/not, an enum, a set or map list, a property count,
   * an embedded resource. Transition rules are left out: they run only on update.
   */
  final boolean observesContent;
  /** The properties the node's field-reading rules see (with everything below them); empty when none. */
  final Set<String> observedFields;
  /** {@link #type} decided once, as one of the TYPE_ codes below. */
  private final int typeCode;
  private static final int TYPE_ANY = 0;
  private static final int TYPE_OBJECT = 1;
  private static final int TYPE_ARRAY = 2;
  private static final int TYPE_STRING = 3;
  private static final int TYPE_INTEGER = 4;
  private static final int TYPE_NUMBER = 5;
  private static final int TYPE_BOOLEAN = 6;
  /**
   * Pattern results by value: a pattern is a pure function of the string, and the same label keys and durations
   * come back in every object (an RE2 search over a qualified-name pattern costs far more than a lookup).
   */
  private final Memo<String, Boolean> patternResults;
  /**
   * The pattern as a deterministic automaton when it is in the subset {@link AnchoredPattern} decides as RE2 does
   * (most schema patterns are): then neither RE2J nor the memo is asked, as one table lookup a character costs less
   * than a memo lookup, and values that never come back (names, quantities) no longer churn the memo.
   */
  private final AnchoredPattern anchoredPattern;
  private static final int PATTERN_MEMO_LIMIT = 4096;
  /** Well below the nesting CEL values are converted to (CelValues.MAX_DEPTH, 128). */
  private static final int SHALLOW = 64;
  /** See {@link #closedDepth()}. */
  private final int closedDepth;
  /** See {@link #guardedRules(List)}. */
  private final boolean[] guardedRules;

  private SchemaNode(String path, JsonNode s, MemoBudget budget) {
    this.schemaPath = path;
    this.type = s.hasNonNull("type") ? s.get("type").asText() : null;
    this.nullable = s.path("nullable").asBoolean(false);
    this.intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    this.preserveUnknownFields = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    this.embeddedResource = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    List<JsonNode> enums = new ArrayList<>();
    s.path("enum").forEach(enums::add);
    this.enumValues = Collections.unmodifiableList(enums);
    this.patternSource = s.hasNonNull("pattern") ? s.get("pattern").asText() : null;
    Pattern compiled = null;
    String error = null;
    if (patternSource != null) {
      try {
        compiled = Pattern.compile(patternSource);
      } catch (PatternSyntaxException e) {
        error = e.getMessage();
      }
    }
    this.pattern = compiled;
    this.patternError = error;
    this.anchoredPattern = compiled == null ? null : AnchoredPattern.compile(patternSource);
    this.patternResults = compiled == null || anchoredPattern != null ? null : budget.newMemo(PATTERN_MEMO_LIMIT);
    this.format = s.hasNonNull("format") ? s.get("format").asText() : null;
    this.minimum = s.hasNonNull("minimum") ? s.get("minimum").decimalValue() : null;
    this.maximum = s.hasNonNull("maximum") ? s.get("maximum").decimalValue() : null;
    this.exclusiveMinimum = s.path("exclusiveMinimum").asBoolean(false);
    this.exclusiveMaximum = s.path("exclusiveMaximum").asBoolean(false);
    this.minLength = integer(s, "minLength");
    this.maxLength = integer(s, "maxLength");
    this.minItems = integer(s, "minItems");
    this.maxItems = integer(s, "maxItems");
    this.minProperties = integer(s, "minProperties");
    this.maxProperties = integer(s, "maxProperties");
    Map<String, SchemaNode> props = new LinkedHashMap<>();
    if (s.path("properties").isObject()) {
      for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
        // interned: field names in trees are mostly interned too (Java literals, Jackson's property names and
        // parsers), and every lookup then ends at an identity comparison instead of comparing characters
        props.put(p.getKey().intern(),
            new SchemaNode(SchemaWalker.child(path, p.getKey()), p.getValue(), budget));
      }
    }
    this.properties = Collections.unmodifiableMap(props);
    this.propertyIndex = new HashMap<>(props);
    Set<String> req = new LinkedHashSet<>();
    s.path("required").forEach(r -> req.add(r.asText().intern()));
    this.required = List.copyOf(req);
    this.requiredSet = Set.copyOf(req);
    this.items = s.path("items").isObject() ? new SchemaNode(path + "[*]", s.get("items"), budget) : null;
    this.additionalProperties = s.path("additionalProperties").isObject()
        ? new SchemaNode(SchemaWalker.child(path, "*"), s.get("additionalProperties"), budget) : null;
    this.listType = s.hasNonNull("x-kubernetes-list-type") ? s.get("x-kubernetes-list-type").asText() : null;
    List<String> keys = new ArrayList<>();
    s.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    this.listMapKeys = Collections.unmodifiableList(keys);
    this.defaultValue = s.get("default");
    List<CelRule> celRules = new ArrayList<>();
    s.path("x-kubernetes-validations").forEach(r -> celRules.add(CelRule.compile(r, budget)));
    this.rules = Collections.unmodifiableList(celRules);
    this.ruleGroup = RuleGroup.of(celRules, budget);
    this.hasRules = !celRules.isEmpty();
    this.allOf = branches(path, s.path("allOf"), budget);
    this.anyOf = branches(path, s.path("anyOf"), budget);
    this.oneOf = branches(path, s.path("oneOf"), budget);
    this.not = s.path("not").isObject() ? new SchemaNode(path, s.get("not"), budget) : null;
    List<String> defaulted = new ArrayList<>();
    properties.forEach((name, property) -> {
      if (property.defaultValue != null) {
        defaulted.add(name);
      }
    });
    this.defaultedProperties = List.copyOf(defaulted);
    boolean below = items != null && (items.defaultValue != null || items.defaultsBelow)
        || additionalProperties != null && (additionalProperties.defaultValue != null
        || additionalProperties.defaultsBelow);
    for (SchemaNode property : properties.values()) {
      below |= property.defaultValue != null || property.defaultsBelow;
    }
    this.defaultsBelow = below;
    this.hasBranches = !allOf.isEmpty() || !anyOf.isEmpty() || !oneOf.isEmpty() || not != null;
    this.checksValue = !enumValues.isEmpty() || patternSource != null || format != null || minLength != null
        || maxLength != null || minimum != null || maximum != null || minItems != null || maxItems != null
        || minProperties != null || maxProperties != null || embeddedResource
        || "set".equals(listType) || "map".equals(listType);
    this.typeCode = type == null ? TYPE_ANY : switch (type) {
      case "object" -> TYPE_OBJECT;
      case "array" -> TYPE_ARRAY;
      case "string" -> TYPE_STRING;
      case "integer" -> TYPE_INTEGER;
      case "number" -> TYPE_NUMBER;
      case "boolean" -> TYPE_BOOLEAN;
      default -> TYPE_ANY; // an unknown type is not checked, as before
    };
    boolean wholly = hasBranches || !enumValues.isEmpty() || "set".equals(listType) || "map".equals(listType)
        || minProperties != null || maxProperties != null || embeddedResource;
    Set<String> fields = new java.util.HashSet<>();
    for (CelRule rule : celRules) {
      if (rule.isTransition() || rule.compileError() != null) {
        continue; // a rule that does not compile is reported whatever the data
      }
      if (rule.selfFields() == null) {
        wholly = true;
      } else {
        fields.addAll(rule.selfFields());
      }
    }
    this.observesContent = wholly;
    this.observedFields = Set.copyOf(fields);
    this.completeDefault = defaultValue == null ? null : Defaults.applied(defaultValue, this);
    this.closedDepth = closedDepth();
    this.guardedRules = guardedRules(celRules);
  }

  /**
   * How deep a value this node accepts can nest (0 for a scalar, 1 for a map or list of scalars, ...), or -1 when
   * it can hold anything at some place: an object with properties (unknown fields are kept, only reported),
   * preserved unknown fields, an untyped node, a list without an item schema. A value deeper than this is a type
   * error, which keeps every CEL rule from running anyway.
   */
  private int closedDepth() {
    if (preserveUnknownFields) {
      return -1;
    }
    if (intOrString) {
      return 0;
    }
    return switch (typeCode) {
      case TYPE_STRING, TYPE_INTEGER, TYPE_NUMBER, TYPE_BOOLEAN -> 0;
      case TYPE_ARRAY -> items != null && items.closedDepth >= 0 ? items.closedDepth + 1 : -1;
      case TYPE_OBJECT -> properties.isEmpty() && !embeddedResource && additionalProperties != null
          && additionalProperties.closedDepth >= 0 ? additionalProperties.closedDepth + 1 : -1;
      default -> -1;
    };
  }

  /**
   * Which rules may be passed over when {@link CelRule#holdsWhenAbsent} says they hold: those that read only fields
   * whose values cannot nest too deeply for conversion. Evaluating the rule would convert them, and a value nested
   * too deeply is reported as "not checked" instead of passing; where that cannot happen, both ways give the
   * same report.
   */
  private boolean[] guardedRules(List<CelRule> celRules) {
    boolean[] guarded = new boolean[celRules.size()];
    for (int i = 0; i < guarded.length; i++) {
      CelRule rule = celRules.get(i);
      Set<String> guards = rule.absenceGuards();
      Set<String> read = rule.selfFields();
      if (guards.isEmpty() || read == null) {
        continue;
      }
      boolean shallow = true;
      for (String field : read) {
        if (guards.size() == 1 && guards.contains(field)) {
          continue; // absent whenever the guard is used: never converted
        }
        SchemaNode value = properties.containsKey(field) ? properties.get(field) : additionalProperties;
        shallow &= value != null && value.closedDepth >= 0 && value.closedDepth < SHALLOW;
      }
      guarded[i] = shallow;
    }
    return guarded;
  }

  /**
   * Whether rule {@code index} of this node holds on {@code data} without being evaluated: see
   * {@link CelRule#holdsWhenAbsent} and {@link #guardedRules}.
   */
  public boolean ruleHoldsWhenAbsent(int index, JsonNode data) {
    return guardedRules[index] && rules.get(index).holdsWhenAbsent(data);
  }

  /** Whether {@code name} is among {@link #required}. */
  public boolean isRequired(String name) {
    return requiredSet.contains(name);
  }

  /** Whether the value has the JSON type this node requires (any type when the node names none). */
  public boolean fitsType(JsonNode value) {
    return fitsType(value.getNodeType(), value);
  }

  /**
   * As {@link #fitsType(JsonNode)}, with the value's node type already known: the validator asks a value for its
   * type once, since every {@code isObject()}/{@code isTextual()} is a call through JsonNode's many subclasses.
   */
  public boolean fitsType(JsonNodeType nodeType, JsonNode value) {
    if (intOrString) {
      return nodeType == JsonNodeType.STRING || (nodeType == JsonNodeType.NUMBER && value.isIntegralNumber());
    }
    return switch (typeCode) {
      case TYPE_OBJECT -> nodeType == JsonNodeType.OBJECT;
      case TYPE_ARRAY -> nodeType == JsonNodeType.ARRAY;
      case TYPE_STRING -> nodeType == JsonNodeType.STRING;
      case TYPE_INTEGER -> nodeType == JsonNodeType.NUMBER && value.isIntegralNumber();
      case TYPE_NUMBER -> nodeType == JsonNodeType.NUMBER;
      case TYPE_BOOLEAN -> nodeType == JsonNodeType.BOOLEAN;
      default -> true;
    };
  }

  /**
   * The schema of a declared property, or null. A plain HashMap behind a final field: the lookup is made for every
   * field of every object validated, and through {@link #properties}' unmodifiable wrapper it is a call the JIT
   * cannot bind, since every map in the program passes through that wrapper's one method.
   */
  public SchemaNode property(String name) {
    return propertyIndex.get(name);
  }

  /** Compiles an {@code openAPIV3Schema} whose nodes remember outcomes within a budget of their own. */
  public static SchemaNode compile(JsonNode openApiV3Schema) {
    return compile(openApiV3Schema, MemoBudget.standard());
  }

  /**
   * Compiles an {@code openAPIV3Schema} whose nodes remember outcomes (patterns, CEL rules) within {@code budget}:
   * a validator gives all its schemas one.
   */
  public static SchemaNode compile(JsonNode openApiV3Schema, MemoBudget budget) {
    return new SchemaNode("", openApiV3Schema, budget);
  }

  private static Integer integer(JsonNode s, String keyword) {
    return s.hasNonNull(keyword) ? s.get(keyword).intValue() : null;
  }

  private static List<SchemaNode> branches(String path, JsonNode list, MemoBudget budget) {
    if (!list.isArray() || list.isEmpty()) {
      return List.of();
    }
    List<SchemaNode> nodes = new ArrayList<>();
    list.forEach(branch -> nodes.add(new SchemaNode(path, branch, budget)));
    return Collections.unmodifiableList(nodes);
  }

  /** Whether the (compiled) pattern finds a match in the text: an unanchored search, as Go's MatchString. */
  public boolean patternFinds(String text) {
    if (anchoredPattern != null) {
      return anchoredPattern.matches(text);
    }
    Boolean known = patternResults.get(text);
    if (known != null) {
      return known;
    }
    boolean found = pattern.matcher(text).find();
    patternResults.put(text, found, 40 + 2L * text.length());
    return found;
  }

  /** Calls the visitor for this node and every node below it. */
  public void forEach(java.util.function.Consumer<SchemaNode> visitor) {
    visitor.accept(this);
    properties.values().forEach(p -> p.forEach(visitor));
    if (items != null) {
      items.forEach(visitor);
    }
    if (additionalProperties != null) {
      additionalProperties.forEach(visitor);
    }
    allOf.forEach(b -> b.forEach(visitor));
    anyOf.forEach(b -> b.forEach(visitor));
    oneOf.forEach(b -> b.forEach(visitor));
    if (not != null) {
      not.forEach(visitor);
    }
  }
}
