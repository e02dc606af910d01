package dev.autoscaling.workshop.step;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification against an API server where a controller acts: here the test plays KEDA, a little after the
 * step applied its objects. The step waits with watches, not with sleeps or polling.
 */
class VerifyWithControllersTest {

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

  /** What KEDA does for a new ScaledObject: Ready=True, and an HPA named keda-hpa-<name>. */
  private void actAsKeda(long afterMillis) {
    CompletableFuture.runAsync(this::actAsKeda, CompletableFuture.delayedExecutor(afterMillis, TimeUnit.MILLISECONDS));
  }

  private void actAsKeda() {
    {
      ScaledObject so = client.resources(ScaledObject.class).inNamespace("pets")
          .withName(WorkshopManifests.SCALED_OBJECT).get();
      so.setStatus(new dev.autoscaling.keda.api.v1alpha1.ScaledObjectStatusBuilder()
          .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
      client.resource(so).update();
      client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("pets").resource(
          new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("keda-hpa-" + WorkshopManifests.SCALED_OBJECT)
              .endMetadata().withNewSpec().withMinReplicas(1).withMaxReplicas(100).withNewScaleTargetRef()
              .withKind("Deployment").withName("virtual-worker").withApiVersion("apps/v1").endScaleTargetRef()
              .endSpec().build()).create();
    }
  }

  @Test
  void shouldPassOnceKedaReportsReadyAndCreatesTheHpa() {
    // Given
    WorkshopConfig config = WorkshopConfig.defaults().withTimeout(Duration.ofSeconds(20));
    KedaScalerStep step = new KedaScalerStep(config);
    WorkshopContext context = WorkshopContext.cluster(config, client);
    StepOutcome applied = step.apply(context);
    server.takeRequests();

    // When
    actAsKeda(500);
    Verification verification = step.verify(context);

    // Then
    assertThat(applied.writes()).isEqualTo(3);
    assertThat(verification.checks()).extracting(Verification.Check::status).containsOnly(Verification.Status.PASSED);
    assertThat(verification.checks()).extracting(Verification.Check::what)
        .contains("ScaledObject Ready", "HPA keda-hpa-" + WorkshopManifests.SCALED_OBJECT + " created");
    List<String> requests = server.takeRequests();
    // the ScaledObject was not Ready at first: its wait watched (the HPA wait may find it in its first list)
    assertThat(requests).anyMatch(r -> r.contains("watch=true") && r.contains("scaledobjects"));
    // reads: the 3 stored-as-written checks plus one list per wait; the rest is KEDA's (the test's) own traffic
    long reads = requests.stream().filter(r -> r.startsWith("GET ") && !r.contains("watch=true")).count();
    assertThat(reads).isLessThanOrEqualTo(3 + 2 + 2);
  }

  @Test
  void shouldKeepWaitingForReadyWhenTheServerClosesTheWatchAndApplyOnlyOnce() throws Exception {
    // Given the step applied its objects and waits for KEDA
    WorkshopConfig config = WorkshopConfig.defaults().withTimeout(Duration.ofSeconds(30));
    KedaScalerStep step = new KedaScalerStep(config);
    WorkshopContext context = WorkshopContext.cluster(config, client);
    server.takeRequests();
    step.apply(context);
    String scaledObjects = "/apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects";
    CompletableFuture<Verification> verified = CompletableFuture.supplyAsync(() -> step.verify(context));
    assertThat(server.awaitWatches(scaledObjects, 1, Duration.ofSeconds(20))).isTrue();

    // When the server closes that watch mid-wait, and KEDA answers only once the client watches again
    assertThat(server.faults().closeWatches(scaledObjects)).isEqualTo(1);
    assertThat(server.awaitWatches(scaledObjects, 2, Duration.ofSeconds(20))).isTrue();
    boolean doneBeforeKeda = verified.isDone();
    actAsKeda();
    Verification verification = verified.get(30, TimeUnit.SECONDS);

    // Then the wait resumed and passed, and the ScaledObject was applied once, before the wait
    assertThat(doneBeforeKeda).isFalse();
    assertThat(verification.checks()).extracting(Verification.Check::status).containsOnly(Verification.Status.PASSED);
    List<String> requests = server.takeRequests();
    assertThat(requests).filteredOn(r -> r.startsWith("PATCH " + scaledObjects + "/")).singleElement().asString()
        .startsWith("PATCH " + scaledObjects + "/" + WorkshopManifests.SCALED_OBJECT + "?fieldManager=");
    assertThat(requests).filteredOn(r -> r.startsWith("GET " + scaledObjects + "?") && r.contains("watch=true"))
        .hasSize(2);
  }

  @Test
  void shouldFailWithEvidenceWhenNoKedaAnswersInTime() {
    // Given
    WorkshopConfig config = WorkshopConfig.defaults().withTimeout(Duration.ofSeconds(1));
    KedaScalerStep step = new KedaScalerStep(config);
    WorkshopContext context = WorkshopContext.cluster(config, client);
    step.apply(context);

    // When
    Verification verification = step.verify(context);

    // Then
    assertThat(verification.failed()).isTrue();
    assertThat(verification.checks()).filteredOn(c -> c.status() == Verification.Status.FAILED).singleElement()
        .satisfies(c -> assertThat(c.evidence()).isNotBlank());
  }

  @Test
  void shouldReportTheStoreUrlOnceTheLoadBalancerHasAnIp() {
    // Given only the store-front Service, as a cloud would see it
    WorkshopConfig config = WorkshopConfig.defaults().withTimeout(Duration.ofSeconds(20));
    String service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: store-front
        spec:
          type: LoadBalancer
          ports:
          - port: 80
          selector:
            app: store-front
        """;
    StoreStep step = new StoreStep(config, service);
    WorkshopContext context = WorkshopContext.cluster(config, client);
    step.apply(context);

    // When the cloud assigns an address a little later
    CompletableFuture.runAsync(() -> {
      var svc = client.services().inNamespace("pets").withName("store-front").get();
      svc.setStatus(new io.fabric8.kubernetes.api.model.ServiceStatusBuilder().withNewLoadBalancer()
          .addNewIngress().withIp("20.1.2.3").endIngress().endLoadBalancer().build());
      client.resource(svc).update();
    }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    Verification verification = step.verify(context);

    // Then
    assertThat(verification.checks()).filteredOn(c -> c.what().endsWith("external IP")).singleElement()
        .extracting(Verification.Check::status, Verification.Check::evidence)
        .containsExactly(Verification.Status.PASSED, "http://20.1.2.3");
    assertThat(Map.of("failed", verification.failed())).containsEntry("failed", false);
  }
}
