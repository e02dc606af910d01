package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What the API server does around the schema, on a small CRD with a status subresource and CEL rules: unknown fields
 * under each field-validation choice, CEL rules skipped after a blocking error, status dropped on create and checked
 * through its own entry point, null pruned where it is not allowed, and the metadata checks every object gets.
 */
class ApiServerSemanticsTest {

  private static final String RULES_NOT_CHECKED = "some validation rules were not checked because the object was"
      + " invalid; correct the existing errors to complete validation";

  private static final CrdValidator GADGETS = crd("Gadget", "Namespaced", "{status: {}}", """
      spec:
        type: object
        required: [size]
        x-kubernetes-validations:
        - {rule: "self.size <= self.limit", message: size must not exceed limit}
        properties:
          size: {type: integer}
          limit: {type: integer, default: 10}
          mode: {type: string, enum: [Fast, Slow]}
          name: {type: string, maxLength: 5}
          code: {type: string, pattern: '^[0-9]+$'}
          count: {type: integer, minimum: 1}
          tags: {type: array, maxItems: 2, items: {type: string}}
          labels: {type: object, maxProperties: 1, additionalProperties: {type: string}}
          tier: {type: string, default: gold}
          note: {type: string, nullable: true}
      status:
        type: object
        x-kubernetes-validations:
        - {rule: "self.ready <= 100", message: ready is a percentage}
        properties:
          ready: {type: integer}
          phase: {type: string, enum: [Up, Down]}
      """);

  private static final CrdValidator CLUSTER_THINGS = crd("Thing", "Cluster", "{}", """
      spec: {type: object, properties: {size: {type: integer}}}
      status: {type: object, properties: {ready: {type: integer}}}
      """);

  /**
   * Rules of the form {@code !has(self.f) || ...} are passed over on objects without {@code f}: the first reads only
   * integers, the second a field that keeps unknown fields (which may nest too deeply to convert).
   */
  private static final CrdValidator WIDGETS = crd("Widget", "Cluster", "{}", """
      spec:
        type: object
        x-kubernetes-validations:
        - {rule: "!has(self.replicas) || self.size == 1", message: closed}
        - {rule: "!has(self.replicas) || has(self.free) == false", message: open}
        properties:
          replicas: {type: integer}
          size: {type: integer}
          free: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """);

