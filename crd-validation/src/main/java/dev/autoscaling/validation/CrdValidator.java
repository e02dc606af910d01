package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.cel.CelRule;
import dev.autoscaling.validation.cost.RuleCost;
import dev.autoscaling.validation.cost.RuleCosts;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.autoscaling.validation.schema.Defaults;
import dev.autoscaling.validation.schema.SchemaNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * the API server applies it (defaults first, then every OpenAPI keyword, unknown fields as warnings) and every
 * {@code x-kubernetes-validations} CEL rule. All violations are returned, not the first.
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
    /** The version's schema until it is compiled; then dropped, as the compiled nodes hold what they need. */
    private JsonNode openApiV3Schema;
    private final MemoBudget memoBudget;
    private volatile Compiled compiled;

    private record Compiled(SchemaNode schema, Set<SchemaNode> cleanDefaults) {
    }

    Target(String apiVersion, String kind, String crd, String version, JsonNode openApiV3Schema,
        MemoBudget memoBudget) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.crd = crd;
      this.version = version;
      this.openApiV3Schema = openApiV3Schema;
      this.memoBudget = memoBudget;
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
            result = new Compiled(schema, CrdValidator.cleanDefaults(schema));
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
  private final Map<String, Map<String, Target>> targetsByKind = new HashMap<>();
  private final MemoBudget memoBudget;

  private CrdValidator(Map<String, Target> targets, MemoBudget memoBudget) {
    this.targets = Collections.unmodifiableMap(targets);
    this.memoBudget = memoBudget;
    targets.values().forEach(target -> targetsByKind.computeIfAbsent(target.apiVersion(), v -> new HashMap<>())
        .put(target.kind(), target));
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
      for (Map.Entry<String, JsonNode> version : CrdVersions.schemas(crd).entrySet()) {
        String key = key(group + "/" + version.getKey(), kind);
        Target previous = targets.put(key, new Target(group + "/" + version.getKey(), kind,
            CrdVersions.groupKind(crd), version.getKey(), version.getValue(), memoBudget));
        if (previous != null) {
          throw new IllegalArgumentException("two CRDs define " + group + "/" + version.getKey() + " " + kind
              + ": give each provider's CRD set its own CrdValidator");
        }
      }
    }
    return new CrdValidator(targets, memoBudget);
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

  /** From CRD files on the class path, e.g. the copies the model jars ship under {@code META-INF/crds/}. */
  public static CrdValidator fromClasspath(String... resources) {
    String[] texts = new String[resources.length];
    ClassLoader loader = CrdValidator.class.getClassLoader();
    for (int i = 0; i < resources.length; i++) {
      try (InputStream in = loader.getResourceAsStream(resources[i])) {
        if (in == null) {
          throw new IllegalArgumentException("no CRD on the class path at " + resources[i]);
        }
        texts[i] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(resources[i] + ": " + e.getMessage(), e);
      }
    }
    return fromYaml(texts);
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

  private ValidationReport validate(JsonNode object, JsonNode old) {
    if (!object.isObject()) {
      return report(Violation.error("", "type", "a Kubernetes object must be a mapping, not "
          + object.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
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
      return new ValidationReport(missing);
    }
    Target target = targetsByKind.getOrDefault(apiVersion, Map.of()).get(kind);
    if (target == null) {
      return report(Violation.error("", "kind", "no CRD loaded for " + Excerpt.of(apiVersion) + " " + Excerpt.of(kind)
          + "; loaded: " + String.join(", ", new TreeSet<>(targets.keySet()))));
    }
    // Defaulting never changes the caller's objects: the results share what they did not need to change.
    if (old == null) {
      JsonNode data = Defaults.appliedWhereObserved(object, target.schema(), target.cleanDefaults()::contains);
      return new ValidationReport(SchemaValidation.run(data, null, target.schema()));
    }
    // On update, transition rules compare with the old object: every default is placed in both.
    JsonNode data = Defaults.applied(object, target.schema());
    JsonNode previous = Defaults.applied(old, target.schema());
    return new ValidationReport(SchemaValidation.run(data, previous, target.schema()));
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
