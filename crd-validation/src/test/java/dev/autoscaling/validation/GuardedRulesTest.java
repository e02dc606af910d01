package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.manifest.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the form {@code !has(self.f) || ...} are passed over on objects without {@code f}; the report must be what
 * evaluating them gives, including where a value they read is nested too deeply to convert (then the rule is still
 * reported as not checked, as before the shortcut).
 */
class GuardedRulesTest {

  private static final CrdValidator WIDGETS = CrdValidator.fromYaml("""
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Cluster
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
                  x-kubernetes-validations:
                  - {rule: "!has(self.replicas) || self.size == 1", message: closed}
                  - {rule: "!has(self.replicas) || has(self.free) == false", message: open}
                  properties:
                    replicas: {type: integer}
                    size: {type: integer}
                    free: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """);

  private static List<String> violations(JsonNode spec) {
    ObjectNode widget = (ObjectNode) Manifests.parseAll("{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}}")
        .get(0);
    widget.set("spec", spec);
    return WIDGETS.validate(widget).violations().stream().map(Violation::toString).toList();
  }

  private static ObjectNode nested(int depth) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode at = root;
    for (int i = 0; i < depth; i++) {
      at = at.putObject("x");
    }
    return root;
  }

  @Test
  void shouldPassOverAGuardedRuleOnlyWhereEvaluatingItWouldPass() {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("size", 2);
    assertThat(violations(spec)).isEmpty();
    spec.put("replicas", 1);
    assertThat(violations(spec)).singleElement().asString().contains("closed");
    spec.set("free", JsonNodeFactory.instance.objectNode());
    assertThat(violations(spec)).hasSize(2);
  }

  @Test
  void shouldStillSayNotCheckedWhereAGuardedRuleReadsAValueNestedTooDeeply() {
    // free keeps unknown fields, so a value nested beyond what rules are given is valid and must be reported
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("size", 1);
    spec.set("free", nested(300));
    assertThat(violations(spec)).singleElement().asString().contains("not checked: the value is nested more than");
  }
}
