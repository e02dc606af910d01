package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.cel.CelRule;
import dev.autoscaling.validation.cost.RuleCost;
import dev.autoscaling.validation.cost.RuleCosts;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.crd.CrdsAsJson;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.autoscaling.validation.meta.ObjectMetadata;
import dev.autoscaling.validation.schema.Defaults;
import dev.autoscaling.validation.schema.SchemaNode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says what the API server would say about a custom resource, without a cluster: the CRD's structural schema as
 * the API server applies it (metadata checks, defaults, then every OpenAPI keyword, unknown fields as
 * {@code kubectl apply}'s strict field validation treats them unless {@link #withFieldValidation} says otherwise)
 * and every {@code x-kubernetes-validations} CEL rule — unless a schema error keeps the API server from running them,
 * which it then says. {@code status} of a CRD with the status subresource is not checked on create or update (the API
 * server drops it): {@link #validateStatus} checks it. All violations are returned, not the first.
 *
 * <p>Built once from CRD documents (each kind and version is compiled, schema and rules, when it is first validated)
 * and safe to share between threads.
 * <pre>{@code
 * CrdValidator validator = CrdValidator.fromClasspath("META-INF/crds/karpenter-azure/karpenter.sh_nodepools.yaml");
 * ValidationReport report = validator.validate(nodePool);
 * }</pre>
 */
public final class CrdValidator {

  /**
   * One kind at one version, compiled when it is first needed: a command that checks one NodePool should not wait
   * for the CEL rules of every other kind and version the CRDs define (compiling them is most of a cold start).
   * {@code cleanDefaults} holds the schema nodes whose default validates without a violation: on create, such a
   * default is placed only where a check can see it.
   */
  private static final class Target {
    private final String apiVersion;
    private final String kind;
    private final String crd;
    private final String version;
    private final boolean namespaced;
    private final boolean statusSubresource;
    /** The version's schema until it is compiled; then dropped, as the compiled nodes hold what they need. */
    private JsonNode openApiV3Schema;
    private final MemoBudget memoBudget;
    private volatile Compiled compiled;

    /** {@code anyRules}: whether any node has CEL rules (only then is "rules not checked" worth saying). */
    private record Compiled(SchemaNode schema, Set<SchemaNode> cleanDefaults, boolean anyRules) {
    }

    Target(String apiVersion, String kind, String crd, String version, JsonNode openApiV3Schema,
        MemoBudget memoBudget, boolean namespaced, boolean statusSubresource) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.crd = crd;
      this.version = version;
      this.openApiV3Schema = openApiV3Schema;
      this.memoBudget = memoBudget;
      this.namespaced = namespaced;
      this.statusSubresource = statusSubresource;
    }

    boolean namespaced() {
      return namespaced;
    }

    boolean statusSubresource() {
      return statusSubresource;
    }

    boolean anyRules() {
      return compiled().anyRules();
    }

    String apiVersion() {
      return apiVersion;
    }

    String kind() {
      return kind;
    }

    String crd() {
      return crd;
    }

    String version() {
      return version;
    }

    SchemaNode schema() {
      return compiled().schema();
    }

    Set<SchemaNode> cleanDefaults() {
      return compiled().cleanDefaults();
    }

    private Compiled compiled() {
      Compiled result = compiled;
      if (result == null) {
        synchronized (this) { // once, even when threads share the validator from the start
          result = compiled;
          if (result == null) {
            SchemaNode schema = SchemaNode.compile(openApiV3Schema, memoBudget);
            boolean[] anyRules = {false};
            schema.forEach(node -> anyRules[0] |= node.hasRules);
            result = new Compiled(schema, CrdValidator.cleanDefaults(schema), anyRules[0]);
            compiled = result;
            openApiV3Schema = null;
          }
        }
      }
      return result;
    }
  }

  private final Map<String, Target> targets;
  /** The same targets by apiVersion, then kind: looked up on every validation without building a key. */
  private final Map<String, Map<String, Target>> targetsByKind;
  private final MemoBudget memoBudget;
  private final FieldValidation fieldValidation;

  private CrdValidator(Map<String, Target> targets, MemoBudget memoBudget) {
    this.targets = Collections.unmodifiableMap(targets);
    this.memoBudget = memoBudget;
    this.fieldValidation = FieldValidation.STRICT;
    this.targetsByKind = new HashMap<>();
    targets.values().forEach(target -> targetsByKind.computeIfAbsent(target.apiVersion(), v -> new HashMap<>())
        .put(target.kind(), target));
  }

  private CrdValidator(CrdValidator validator, FieldValidation fieldValidation) {
    this.targets = validator.targets;
    this.targetsByKind = validator.targetsByKind;
    this.memoBudget = validator.memoBudget;
    this.fieldValidation = fieldValidation;
  }

  /**
   * This validator (the same compiled CRDs and memory), treating unknown fields as {@code kubectl apply
   * --validate=...} does: {@link FieldValidation#STRICT} (the default) rejects them, {@link FieldValidation#WARN} warns
   * that the API server drops them, {@link FieldValidation#IGNORE} says nothing.
   */
  public CrdValidator withFieldValidation(FieldValidation fieldValidation) {
    java.util.Objects.requireNonNull(fieldValidation, "fieldValidation");
    return fieldValidation == this.fieldValidation ? this : new CrdValidator(this, fieldValidation);
  }

  /** How this validator treats unknown fields. */
  public FieldValidation fieldValidation() {
    return fieldValidation;
  }

  /**
   * @throws IllegalArgumentException when a document is not a CRD, or two CRDs claim the same apiVersion and kind
   */
  public static CrdValidator of(Collection<? extends JsonNode> crds) {
    return of(crds, MemoBudget.standard());
  }

  /**
   * As {@link #of(Collection)}, remembering rule and pattern outcomes within {@code memoBudget} (by default
   * {@link MemoBudget#standard()}: 16 MiB, no entry over 4 KiB).
   */
  public static CrdValidator of(Collection<? extends JsonNode> crds, MemoBudget memoBudget) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (JsonNode crd : crds) {
      String group = crd.path("spec").path("group").asText();
      String kind = crd.path("spec").path("names").path("kind").asText();
      boolean namespaced = !"Cluster".equals(crd.path("spec").path("scope").asText());
      for (Map.Entry<String, JsonNode> version : CrdVersions.schemas(crd).entrySet()) {
        String key = key(group + "/" + version.getKey(), kind);
        Target previous = targets.put(key, new Target(group + "/" + version.getKey(), kind,
            CrdVersions.groupKind(crd), version.getKey(), version.getValue(), memoBudget, namespaced,
            CrdVersions.hasStatusSubresource(crd, version.getKey())));
        if (previous != null) {
          throw new IllegalArgumentException("two CRDs define " + group + "/" + version.getKey() + " " + kind
              + ": give each provider's CRD set its own CrdValidator");
        }
      }
    }
    return new CrdValidator(targets, memoBudget);
  }

  /**
   * Sets up the CEL environment every validator compiles its rules with, now, on the calling thread; later
   * validators do not wait for it. Why: a command that is about to validate can call this on a second thread while
   * it reads its arguments (setting up cel-java is about a sixth of checking one file in a fresh process).
   * Idempotent and thread-safe.
   */
  public static void prepare() {
    CelRule.prepare();
  }

  /** What this validator spends on remembered outcomes, shared by all its CRDs. */
  public MemoBudget memoBudget() {
    return memoBudget;
  }

  /** From CRD YAML texts (each may hold several documents). */
  public static CrdValidator fromYaml(String... texts) {
    List<JsonNode> crds = new ArrayList<>();
    for (String text : texts) {
      crds.addAll(Manifests.parseAll(text));
    }
    return of(crds);
  }

  /**
   * From CRD files on the class path, e.g. the copies the model jars ship under {@code META-INF/crds/}. Where the
   * build placed a JSON copy beside a YAML file ({@code X.json} beside {@code X.yaml}, see {@link CrdsAsJson}), the
   * copy is read instead: the same documents, read several times faster.
   */
  public static CrdValidator fromClasspath(String... resources) {
    List<JsonNode> crds = new ArrayList<>();
    ClassLoader loader = CrdValidator.class.getClassLoader();
    for (String resource : resources) {
      crds.addAll(CrdsAsJson.readFromClasspath(loader, resource));
    }
    return of(crds);
  }

  /** Package-visible for the test that checks skipping such defaults changes no outcome. */
  static Set<SchemaNode> cleanDefaults(SchemaNode schema) {
    Set<SchemaNode> clean = Collections.newSetFromMap(new IdentityHashMap<>());
    schema.forEach(node -> {
      if (node.defaultValue != null
          && SchemaValidation.runBelowRoot(Defaults.applied(node.defaultValue, node), node).isEmpty()) {
        clean.add(node);
      }
    });
    return clean;
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }

  /** Whether a CRD for this apiVersion and kind is loaded. */
  public boolean knows(String apiVersion, String kind) {
    return targets.containsKey(key(apiVersion, kind));
  }

  /** Validates a model object (anything Jackson can serialise), a {@link JsonNode}, or one YAML/JSON document. */
  public ValidationReport validate(Object object) {
    return validate(toTree(object), null);
  }

  /**
   * Validates an update: as {@link #validate(Object)}, and transition rules ({@code oldSelf}) are evaluated
   * against {@code old}.
   */
  public ValidationReport validateUpdate(Object object, Object old) {
    return validate(toTree(object), toTree(old));
  }

  /** Validates every document of a YAML or JSON stream. Malformed text is reported, not thrown. */
  public List<DocumentResult> validateDocuments(String text) {
    List<JsonNode> documents;
    try {
      documents = Manifests.parseAll(text);
    } catch (IllegalArgumentException e) {
      return List.of(DocumentResult.unreadable(e.getMessage()));
    }
    List<DocumentResult> results = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      String apiVersion = document.path("apiVersion").asText("");
      String kind = document.path("kind").asText("");
      String name = document.path("metadata").path("name").asText("");
      results.add(new DocumentResult(i, apiVersion, kind, name, document.isObject() && knows(apiVersion, kind),
          validate(document, null)));
    }
    return results;
  }

  /**
   * Validates what the status subresource ({@code PUT .../status}) would be sent: only {@code status} is checked
   * against its schema, with the CEL rules at and below it, and the metadata as on any write. On create and update
   * through the main resource the API server ignores {@code status} of such a CRD; this is where it is checked.
   *
   * @throws IllegalArgumentException when the object's CRD has no status subresource (status is then checked by
   *                                  {@link #validate(Object)} with the rest)
   */
  public ValidationReport validateStatus(Object object) {
    return validateStatus(object, null);
  }

  /** As {@link #validateStatus(Object)}, transition rules compared with {@code old}. */
  public ValidationReport validateStatus(Object object, @Nullable Object old) {
    JsonNode tree = toTree(object);
    Resolved resolved = resolve(tree);
    if (resolved.problem != null) {
      return resolved.problem;
    }
    Target target = resolved.target;
    if (!target.statusSubresource()) {
      throw new IllegalArgumentException(target.crd() + " " + target.version() + " has no status subresource:"
          + " status is written with the rest of the object, so validate() checks it");
    }
    List<Violation> before = ObjectMetadata.check(tree, target.kind(), target.namespaced());
    JsonNode data = Defaults.applied(tree, target.schema());
    JsonNode previous = old == null ? null : Defaults.applied(toTree(old), target.schema());
    return new ValidationReport(SchemaValidation.runField("status", data, previous, target.schema(), fieldValidation,
        before, target.anyRules()));
  }

  private record Resolved(Target target, ValidationReport problem) {
  }

  private Resolved resolve(JsonNode object) {
    if (!object.isObject()) {
      return new Resolved(null, report(Violation.error("", "type", "a Kubernetes object must be a mapping, not "
          + object.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))));
    }
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      List<Violation> missing = new ArrayList<>();
      if (apiVersion.isEmpty()) {
        missing.add(Violation.error("apiVersion", "required", "Required value: set apiVersion (group/version)"));
      }
      if (kind.isEmpty()) {
        missing.add(Violation.error("kind", "required", "Required value: set kind"));
      }
      return new Resolved(null, new ValidationReport(missing));
    }
    Target target = targetsByKind.getOrDefault(apiVersion, Map.of()).get(kind);
    if (target == null) {
      return new Resolved(null, report(Violation.error("", "kind", "no CRD loaded for " + Excerpt.of(apiVersion) + " "
          + Excerpt.of(kind) + "; loaded: " + String.join(", ", new TreeSet<>(targets.keySet())))));
    }
    return new Resolved(target, null);
  }

  private ValidationReport validate(JsonNode object, JsonNode old) {
    Resolved resolved = resolve(object);
    if (resolved.problem != null) {
      return resolved.problem;
    }
    Target target = resolved.target;
    List<Violation> before = ObjectMetadata.check(object, target.kind(), target.namespaced());
    JsonNode status = object.get("status");
    if (target.statusSubresource() && status != null) {
      // the API server drops status on create and keeps the stored one on update: only the controller sets it,
      // through the status subresource (validateStatus)
      JsonNode oldStatus = old == null ? null : old.get("status");
      if (oldStatus == null || !oldStatus.equals(status)) {
        before.add(Violation.warning("status", "status subresource", old == null
            ? "ignored: the API server drops status on create (the CRD has a status subresource; only its controller"
                + " sets status, through it)"
            : "ignored: the API server keeps the stored status on update (the CRD has a status subresource; only its"
                + " controller sets status, through it)"));
      }
      object = withField(object, "status", oldStatus);
      old = old == null ? null : withField(old, "status", oldStatus);
    }
    // Defaulting never changes the caller's objects: the results share what they did not need to change.
    if (old == null) {
      JsonNode data = Defaults.appliedWhereObserved(object, target.schema(), target.cleanDefaults()::contains);
      return new ValidationReport(SchemaValidation.run(data, null, target.schema(), fieldValidation, before,
          target.anyRules()));
    }
    // On update, transition rules compare with the old object: every default is placed in both.
    JsonNode data = Defaults.applied(object, target.schema());
    JsonNode previous = Defaults.applied(old, target.schema());
    return new ValidationReport(SchemaValidation.run(data, previous, target.schema(), fieldValidation, before,
        target.anyRules()));
  }

  /** A shallow copy of the object with the field set to the value, or removed when the value is null. */
  private static JsonNode withField(JsonNode object, String field, JsonNode value) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) object)
        .objectNode();
    copy.setAll((com.fasterxml.jackson.databind.node.ObjectNode) object);
    if (value == null) {
      copy.remove(field);
    } else {
      copy.set(field, value);
    }
    return copy;
  }

  private static ValidationReport report(Violation violation) {
    return new ValidationReport(List.of(violation));
  }

  private static JsonNode toTree(Object object) {
    if (object instanceof JsonNode node) {
      return node;
    }
    if (object instanceof String text) {
      List<JsonNode> documents = Manifests.parseAll(text);
      if (documents.size() != 1) {
        throw new IllegalArgumentException("expected one YAML/JSON document, found " + documents.size()
            + ": use validateDocuments for a stream");
      }
      return documents.get(0);
    }
    return Manifests.toTree(object);
  }

  /** Every rule that cannot be compiled, as {@code group/Kind version path: rule: why}; empty when all can. */
  public List<String> unevaluableRules() {
    List<String> problems = new ArrayList<>();
    targets.values().forEach(target -> target.schema().forEach(node -> {
      for (CelRule rule : node.rules) {
        if (rule.compileError() != null) {
          problems.add(target.crd() + " " + target.version() + " " + node.schemaPath + ": " + rule.rule() + ": "
              + rule.compileError());
        }
      }
    }));
    return problems;
  }

  /**
   * The estimated cost of every rule, as the API server estimates it when the CRD is created, per
   * {@code group/Kind version}.
   */
  public Map<String, List<RuleCost>> ruleCosts() {
    Map<String, List<RuleCost>> costs = new LinkedHashMap<>();
    targets.values().forEach(target -> costs.put(target.crd() + " " + target.version(), RuleCosts.of(target.schema())));
    return costs;
  }

  /**
   * Every rule whose estimated cost is over the API server's limit, and every version whose rules together are:
   * the API server refuses such a CRD. Empty for all the pinned CRDs.
   */
  public List<String> costProblems() {
    List<String> problems = new ArrayList<>();
    ruleCosts().forEach((version, costs) -> {
      long total = 0;
      for (RuleCost cost : costs) {
        total = cost.total() > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + cost.total();
        if (cost.exceedsLimit()) {
          problems.add(version + " " + cost.schemaPath() + ": " + cost.rule() + ": " + cost.problem());
        }
      }
      if (total > RuleCosts.PER_SCHEMA_LIMIT) {
        problems.add(version + ": x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema"
            + " exceeds budget (" + total + " > " + RuleCosts.PER_SCHEMA_LIMIT + ")");
      }
    });
    return problems;
  }

  /** How many CEL rules the loaded CRDs hold, over all versions. */
  public int ruleCount() {
    int[] count = {0};
    targets.values().forEach(target -> target.schema().forEach(node -> count[0] += node.rules.size()));
    return count[0];
  }
}
