package dev.autoscaling.keda;

import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.validation.FieldValidation;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ScaledObject facade's build() checks metadata as the API server does; YAML input gets strict field checks. */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class ScaledObjectMetadataTest {

  private static ScaledObjectDefinition worker() {
    return ScaledObjects.scaling("worker").inNamespace("pets")
        .trigger(new RabbitmqTrigger().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("rabbitmq-auth"));
  }

  @Test
  void shouldRejectANameTheApiServerRejects() {
    assertThatThrownBy(() -> worker().named("Bad_Name").build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).filteredOn(Violation::isError)
            .singleElement().satisfies(v -> {
              assertThat(v.path()).isEqualTo("metadata.name");
              assertThat(v.message()).startsWith("Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must"
                  + " consist of lower case alphanumeric characters, '-' or '.'");
            }));
  }

  @Test
  void shouldRejectANamelessScaledObject() {
    assertThatThrownBy(() -> worker().build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).filteredOn(Violation::isError)
            .extracting(Violation::path, Violation::message)
            .contains(org.assertj.core.groups.Tuple.tuple("metadata.name",
                "Required value: name or generateName is required")));
  }

  @Test
  void shouldRejectAnUnknownFieldUnlessToldToWarn() {
    String yaml = worker().named("worker").toYaml().replace("spec:\n", "spec:\n  minReplicas: 1\n");

    assertThat(KedaValidation.validate(yaml)).filteredOn(Violation::isError).extracting(Violation::message)
        .containsExactly("strict decoding error: unknown field \"spec.minReplicas\"; did you mean"
            + " spec.minReplicaCount?");
    assertThat(KedaValidation.validate(yaml, FieldValidation.WARN)).filteredOn(Violation::isError).isEmpty();
  }
}
