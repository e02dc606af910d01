package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The KEDA definitions in the API's one vocabulary: immutable values, every problem reported by build(). */
class KedaVocabularyTest {

  private static final ScaledObjectDefinition WORKER = ScaledObjects.scaling("virtual-worker").named("w")
      .inNamespace("pets").trigger(Triggers.rabbitmq().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH)
          .value(10).authenticationRef("auth"));

  @Test
  void shouldScaleTheDeploymentWhenTargetByNameFollowsAnotherKind() {
    // When
    ScaledObject scaled = WORKER.target("apps/v1", "StatefulSet", "db").target("web").build();

    // Then: the later call says "the Deployment web", so no StatefulSet kind is left over
    assertThat(scaled.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
    assertThat(scaled.getSpec().getScaleTargetRef().getKind()).isNull();
    assertThat(scaled.getSpec().getScaleTargetRef().getApiVersion()).isNull();
  }

  @Test
  void shouldReportADurationKedaCannotReadWithEveryOtherProblem() {
    // Given: a sub-second polling interval, a negative cooldown, and min above max (an admission rule)
    ScaledObjectDefinition bad = WORKER.pollingInterval(Duration.ofMillis(1500)).cooldownPeriod(Duration.ofSeconds(-5))
        .minReplicas(5).maxReplicas(2);

    // Then: one exception listing all three, each with its field
    assertThatThrownBy(bad::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.pollingInterval: PT1.5S cannot be written")
        .hasMessageContaining("spec.cooldownPeriod: PT-5S cannot be written")
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSizeGreaterThanOrEqualTo(3));
    assertThat(bad.validate().isValid()).isFalse();
  }

  @Test
  void shouldKeepATriggerAsItWasWhenAdded() {
    // Given
    RabbitmqTrigger trigger = Triggers.rabbitmq().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH)
        .value(10).authenticationRef("auth");
    ScaledObjectDefinition definition = ScaledObjects.scaling("web").named("w").trigger(trigger);

    // When: a setter is called on it afterwards
    RabbitmqTrigger other = trigger.queueName("other");

    // Then: a new trigger; the one added, and the definition, are as they were
    assertThat(definition.build().getSpec().getTriggers().get(0).getMetadata()).containsEntry("queueName", "orders");
    assertThat(trigger.metadata()).containsEntry("queueName", "orders");
    assertThat(other.metadata()).containsEntry("queueName", "other");
  }

  @Test
  void shouldDescribeWithoutMetadataValues() {
    // When
    String description = WORKER.describe();

    // Then
    assertThat(description).contains("ScaledObject w (namespace pets)", "scales: Deployment virtual-worker",
        "trigger: rabbitmq on [queueName, mode, value]");
    assertThat(description).doesNotContain("orders");
  }

  @Test
  void shouldWriteTheSameTextAsTheBuiltObject() {
    TriggerAuthenticationDefinition auth = TriggerAuthentications.named("a").inNamespace("pets")
        .secretTargetRef(SecretTarget.parameter("host").fromSecret("s").key("host"));
    assertThat(auth.toYaml()).isEqualTo(Manifests.toYaml(auth.build()));
    assertThat(auth.toJson()).isEqualTo(Manifests.toJson(auth.build()));
    assertThat(auth.validate().isValid()).isTrue();
    assertThat(auth.describe()).contains("host from Secret s, key host");
  }

  @SuppressWarnings("deprecation") // the five-string form is what the value type replaces
  @Test
  void shouldBuildTheSameAuthenticationFromASecretTargetAsFromFiveStrings() {
    TriggerAuthentication typed = TriggerAuthentications.fromSecret("a", "pets",
        SecretTarget.parameter("host").fromSecret("rabbitmq-scaler-secret").key("host"));
    TriggerAuthentication strings = TriggerAuthentications.fromSecret("a", "pets", "host", "rabbitmq-scaler-secret",
        "host");
    assertThat(Manifests.toJson(typed)).isEqualTo(Manifests.toJson(strings));
  }

  @Test
  void shouldLeaveASharedPreviewUnchanged() {
    // Given: a preview set up once, evaluated for two metric values
    ScalingPreview base = ScalingPreview.of(WORKER.build()).currentReplicas(1);

    // When
    int many = base.metric(0, 95).evaluate().replicas();
    int few = base.metric(0, 15).evaluate().replicas();

    // Then: the first metric did not stay in the shared preview
    assertThat(many).isEqualTo(10);
    assertThat(few).isEqualTo(2);
  }

  @Test
  void shouldListEveryMissingPreviewInputAsViolations() {
    assertThatThrownBy(() -> ScalingPreview.of(WORKER.build()).evaluate())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations())
            .extracting(v -> v.path()).contains("currentReplicas", "spec.triggers[0] (rabbitmq)"));
  }
}
