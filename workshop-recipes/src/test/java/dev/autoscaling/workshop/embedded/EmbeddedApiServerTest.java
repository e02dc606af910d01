package dev.autoscaling.workshop.embedded;

import dev.autoscaling.workshop.retry.KubernetesRetries;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The embedded API server's field ownership and injected faults, as a client sees them. */
class EmbeddedApiServerTest {

  private EmbeddedApiServer server;
  private KubernetesClient client;

  @BeforeEach
  void startServer() {
    server = EmbeddedApiServer.start();
    client = server.client();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** order-service as a client-side kubectl apply left it: every field its manager's. */
  private Deployment createdByKubectl() {
    Deployment created = client.apps().deployments().inNamespace("pets").resource(new DeploymentBuilder()
        .withNewMetadata().withName("order-service").withNamespace("pets").endMetadata()
        .withNewSpec().withReplicas(1).withMinReadySeconds(5).withNewSelector().addToMatchLabels("app", "order-service")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "order-service").endMetadata()
        .withNewSpec().addNewContainer().withName("order-service").withImage("order-service:1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
    server.ownField(created, ".spec.replicas", "kubectl-client-side-apply");
    server.ownField(created, ".spec.minReadySeconds", "kubectl-client-side-apply");
    return client.apps().deployments().inNamespace("pets").withName("order-service").get();
  }

  /** What the workshop would apply: only the fields it sets. */
  private static Deployment applied(int replicas, int minReadySeconds) {
    return new DeploymentBuilder().withNewMetadata().withName("order-service").withNamespace("pets").endMetadata()
        .withNewSpec().withReplicas(replicas).withMinReadySeconds(minReadySeconds).endSpec().build();
  }

  private Deployment live() {
    return client.apps().deployments().inNamespace("pets").withName("order-service").get();
  }

  @Test
  void shouldRefuseAnApplyOfAnotherManagersFieldWithTheApiServersConflictStatus() {
    // Given
    String version = createdByKubectl().getMetadata().getResourceVersion();

    // When replicas are applied with another value, without force
    KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class, () ->
        client.resource(applied(3, 5)).fieldManager("autoscaling-workshop").serverSideApply());

    // Then the 409 of k8s.io/apimachinery's NewConflictError; nothing stored
    assertThat(refused.getCode()).isEqualTo(409);
    Status status = refused.getStatus();
    assertThat(status.getStatus()).isEqualTo("Failure");
    assertThat(status.getReason()).isEqualTo("Conflict");
    assertThat(status.getMessage())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
    assertThat(status.getDetails().getCauses()).singleElement()
        .extracting(StatusCause::getReason, StatusCause::getMessage, StatusCause::getField)
        .containsExactly("FieldManagerConflict", "conflict with \"kubectl-client-side-apply\" using apps/v1",
            ".spec.replicas");
    assertThat(live().getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(live().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void shouldListEveryConflictByManagerAsTheApiServerDoes() {
    // Given two fields, with two managers
    Deployment created = createdByKubectl();
    server.ownField(created, ".spec.minReadySeconds", "kubectl-edit");

    // When
    KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class, () ->
        client.resource(applied(3, 10)).fieldManager("autoscaling-workshop").serverSideApply());

    // Then
    assertThat(refused.getStatus().getMessage()).isEqualTo("Apply failed with 2 conflicts:"
        + " conflicts with \"kubectl-client-side-apply\" using apps/v1:\n- .spec.replicas\n"
        + "conflicts with \"kubectl-edit\" using apps/v1:\n- .spec.minReadySeconds");
    assertThat(refused.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
        .containsExactlyInAnyOrder(".spec.replicas", ".spec.minReadySeconds");
  }

  @Test
  void shouldShareAFieldAppliedWithItsValueAndMoveItWhenForced() {
    // Given
    createdByKubectl();

    // When the same values are applied, then other ones with force
    client.resource(applied(1, 5)).fieldManager("autoscaling-workshop").serverSideApply();
    Map<String, List<String>> shared = specManagers(live());
    client.resource(applied(3, 5)).fieldManager("autoscaling-workshop").forceConflicts().serverSideApply();
    Map<String, List<String>> forced = specManagers(live());

    // Then
    assertThat(shared.get("replicas"))
        .containsExactlyInAnyOrder("kubectl-client-side-apply/Update", "autoscaling-workshop/Apply");
    assertThat(forced.get("replicas")).containsExactly("autoscaling-workshop/Apply");
    assertThat(forced.get("minReadySeconds"))
        .containsExactlyInAnyOrder("kubectl-client-side-apply/Update", "autoscaling-workshop/Apply");
    assertThat(live().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void shouldGiveAFieldToWhoeverChangesItWithAnUpdate() {
    // Given
    createdByKubectl();
    client.resource(applied(1, 5)).fieldManager("autoscaling-workshop").serverSideApply();

    // When kubectl scale changes replicas, and a patch changes nothing
    client.apps().deployments().inNamespace("pets").withName("order-service").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl").build(), "{\"spec\":{\"replicas\":4}}");
    String version = live().getMetadata().getResourceVersion();
    client.apps().deployments().inNamespace("pets").withName("order-service")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");

    // Then the updater owns it alone: an apply of another value now conflicts with it
    assertThat(specManagers(live()).get("replicas")).containsExactly("kubectl/Update");
    assertThat(live().getMetadata().getResourceVersion()).isEqualTo(version);
    KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class, () ->
        client.resource(applied(1, 5)).fieldManager("autoscaling-workshop").serverSideApply());
    assertThat(refused.getStatus().getDetails().getCauses()).singleElement()
        .extracting(StatusCause::getMessage).isEqualTo("conflict with \"kubectl\" using apps/v1");
  }

  @Test
  void shouldAnswerAFaultOnlyAsOftenAsAskedAndStoreNothingForIt() {
    // Given a client that does not retry, so that each fault reaches it
    KubernetesRetries noRetries = KubernetesRetries.of(0, Duration.ofMillis(10));
    try (KubernetesClient once = noRetries.newClient(server.config())) {
      server.faults().answer("POST", "/api/v1/namespaces/pets/configmaps", 503, 1);
      var configMap = new ConfigMapBuilder().withNewMetadata().withName("x").withNamespace("pets").endMetadata()
          .addToData("k", "v").build();

      // When
      KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
          () -> once.resource(configMap).create());
      boolean storedByTheFault = once.configMaps().inNamespace("pets").withName("x").get() != null;
      once.resource(configMap).create();

      // Then
      assertThat(refused.getCode()).isEqualTo(503);
      assertThat(refused.getStatus().getReason()).isEqualTo("ServiceUnavailable");
      assertThat(storedByTheFault).isFalse();
      assertThat(server.creates()).isEqualTo(1);
      assertThat(server.faults().injected()).isEqualTo(1);
      assertThat(noRetries.retried()).isEmpty();
      assertThat(noRetries.gaveUp()).isEqualTo(Map.of("503 Service Unavailable", 1));
    }
  }

  @Test
  void shouldComeBackWithWhatItStored() {
    // Given
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("x").withNamespace("pets").endMetadata()
        .build()).create();
    KubernetesRetries noRetries = KubernetesRetries.of(0, Duration.ofMillis(10));
    try (KubernetesClient once = noRetries.newClient(server.config())) {
      // When
      server.goAway();
      KubernetesClientException away = catchThrowableOfType(KubernetesClientException.class,
          () -> once.configMaps().inNamespace("pets").withName("x").get());
      server.comeBack();

      // Then
      assertThat(away).isNotNull();
      assertThat(once.configMaps().inNamespace("pets").withName("x").get()).isNotNull();
      assertThat(server.takeRequests()).filteredOn(r -> r.startsWith("GET /api/v1/namespaces/pets/configmaps/x"))
          .hasSize(1);
    }
  }

  /** For each field under spec, its managers as {@code name/operation}. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> specManagers(Deployment deployment) {
    Map<String, List<String>> managers = new java.util.TreeMap<>();
    for (ManagedFieldsEntry entry : deployment.getMetadata().getManagedFields()) {
      Object spec = entry.getFieldsV1().getAdditionalProperties().get("f:spec");
      if (spec instanceof Map<?, ?> fields) {
        for (Object key : fields.keySet()) {
          managers.computeIfAbsent(((String) key).substring(2), k -> new java.util.ArrayList<>())
              .add(entry.getManager() + "/" + entry.getOperation());
        }
      }
    }
    return managers;
  }
}