  /** A one-version CRD in group example.com whose root has these properties besides the type meta. */
  private static CrdValidator crd(String kind, String scope, String subresources, String properties) {
    String plural = kind.toLowerCase(java.util.Locale.ROOT) + "s";
    return CrdValidator.fromYaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        + "metadata: {name: " + plural + ".example.com}\n"
        + "spec:\n  group: example.com\n  names: {kind: " + kind + ", plural: " + plural + "}\n  scope: " + scope
        + "\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    subresources: " + subresources
        + "\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n"
        + "          apiVersion: {type: string}\n          kind: {type: string}\n          metadata: {type: object}\n"
        + properties.indent(10));
  }

  private static String gadget(String spec) {
    return "{apiVersion: example.com/v1, kind: Gadget, metadata: {name: g, namespace: shop}, spec: {" + spec + "}}";
  }

  private static List<Violation> violations(String object) {
    return GADGETS.validate(object).violations();
  }

  // --- 2. CEL rules are skipped after a blocking schema error -----------------------------------------------------

  @ParameterizedTest(name = "{0} blocks the CEL rules")
  @CsvSource(delimiter = '|', value = {
      "required missing          | limit: 1                 | spec.size | required",
      "unsupported enum value    | size: 20, mode: Quick    | spec.mode | enum",
      "wrong type                | size: 20, count: x       | spec.count | type",
      "too long                  | size: 20, name: abcdefg  | spec.name | maxLength",
      "too many items            | size: 20, tags: [a, b, c] | spec.tags | maxItems",
      "too many properties       | size: 20, labels: {a: x, b: z} | spec.labels | maxProperties"})
  void shouldSkipTheRulesAfterABlockingErrorAndSaySo(String what, String spec, String path, String rule) {
    // size 20 > limit 10 breaks the rule: it is not reported, the API server never evaluated it
    assertThat(violations(gadget(spec))).as(what).extracting(Violation::path, Violation::rule, Violation::message)
        .containsExactly(tuple(path, rule, violations(gadget(spec)).get(0).message()),
            tuple("", "x-kubernetes-validations", RULES_NOT_CHECKED));
  }

  @ParameterizedTest(name = "{0} does not block the CEL rules")
  @CsvSource(delimiter = '|', value = {
      "pattern   | size: 20, code: x1 | spec.code  | pattern",
      "minimum   | size: 20, count: 0 | spec.count | minimum"})
  void shouldStillRunTheRulesAfterAnErrorThatDoesNotBlock(String what, String spec, String path, String rule) {
    assertThat(violations(gadget(spec))).as(what).extracting(Violation::path, Violation::message)
        .contains(tuple("spec", "size must not exceed limit"))
        .doesNotContain(tuple("", RULES_NOT_CHECKED));
  }

  @Test
  void shouldCountAMissingNameAsBlockingAsTheApiServerDoes() {
    assertThat(violations("{apiVersion: example.com/v1, kind: Gadget, metadata: {}, spec: {size: 20}}"))
        .extracting(Violation::path, Violation::message).containsExactly(
            tuple("metadata.name", "Required value: name or generateName is required"),
            tuple("", RULES_NOT_CHECKED));
  }

  @Test
  void shouldNotMentionSkippedRulesWhereTheSchemaHasNone() {
    assertThat(CLUSTER_THINGS.validate("{apiVersion: example.com/v1, kind: Thing, metadata: {name: t},"
        + " spec: {size: x}}").violations()).extracting(Violation::path).containsExactly("spec.size");
  }

  // --- unknown fields: --validate=strict|warn|ignore ------------------------------------------------------------

  @Test
  void shouldTreatUnknownFieldsAsEachFieldValidationChoiceDoes() {
    String object = gadget("size: 1, sise: 2");

    assertThat(GADGETS.fieldValidation()).isEqualTo(FieldValidation.STRICT);
    assertThat(GADGETS.validate(object).errors()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.sise");
      assertThat(v.message()).isEqualTo("strict decoding error: unknown field \"spec.sise\"; did you mean spec.size?");
    });
    ValidationReport warned = GADGETS.withFieldValidation(FieldValidation.WARN).validate(object);
    assertThat(warned.isValid()).isTrue();
    assertThat(warned.warnings()).extracting(Violation::message)
        .containsExactly("unknown field \"spec.sise\", dropped by the API server; did you mean spec.size?");
    assertThat(GADGETS.withFieldValidation(FieldValidation.IGNORE).validate(object).violations()).isEmpty();
  }

  @Test
  void shouldReadKubectlsSpellingsOfValidate() {
    assertThat(FieldValidation.parse("strict")).isEqualTo(FieldValidation.STRICT);
    assertThat(FieldValidation.parse("true")).isEqualTo(FieldValidation.STRICT);
    assertThat(FieldValidation.parse("Warn")).isEqualTo(FieldValidation.WARN);
    assertThat(FieldValidation.parse("false")).isEqualTo(FieldValidation.IGNORE);
    assertThatThrownBy(() -> FieldValidation.parse("loose")).hasMessage(
        "invalid --validate value 'loose': expected strict, warn or ignore (true means strict, false means ignore)");
  }

  // --- 3. status: dropped on create, checked through the status subresource --------------------------------------

  @Test
  void shouldNotValidateStatusOnCreateWhenTheCrdHasAStatusSubresource() {
    List<Violation> found = violations(gadget("size: 1") .replace("}}", "}, status: {ready: 500, phase: Sideways}}"));

    assertThat(found).singleElement().satisfies(v -> {
      assertThat(v.isError()).isFalse();
      assertThat(v.path()).isEqualTo("status");
      assertThat(v.message()).isEqualTo("ignored: the API server drops status on create (the CRD has a status"
          + " subresource; only its controller sets status, through it)");
    });
  }

  @Test
  void shouldValidateStatusThroughTheStatusEntryPoint() {
    String object = gadget("size: 20").replace("}}", "}, status: {ready: 500}}");

    assertThat(GADGETS.validateStatus(object).violations()).extracting(Violation::path, Violation::message)
        .as("the spec's rule is not the status subresource's business").containsExactly(
            tuple("status", "ready is a percentage"));
    assertThat(GADGETS.validateStatus(object.replace("ready: 500", "ready: 500, phase: Sideways")).violations())
        .extracting(Violation::path, Violation::message).containsExactly(
            tuple("status.phase", "Unsupported value \"Sideways\": supported values are \"Up\", \"Down\""),
            tuple("", RULES_NOT_CHECKED));
  }

  @Test
  void shouldValidateStatusOnCreateWhereThereIsNoStatusSubresource() {
    String thing = "{apiVersion: example.com/v1, kind: Thing, metadata: {name: t}, status: {ready: x}}";

    assertThat(CLUSTER_THINGS.validate(thing).errors()).extracting(Violation::path).containsExactly("status.ready");
    assertThatThrownBy(() -> CLUSTER_THINGS.validateStatus(thing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("example.com/Thing v1 has no status subresource: status is written with the rest of the object,"
            + " so validate() checks it");
  }

  // --- 4. null where null is not allowed: pruned, so absent --------------------------------------------------------

  @Test
  void shouldTreatANonNullableNullAsAbsentWithAWarning() {
    assertThat(violations(gadget("size: 1, mode: null"))).singleElement().satisfies(v -> {
      assertThat(v.isError()).isFalse();
      assertThat(v.path()).isEqualTo("spec.mode");
      assertThat(v.message()).isEqualTo(
          "null is dropped by the API server here (the field is not nullable): remove it or give a value");
    });
    // a required field set to null is missing, not of the wrong type
    assertThat(violations(gadget("size: null"))).extracting(Violation::path, Violation::message).containsExactly(
        tuple("spec.size", "Required value: set size"),
        tuple("spec.size", "null is dropped by the API server here (the field is not nullable): remove it or give a"
            + " value"),
        tuple("", RULES_NOT_CHECKED));
    assertThat(violations(gadget("size: 1, note: null"))).as("nullable").isEmpty();
  }

  // --- 5. metadata as the API server checks it ---------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "name not a DNS subdomain | {name: Bad_Name} | metadata.name | `Invalid value: \"Bad_Name\": a lowercase RFC 1123"
          + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'example.com', regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`",
      "no name | {namespace: shop} | metadata.name | Required value: name or generateName is required",
      "generateName not a prefix of one | {generateName: Web_} | metadata.generateName | `Invalid value: \"Web_\":"
          + " a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
          + " start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`",
      "namespace with a dot | {name: g, namespace: my.shop} | metadata.namespace | `Invalid value: \"my.shop\": must"
          + " not contain dots`",
      "label key with a space | `{name: g, labels: {'app name': web}}` | metadata.labels | `Invalid value: \"app"
          + " name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
          + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
          + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`",
      "label key with two slashes | `{name: g, labels: {'a/b/c': x}}` | metadata.labels | `Invalid value: \"a/b/c\":"
          + " a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
          + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
          + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g."
          + " 'example.com/MyName')`",
      "label value too long | `{name: g, labels: {tier: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}}`"
          + " | metadata.labels | `Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\":"
          + " must be no more than 63 bytes`",
      "annotation prefix empty | `{name: g, annotations: {'/note': x}}` | metadata.annotations | `Invalid value:"
          + " \"/note\": prefix part must be non-empty`"})
  void shouldCheckMetadataInApimachinerysWords(String what, String metadata, String path, String message) {
    String object = "{apiVersion: example.com/v1, kind: Gadget, metadata: " + metadata + ", spec: {size: 1}}";

    assertThat(violations(object)).as(what).filteredOn(Violation::isError)
        .extracting(Violation::path, Violation::message).contains(tuple(path, message));
  }

  @Test
  void shouldAcceptWellFormedMetadata() {
    assertThat(violations("{apiVersion: example.com/v1, kind: Gadget, metadata: {generateName: web-, namespace: shop,"
        + " labels: {app.kubernetes.io/name: web, tier: ''}, annotations: {Example.com/Note: anything at all},"
        + " finalizers: [example.com/cleanup]}, spec: {size: 1}}")).isEmpty();
  }

  @Test
  void shouldLimitAnnotationsTo256KiBInAllWithoutRepeatingThem() {
    String big = "x".repeat(200 * 1024);
    String object = "{apiVersion: example.com/v1, kind: Gadget, metadata: {name: g, annotations: {a: " + big
        + ", b: " + big + "}}, spec: {size: 20}}";

    assertThat(violations(object)).extracting(Violation::path, Violation::message).containsExactly(
        tuple("metadata.annotations", "Too long: may not be more than 262144 bytes"),
        tuple("", RULES_NOT_CHECKED));
  }

  @Test
  void shouldCutALongInvalidNameToAnExcerpt() {
    String name = "N".repeat(100_000);

    assertThat(violations("{apiVersion: example.com/v1, kind: Gadget, metadata: {name: " + name + "}, spec: {size: 1}}"))
        .extracting(Violation::message).allSatisfy(m -> assertThat(m).hasSizeLessThan(700))
        .anySatisfy(m -> assertThat(m).startsWith("Invalid value: \"NNN").contains("(100000 characters)")
            .endsWith("must be no more than 253 bytes"));
  }

  @Test
  void shouldWarnThatACusterScopedObjectsNamespaceIsCleared() {
    assertThat(CLUSTER_THINGS.validate("{apiVersion: example.com/v1, kind: Thing, metadata: {name: t, namespace: x}}")
        .violations()).singleElement().satisfies(v -> {
          assertThat(v.isError()).isFalse();
          assertThat(v.path()).isEqualTo("metadata.namespace");
          assertThat(v.message()).isEqualTo("ignored: Thing is cluster-scoped, so the API server clears the namespace");
        });
  }

  // --- rules guarded by !has(self.f): passed over only where evaluating them gives the same report ----------------

  private static List<String> widgetViolations(JsonNode spec) {
    ObjectNode widget = (ObjectNode) Manifests.parseAll("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}")
        .get(0);
    widget.set("spec", spec);
    return WIDGETS.validate(widget).violations().stream().map(Violation::toString).toList();
  }

  @Test
  void shouldPassOverAGuardedRuleOnlyWhereEvaluatingItWouldPass() {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("size", 2);
    assertThat(widgetViolations(spec)).isEmpty();
    spec.put("replicas", 1);
    assertThat(widgetViolations(spec)).singleElement().asString().contains("closed");
    spec.set("free", JsonNodeFactory.instance.objectNode());
    assertThat(widgetViolations(spec)).hasSize(2);
  }

  @Test
  void shouldStillSayNotCheckedWhereAGuardedRuleReadsAValueNestedTooDeeply() {
    // free keeps unknown fields, so a value nested beyond what rules are given is valid and must be reported
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("size", 1);
    ObjectNode at = spec.putObject("free");
    for (int i = 0; i < 300; i++) {
      at = at.putObject("x");
    }
    assertThat(widgetViolations(spec)).singleElement().asString()
        .contains("not checked: the value is nested more than");
  }
}
