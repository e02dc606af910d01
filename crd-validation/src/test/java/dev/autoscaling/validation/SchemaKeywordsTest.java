package dev.autoscaling.validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pass and one fail per OpenAPI keyword, on a small CRD whose {@code spec} has one field per keyword. Each row
 * gives the spec (YAML flow style) and, when it must fail, the path and keyword reported.
 */
class SchemaKeywordsTest {

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, minLength: 2, maxLength: 5}
                    count: {type: integer, minimum: 1, maximum: 10}
                    ratio: {type: number, minimum: 0, maximum: 1, exclusiveMinimum: true, exclusiveMaximum: true}
                    mode: {type: string, enum: [Auto, Manual]}
                    code: {type: string, pattern: '[0-9]{3}'}
                    alternation: {type: string, pattern: '^(@daily)|((.+) (.+))$'}
                    when: {type: string, format: date-time}
                    flag: {type: boolean}
                    size:
                      x-kubernetes-int-or-string: true
                      anyOf: [{type: integer}, {type: string}]
                    tags: {type: array, items: {type: string}, minItems: 1, maxItems: 2}
                    zones: {type: array, items: {type: string}, x-kubernetes-list-type: set}
                    ports:
                      type: array
                      x-kubernetes-list-type: map
                      x-kubernetes-list-map-keys: [port, protocol]
                      items:
                        type: object
                        required: [port]
                        properties:
                          port: {type: integer}
                          protocol: {type: string, default: TCP}
                    labels:
                      type: object
                      additionalProperties: {type: string}
                      minProperties: 1
                      maxProperties: 2
                    note: {type: string, nullable: true}
                    plain: {type: string}
                    raw: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                    policy:
                      type: string
                      default: Retain
                      x-kubernetes-validations:
                      - rule: self in ['Retain', 'Delete']
                        message: policy must be Retain or Delete
                        reason: FieldValueNotSupported
                      - rule: self != 'Delete'
                        messageExpression: "'policy ' + self + ' is not allowed here'"
                        fieldPath: .policy
      """;

  static CrdValidator validator;

  @BeforeAll
  static void load() {
    validator = CrdValidator.fromYaml(CRD);
  }

  private static ValidationReport validate(String spec) {
    // a name of its own replaces the valid one (a field set twice would be refused as the API server refuses it)
    return validator.validate("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {"
        + (spec.startsWith("name:") ? "" : "name: abc, ") + spec + "}}");
  }

  @ParameterizedTest(name = "{0}: accepts {1}")
  @CsvSource(delimiter = '|', value = {
      "type integer          | count: 3",
      "type number           | ratio: 0.5",
      "type boolean          | flag: true",
      "minLength/maxLength   | name: abcde",
      "minimum/maximum       | count: 10",
      "exclusive bounds      | ratio: 0.999",
      "enum                  | mode: Manual",
      "pattern is a search   | code: ab123cd",
      "alternation unanchored| alternation: 'x * y'",
      "format date-time      | when: '2026-11-28T10:15:00Z'",
      "int-or-string int     | size: 3",
      "int-or-string string  | size: 10%",
      "minItems/maxItems     | tags: [a, b]",
      "list-type set         | zones: [a, b]",
      "list-type map         | ports: [{port: 80}, {port: 80, protocol: UDP}]",
      "min/maxProperties     | labels: {a: x}",
      "nullable              | note: null",
      "preserve unknown      | raw: {anything: {goes: [1]}}",
      "embedded resource     | template: {apiVersion: v1, kind: Pod, spec: {x: 1}}",
      "default before CEL    | labels: {a: b}",
      "CEL rule              | policy: Retain"})
  void shouldAccept(String keyword, String spec) {
    assertThat(validate(spec).violations()).as(keyword).isEmpty();
  }

  @ParameterizedTest(name = "{0}: rejects {1}")
  @CsvSource(delimiter = '|', value = {
      "type                  | count: '3'                     | spec.count         | type",
      "integer vs number     | count: 2.5                     | spec.count         | type",
      "type object           | labels: [a]                    | spec.labels        | type",
      "required              | name: null                     | spec.name          | required",
      "minLength             | name: a                        | spec.name          | minLength",
      "maxLength             | name: abcdef                   | spec.name          | maxLength",
      "minimum               | count: 0                       | spec.count         | minimum",
      "maximum               | count: 11                      | spec.count         | maximum",
      "exclusiveMinimum      | ratio: 0                       | spec.ratio         | exclusiveMinimum",
      "exclusiveMaximum      | ratio: 1                       | spec.ratio         | exclusiveMaximum",
      "enum                  | mode: auto                     | spec.mode          | enum",
      "pattern               | code: 12a                      | spec.code          | pattern",
      "format date-time      | when: yesterday                | spec.when          | format",
      "int-or-string         | size: true                     | spec.size          | x-kubernetes-int-or-string",
      "minItems              | tags: []                       | spec.tags          | minItems",
      "maxItems              | tags: [a, b, c]                | spec.tags          | maxItems",
      "list-type set         | zones: [a, a]                  | spec.zones[1]      | x-kubernetes-list-type",
      "list-map keys + default| ports: [{port: 80}, {port: 80, protocol: TCP}] | spec.ports[1] | x-kubernetes-list-map-keys",
      "minProperties         | labels: {}                     | spec.labels        | minProperties",
      "maxProperties         | labels: {a: x, b: y, c: z}     | spec.labels        | maxProperties",
      "map value type        | labels: {a: 1}                 | spec.labels[a]     | type",
      "embedded resource     | template: {spec: {}}           | spec.template.apiVersion | x-kubernetes-embedded-resource",
      "unknown field (strict)| nmae: x                        | spec.nmae          | unknown field",
      "CEL rule              | policy: Keep                   | spec.policy        | self in ['Retain', 'Delete']",
      "CEL fieldPath         | policy: Delete                 | spec.policy.policy | self != 'Delete'"})
  void shouldReject(String keyword, String spec, String path, String rule) {
    assertThat(validate(spec).errors()).as(keyword)
        .anySatisfy(v -> {
          assertThat(v.path()).isEqualTo(path);
          assertThat(v.rule()).isEqualTo(rule);
        });
  }

  @ParameterizedTest(name = "{0}: warns on {1}")
  @CsvSource(delimiter = '|', value = {
      "nullable              | plain: null                    | spec.plain | nullable"})
  void shouldWarn(String keyword, String spec, String path, String rule) {
    ValidationReport report = validate(spec);

    assertThat(report.isValid()).as(keyword).isTrue();
    assertThat(report.warnings()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.rule()).isEqualTo(rule);
    });
  }

  @org.junit.jupiter.api.Test
  void shouldHonourMessageExpressionAndReason() {
    ValidationReport report = validate("policy: Delete");

    assertThat(report.errors()).singleElement().satisfies(v -> {
      assertThat(v.message()).isEqualTo("policy Delete is not allowed here");
      assertThat(v.reason()).isEqualTo("FieldValueInvalid");
    });
    assertThat(validate("policy: Keep").errors()).extracting(Violation::reason)
        .contains("FieldValueNotSupported");
  }
}
