package dev.autoscaling.workshop.client;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.manifest.ConditionTimeoutException;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KedaClient} against the CRUD mock API server: the test plays KEDA and writes the status it would. */
@EnableKubernetesMockClient(crud = true)
class KedaClientTest {

  private static final String NAME = "virtual-worker-rabbitmq-scaledobject";
  private static final String CHECK_FAILED = "ScaledObject doesn't have correct scaleTargetRef specification:"
      + " Target resource doesn't exist";

  KubernetesClient client;
  KubernetesMockServer server;

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
    MockServerWatches.await(server, "/apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects", 1,
        Duration.ofSeconds(10));
    boolean doneBeforeReady = ready.isDone();
    keda.scaledObjects().inNamespace("pets").withName("virtual-worker-rabbitmq-scaledobject")
        .editStatus(so -> new ScaledObjectBuilder(so).withNewStatus()
            .addNewCondition().withType("Ready").withStatus("True").withReason("ScaledObjectReady").endCondition()
            .withHpaName("keda-hpa-virtual-worker-rabbitmq-scaledobject")
            .endStatus().build());

    // Then
    assertThat(doneBeforeReady).isFalse();
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
    MockServerWatches.await(server, "/apis/autoscaling/v2/namespaces/pets/horizontalpodautoscalers", 1,
        Duration.ofSeconds(10));
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("pets").resource(
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata().withName("keda-hpa-virtual-worker-rabbitmq-scaledobject").endMetadata()
            .withNewSpec().withMinReplicas(1).withMaxReplicas(100).withNewScaleTargetRef().withApiVersion("apps/v1")
            .withKind("Deployment").withName("virtual-worker").endScaleTargetRef().endSpec().build()).create();

    // Then
    assertThat(hpa.get(10, TimeUnit.SECONDS).getSpec().getScaleTargetRef().getName()).isEqualTo("virtual-worker");
  }

  @Test
  void shouldNameTheReadyConditionKedaReportsWhenTimeRunsOut() {
    // Given a ScaledObject KEDA could not make work
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();
    setReady(keda, "False", "ScaledObjectCheckFailed", CHECK_FAILED);

    // When / Then
    assertThatThrownBy(() -> keda.waitUntilScaledObjectReady("pets", NAME, Duration.ofMillis(500)))
        .isInstanceOf(ConditionTimeoutException.class).isInstanceOf(KubernetesClientTimeoutException.class)
        .hasMessage("ScaledObject pets/" + NAME + " was not Ready within 500ms; last seen: Ready=False"
            + " (ScaledObjectCheckFailed: " + CHECK_FAILED + ")")
        .satisfies(e -> assertThat(((KubernetesClientTimeoutException) e).getResourcesNotReady())
            .extracting(r -> r.getMetadata().getName()).containsExactly(NAME));
  }

  @Test
  void shouldSayWhenTheScaledObjectWaitedForNeverExisted() {
    KedaClient keda = client.adapt(KedaClient.class);

    assertThatThrownBy(() -> keda.waitUntilScaledObjectReady("pets", "virtual-worker-typo", Duration.ofMillis(300)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessage("ScaledObject pets/virtual-worker-typo was not found within 300ms: are the name and the"
            + " namespace right?")
        .satisfies(e -> assertThat(((KubernetesClientTimeoutException) e).getResourcesNotReady()).isEmpty());
  }

  @Test
  void shouldSayThatKedaHasNotSeenAScaledObjectWithoutConditions() {
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();

    assertThatThrownBy(() -> keda.waitUntilScaledObjectReady("pets", NAME, Duration.ofMillis(300)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessage("ScaledObject pets/" + NAME + " was not Ready within 300ms; last seen: no status conditions yet");
  }

  @Test
  void shouldNameTheExpectedHpaAndWhyKedaHasNotMadeItWhenTimeRunsOut() {
    // Given a ScaledObject whose HPA gets a custom name, and that KEDA reports not Ready
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(new ScaledObjectBuilder(
        WorkshopManifests.virtualWorkerScaledObject()).editSpec().withNewAdvanced()
        .withNewHorizontalPodAutoscalerConfig().withName("virtual-worker-hpa").endHorizontalPodAutoscalerConfig()
        .endAdvanced().endSpec().build()).create();
    setReady(keda, "False", "ScaledObjectCheckFailed", CHECK_FAILED);

    // When / Then
    assertThatThrownBy(() -> keda.waitUntilHpaCreated("pets", NAME, Duration.ofMillis(500)))
        .isInstanceOf(ConditionTimeoutException.class).isInstanceOf(KubernetesClientTimeoutException.class)
        .hasMessage("HorizontalPodAutoscaler pets/virtual-worker-hpa (KEDA's HPA for ScaledObject " + NAME
            + ") was not created within 500ms; the ScaledObject reports Ready=False (ScaledObjectCheckFailed: "
            + CHECK_FAILED + ")")
        .satisfies(e -> assertThat(((KubernetesClientTimeoutException) e).getResourcesNotReady())
            .extracting(r -> r.getMetadata().getName()).containsExactly(NAME));
  }

  @Test
  void shouldNameKedasDefaultHpaNameWhenTheHpaNeverAppears() {
    KedaClient keda = client.adapt(KedaClient.class);
    keda.scaledObjects().inNamespace("pets").resource(WorkshopManifests.virtualWorkerScaledObject()).create();

    assertThatThrownBy(() -> keda.waitUntilHpaCreated("pets", NAME, Duration.ofMillis(300)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessageStartingWith("HorizontalPodAutoscaler pets/keda-hpa-" + NAME + " (KEDA's HPA for ScaledObject "
            + NAME + ") was not created within 300ms; the ScaledObject reports no status conditions yet");
  }

  private static void setReady(KedaClient keda, String status, String reason, String message) {
    keda.scaledObjects().inNamespace("pets").withName(NAME).editStatus(so -> new ScaledObjectBuilder(so)
        .withNewStatus().addNewCondition().withType("Ready").withStatus(status).withReason(reason)
        .withMessage(message).endCondition().endStatus().build());
  }
}
