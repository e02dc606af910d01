package dev.autoscaling.workshop.client;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KedaClientTest {

  KubernetesClient client;

  @Test
  void shouldAdaptAndManageTheWorkshopsKedaObjectsInTheirNamespace() {
    // Given
    KedaClient keda = client.adapt(KedaClient.class);

    // When
    keda.triggerAuthentications().inNamespace("pets").resource(WorkshopManifests.rabbitMqTriggerAuthentication())
        .create();
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();

    // Then
    assertThat(keda.scaledObjects().inNamespace("pets").list().getItems())
        .extracting(s -> s.getMetadata().getName()).containsExactly("virtual-worker-rabbitmq-scaledobject");
    assertThat(keda.scaledObjects().inNamespace("other").list().getItems()).isEmpty();
    assertThat(keda.triggerAuthentications().inNamespace("pets").withName("trigger-auth-rabbitmq-conn").get()
        .getSpec().getSecretTargetRef()).hasSize(1);
  }

  @Test
  void shouldWaitUntilKedaReportsTheScaledObjectReady() throws Exception {
    // Given
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();

    // When KEDA (here: the test) marks it Ready a little later
    CompletableFuture<ScaledObject> ready = CompletableFuture.supplyAsync(() -> keda.waitUntilScaledObjectReady(
        "pets", "virtual-worker-rabbitmq-scaledobject", Duration.ofSeconds(10)));
    TimeUnit.MILLISECONDS.sleep(300);
    keda.scaledObjects().inNamespace("pets").withName("virtual-worker-rabbitmq-scaledobject")
        .editStatus(so -> new ScaledObjectBuilder(so).withNewStatus()
            .addNewCondition().withType("Ready").withStatus("True").withReason("ScaledObjectReady").endCondition()
            .withHpaName("keda-hpa-virtual-worker-rabbitmq-scaledobject")
            .endStatus().build());

    // Then
    assertThat(ready.get(10, TimeUnit.SECONDS).getStatus().getHpaName())
        .isEqualTo("keda-hpa-virtual-worker-rabbitmq-scaledobject");
  }

  @Test
  void shouldWaitForTheHpaKedaCreates() throws Exception {
    // Given
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();

    // When KEDA (here: the test) creates its HPA a little later
    var hpa = CompletableFuture.supplyAsync(() -> keda.waitUntilHpaCreated("pets",
        "virtual-worker-rabbitmq-scaledobject", Duration.ofSeconds(10)));
    TimeUnit.MILLISECONDS.sleep(300);
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("pets").resource(
        new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder()
            .withNewMetadata().withName("keda-hpa-virtual-worker-rabbitmq-scaledobject").endMetadata()
            .withNewSpec().withMinReplicas(1).withMaxReplicas(100).withNewScaleTargetRef().withApiVersion("apps/v1")
            .withKind("Deployment").withName("virtual-worker").endScaleTargetRef().endSpec().build()).create();

    // Then
    assertThat(hpa.get(10, TimeUnit.SECONDS).getSpec().getScaleTargetRef().getName()).isEqualTo("virtual-worker");
  }
}
