package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.crd.CrdVersions;
import dev.autoscaling.validation.schema.Defaults;
import dev.autoscaling.validation.schema.SchemaNode;
import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On create, a default is placed only where a check can see it. These tests hold that to its promise: the
 * violations are exactly those of placing every default, as the API server does.
 */
class ObservedDefaultsTest {

  private static final SchemaNode SCHEMA = SchemaNode.compile(Manifests.parseAll("""
      type: object
      properties:
        unread:
          type: object
          properties:
            after: {type: string, default: 720h, pattern: '^[0-9]+h$'}
            budgets:
              type: array
              default: [{nodes: 10%}]
              x-kubernetes-validations: [{rule: 'self.all(x, x.nodes != "0")'}]
              items: {type: object, properties: {nodes: {type: string, default: 10%}}}
        read:
          type: object
          x-kubernetes-validations:
          - {rule: 'self.mode == "fast" || !has(self.limit)', message: slow modes take no limit}
          properties:
            mode: {type: string, default: slow}
            limit: {type: integer}
        whole:
          type: object
          x-kubernetes-validations: [{rule: 'size(self) >= 2', message: needs two fields}]
          properties:
            a: {type: string, default: x}
            b: {type: string}
        broken:
          type: object
          properties:
            size: {type: integer, default: 500, maximum: 100}
        needed:
          type: object
          required: [kind]
          properties:
            kind: {type: string, default: plain}
        ports:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [port, protocol]
          items: {type: object, properties: {port: {type: integer}, protocol: {type: string, default: TCP}}}
      """).get(0));

  private static final Set<SchemaNode> CLEAN = CrdValidator.cleanDefaults(SCHEMA);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{}",
      "{unread: {}, read: {}, whole: {}, broken: {}, needed: {}, ports: []}",
      "{read: {limit: 3}}",
      "{read: {mode: fast, limit: 3}}",
      "{read: {mode: null, limit: 3}}",
      "{whole: {b: y}}",
      "{whole: {a: null}}",
      "{broken: {}}",
      "{broken: {size: 5}}",
      "{needed: {}}",
      "{needed: {kind: null}}",
      "{unread: {budgets: [{}, {nodes: '0'}]}}",
      "{unread: {after: 3d}}",
      "{ports: [{port: 80}, {port: 80, protocol: TCP}]}",
      "{ports: [{port: 80}, {port: 80, protocol: UDP}]}"})
  void shouldReportExactlyWhatPlacingEveryDefaultReports(String yaml) {
    JsonNode object = Manifests.parseAll(yaml).get(0);

    assertThat(messages(observed(object), SCHEMA)).isEqualTo(messages(Defaults.applied(object, SCHEMA), SCHEMA));
  }

  @Test
  void shouldPlaceOnlyTheDefaultsSomethingReads() {
    JsonNode object = Manifests.parseAll("{unread: {}, read: {}, whole: {b: y}, broken: {}, needed: {}}").get(0);

    JsonNode result = observed(object);

    assertThat(result.get("unread")).as("no rule reads after, and budgets' default passes its own rule")
        .isSameAs(object.get("unread"));
    assertThat(result.get("needed")).as("an absent required field with a default is not missing")
        .isSameAs(object.get("needed"));
    assertThat(result.at("/read/mode").asText()).isEqualTo("slow");
    assertThat(result.at("/whole/a").asText()).isEqualTo("x");
    assertThat(result.at("/broken/size").asInt()).as("an invalid default is placed, to be reported").isEqualTo(500);
    assertThat(CLEAN).doesNotContain(SCHEMA.properties.get("broken").properties.get("size"))
        .contains(SCHEMA.properties.get("unread").properties.get("after"));
  }

  /**
   * Every pinned CRD, with an object that holds every object-typed field (and one item of every list) but no
   * scalar: the shape that makes the most defaults apply.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"karpenter-azure", "karpenter-aws", "keda"})
  void shouldAgreeOnEveryPinnedCrd(String provider) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(PinnedFiles.crdsDir().resolve(provider))) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    int compared = 0;
    for (Path file : files) {
      for (Map.Entry<String, JsonNode> version : CrdVersions.schemas(Manifests.parseAll(Files.readString(file)).get(0))
          .entrySet()) {
        SchemaNode schema = SchemaNode.compile(version.getValue());
        Set<SchemaNode> clean = CrdValidator.cleanDefaults(schema);
        JsonNode skeleton = skeleton(schema, 0);
        assertThat(messages(Defaults.appliedWhereObserved(skeleton, schema, clean::contains), schema))
            .as(file.getFileName() + " " + version.getKey())
            .isEqualTo(messages(Defaults.applied(skeleton, schema), schema));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(4);
  }

  private static JsonNode observed(JsonNode object) {
    return Defaults.appliedWhereObserved(object, SCHEMA, CLEAN::contains);
  }

  private static List<String> messages(JsonNode data, SchemaNode schema) {
    List<String> messages = new ArrayList<>();
    for (Violation violation : SchemaValidation.run(data, null, schema, FieldValidation.STRICT, List.of(), true)) {
      messages.add(violation.path() + ": " + violation.message());
    }
    return messages;
  }

  private static JsonNode skeleton(SchemaNode schema, int depth) {
    if (depth > 12) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (schema.items != null) {
      return JsonNodeFactory.instance.arrayNode().add(skeleton(schema.items, depth + 1));
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    schema.properties.forEach((name, property) -> {
      if ("object".equals(property.type) || "array".equals(property.type)) {
        object.set(name, skeleton(property, depth + 1));
      }
    });
    return object;
  }
}
