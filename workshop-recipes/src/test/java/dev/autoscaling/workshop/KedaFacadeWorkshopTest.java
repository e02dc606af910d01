package dev.autoscaling.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.TriggerAuthentications;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workshop's KEDA objects, each one readable chain, equal in meaning to the workshop's YAML. */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class KedaFacadeWorkshopTest {

  private final List<JsonNode> workshop = JsonTrees.resourceDocuments("workshop/virtual-worker-scaler.yaml");

  @Test
  void shouldBuildTheSecretTheTriggerAuthenticationAndTheScaledObject() {
    assertThat(JsonTrees.treeOf(TriggerAuthentications.secret("rabbitmq-scaler-secret", "pets", "host",
        RabbitMqCredentials.workshopDefaults().managementUrl(WorkshopManifests.RABBITMQ_MANAGEMENT_HOST))))
        .isEqualTo(workshop.get(0));

    assertThat(JsonTrees.treeOf(TriggerAuthentications.fromSecret("trigger-auth-rabbitmq-conn", "pets",
        "host", "rabbitmq-scaler-secret", "host")))
        .isEqualTo(workshop.get(1));

    assertThat(JsonTrees.treeOf(ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("trigger-auth-rabbitmq-conn"))
        .build()))
        .isEqualTo(workshop.get(2));
  }

  /** The design card's entry point: the same validated ScaledObject as the trigger-by-trigger path, and the YAML's. */
  @Test
  void shouldBuildTheWorkshopsScaledObjectFromTheRabbitmqEntryPoint() {
    var fromTheScaler = ScaledObjects.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queue("orders").queueLength(10)
        .authenticationRef("trigger-auth-rabbitmq-conn")
        .scaling("virtual-worker").named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60));
    var triggerByTrigger = ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"));

    assertThat(fromTheScaler.build()).isEqualTo(triggerByTrigger.build())
        .isEqualTo(WorkshopManifests.virtualWorkerScaledObject());
    assertThat(JsonTrees.treeOf(fromTheScaler.build())).isEqualTo(workshop.get(2));
  }

  @Test
  void shouldRenderExactlyWhatSerialisingTheBuiltObjectGives() {
    var definition = ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"));

    assertThat(definition.toJson()).isEqualTo(dev.autoscaling.manifest.Manifests.toJson(definition.build()));
    assertThat(definition.toYaml()).isEqualTo(dev.autoscaling.manifest.Manifests.toYaml(definition.build()));
    // and with every setting of the definition used
    var everything = ScaledObjects.scaling("virtual-worker").target("apps/v1", "StatefulSet", "db")
        .named("db-scaler").inNamespace("data")
        .minReplicas(1).maxReplicas(30).idleReplicas(0).pollingInterval(Duration.ofSeconds(15))
        .cooldownPeriod(Duration.ofMinutes(2))
        .trigger(new RabbitmqTrigger().named("orders").queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH)
            .value(10).authenticationRef("trigger-auth-rabbitmq-conn"))
        .trigger(new dev.autoscaling.keda.triggers.CpuTrigger().metricType("Utilization").value("70")
            .clusterAuthenticationRef("unused").useCachedMetrics(false));
    assertThat(everything.toJson()).isEqualTo(dev.autoscaling.manifest.Manifests.toJson(everything.buildUnchecked()))
        .contains("\"idleReplicaCount\":0", "\"kind\":\"StatefulSet\"", "\"kind\":\"ClusterTriggerAuthentication\"",
            "\"metricType\":\"Utilization\"", "\"useCachedMetrics\":false", "\"cooldownPeriod\":120");
    assertThatThrownBy(() -> definition.minReplicas(5).maxReplicas(2).toYaml())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MinReplicaCount=5 must be less than MaxReplicaCount=2");
  }

  @Test
  void shouldGiveEveryBuiltObjectItsOwnTriggers() {
    var definition = ScaledObjects.scaling("virtual-worker").named("w").inNamespace("pets")
        .trigger(new RabbitmqTrigger().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("trigger-auth-rabbitmq-conn"));
    var first = definition.build();
    first.getSpec().getTriggers().get(0).getMetadata().put("queueName", "changed");
    first.getSpec().getTriggers().get(0).getAuthenticationRef().setName("changed");

    var second = definition.build();

    assertThat(second.getSpec().getTriggers().get(0).getMetadata()).containsEntry("queueName", "orders");
    assertThat(second.getSpec().getTriggers().get(0).getAuthenticationRef().getName())
        .isEqualTo("trigger-auth-rabbitmq-conn");
  }

  @Test
  void shouldReportEveryProblemOfAScaledObjectAtOnce() {
    assertThatThrownBy(() -> ScaledObjects.scaling("virtual-worker").named("w").inNamespace("pets")
        .minReplicas(5).maxReplicas(2)
        .trigger(new RabbitmqTrigger().queueName("orders").metadata("queueLenght", "5")
            .host("amqp://keda:canary-s3cret@rabbitmq:5672"))
        .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.minReplicaCount: MinReplicaCount=5 must be less than MaxReplicaCount=2")
        .hasMessageContaining("spec.triggers[0].metadata[queueLenght]: queueLenght is not a parameter of the"
            + " rabbitmq scaler (KEDA would ignore it); did you mean queueLength?")
        .hasMessageContaining("spec.triggers[0].metadata[host]: the value carries credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("canary-s3cret"));
  }
}
