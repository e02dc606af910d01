package dev.autoscaling.workshop;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.embedded.ApiFaults;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.retry.KubernetesRetries;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workshop run} against an API server that conflicts, throttles, fails and goes away: the embedded one with
 * field ownership and injected faults. Request counts show that nothing is written twice and nothing is lost.
 */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class WorkshopFaultsTest {

  private static final WorkshopConfig CONFIG = WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED);
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/pets/deployments/";
  private static final String ORDER_SERVICE = DEPLOYMENTS + "order-service";
  private static final String SCALED_OBJECT = "/apis/keda.sh/v1alpha1/namespaces/pets/scaledobjects/"
      + WorkshopManifests.SCALED_OBJECT;

  private EmbeddedApiServer server;
  private KubernetesRetries retries;
  private KubernetesClient client;

  @BeforeEach
  void startServer() {
    server = EmbeddedApiServer.start();
    // a short first interval: the bound is what is tested, not the waiting
    retries = KubernetesRetries.of(3, Duration.ofMillis(20));
    client = retries.newClient(server.config());
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  private WorkshopContext context() {
    return WorkshopContext.withoutControllers(CONFIG, client).withRetries(retries);
  }

  private RunReport run(String from, String to) {
    return Workshop.of(CONFIG).run(context(), ProgressStore.inMemory(), from, to);
  }

  private ScaledObject scaledObject() {
    return client.resources(ScaledObject.class).inNamespace("pets").withName(WorkshopManifests.SCALED_OBJECT).get();
  }

  /** What someone did with kubectl edit: KEDA's polling interval cut from 60 s to 15 s, under their own manager. */
  private void changePollingIntervalAsSomeoneElse() {
    client.resources(ScaledObject.class).inNamespace("pets").withName(WorkshopManifests.SCALED_OBJECT)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"pollingInterval\":15}}");
    server.ownField(scaledObject(), ".spec.pollingInterval", "kubectl-edit");
  }

  @Test
  void shouldNameTheOtherFieldManagerAndTheFieldWhenAnApplyConflicts() {
    // Given
    assertThat(run("keda-scaler", "keda-scaler").succeeded()).isTrue();
    changePollingIntervalAsSomeoneElse();
    int updates = server.updates();
    server.takeRequests();

    // When the workshop applies its ScaledObject again (pollingInterval 60)
    RunReport report = run("keda-scaler", "keda-scaler");

    // Then the API server refused it, and the error says who manages what and how to take over
    assertThat(report.succeeded()).isFalse();
    assertThat(report.steps()).singleElement().extracting(StepRun::error).asString()
        .startsWith("scaledobject/" + WorkshopManifests.SCALED_OBJECT + " -n pets: not applied: .spec.pollingInterval"
            + " is managed by \"kubectl-edit\" using keda.sh/v1alpha1, with another value than the workshop's.")
        .contains("Run again with --force-conflicts to take it over").doesNotContain("\n");
    List<String> patches = patches(server.takeRequests(), SCALED_OBJECT);
    assertThat(patches).singleElement().satisfies(p -> assertThat(p).doesNotContain("force=true"));
    assertThat(server.updates()).isEqualTo(updates);
    assertThat(scaledObject().getSpec().getPollingInterval()).isEqualTo(15);
  }

  @Test
  void shouldTakeTheFieldOverWithForceConflicts() {
    // Given
    run("keda-scaler", "keda-scaler");
    changePollingIntervalAsSomeoneElse();
    int updates = server.updates();
    server.takeRequests();

    // When
    RunReport report = Workshop.of(CONFIG).run(context().forcingConflicts(), ProgressStore.inMemory(), "keda-scaler",
        "keda-scaler");

    // Then one forced apply, one stored write, and the field is the workshop's
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(patches(server.takeRequests(), SCALED_OBJECT)).singleElement()
        .satisfies(p -> assertThat(p).contains("fieldManager=autoscaling-workshop", "force=true"));
    assertThat(server.updates()).isEqualTo(updates + 1);
    ScaledObject taken = scaledObject();
    assertThat(taken.getSpec().getPollingInterval()).isEqualTo(60);
    assertThat(managersOf(taken, "pollingInterval")).containsExactly("autoscaling-workshop/Apply");
  }

  @Test
  void shouldLeaveReplicasToTheHpaWhenTheStoreIsAppliedAgain() {
    // Given the store, then KEDA's HPA scaling virtual-worker to 3 (kube-controller-manager manages the field)
    assertThat(run("store", "store").succeeded()).isTrue();
    client.apps().deployments().inNamespace("pets").withName("virtual-worker")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
    server.ownField(client.apps().deployments().inNamespace("pets").withName("virtual-worker").get(),
        ".spec.replicas", "kube-controller-manager");
    server.takeRequests();

    // When the store is applied again, unchanged, then with a newer virtual-worker image
    RunReport again = run("store", "store");
    List<String> againRequests = server.takeRequests();
    String newer = StoreManifest.read(StoreManifest.BUNDLED)
        .replace("virtual-worker:2.2.0", "virtual-worker:2.3.0");
    RunReport upgraded = Workshop.of(CONFIG, newer).run(context(), ProgressStore.inMemory(), "store", "store");
    List<String> upgradeRequests = server.takeRequests();

    // Then no conflict and no write for replicas: the HPA keeps them; the image change is one apply without them
    assertThat(again.succeeded()).as(again.toString()).isTrue();
    assertThat(writes(againRequests)).isEmpty();
    assertThat(upgraded.succeeded()).as(upgraded.toString()).isTrue();
    assertThat(writes(upgradeRequests)).singleElement().asString().startsWith("PATCH " + DEPLOYMENTS + "virtual-worker?");
    Deployment worker = client.apps().deployments().inNamespace("pets").withName("virtual-worker").get();
    assertThat(worker.getSpec().getReplicas()).isEqualTo(3);
    assertThat(worker.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":2.3.0");
    assertThat(managersOf(worker, "replicas")).containsExactly("kube-controller-manager/Update");
    // the other workloads' replicas are still the workshop's alone, so it kept applying them (no reset to 1)
    assertThat(managersOf(client.apps().deployments().inNamespace("pets").withName("order-service").get(),
        "replicas")).containsExactly("autoscaling-workshop/Apply");
  }

  @Test
  void shouldRetryTooManyRequestsAfterRetryAfterAndCountTheRetries() {
    // Given the API server throttles the first two applies of order-service
    server.faults().answerTooManyRequests("PATCH", ORDER_SERVICE, 1, 2);
    server.takeRequests();
    long started = System.nanoTime();

    // When
    RunReport report = run("store", "store");

    // Then
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(report.retries()).isEqualTo(Map.of("429 Too Many Requests", 2));
    List<String> requests = server.takeRequests();
    assertThat(patches(requests, ORDER_SERVICE)).hasSize(3);
    // one stored write per object: the throttled PATCHes stored nothing
    int objects = Workshop.of(CONFIG).range("store", "store").get(0).plan().manifests().size();
    assertThat(writes(requests)).hasSize(objects + 2);
    assertThat(server.creates()).isEqualTo(objects);
    assertThat(server.updates()).isZero();
    // each retry waited for Retry-After: 1 (fabric8 alone would have waited 20 and 40 ms)
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRetryServiceUnavailableAndStoreEachObjectOnce() {
    // Given
    server.faults().answer("PATCH", SCALED_OBJECT, 503, 2);
    server.takeRequests();

    // When
    RunReport report = run("keda-scaler", "keda-scaler");

    // Then 3 objects, 5 PATCHes, 3 stored
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(report.retries()).isEqualTo(Map.of("503 Service Unavailable", 2));
    List<String> requests = server.takeRequests();
    assertThat(patches(requests, SCALED_OBJECT)).hasSize(3);
    assertThat(writes(requests)).hasSize(5);
    assertThat(server.creates()).isEqualTo(3);
    assertThat(server.faults().injected()).isEqualTo(2);
  }

  @Test
  void shouldFailTheStepAfterTheBoundWhenTheServerKeepsFailing(@TempDir Path dir) {
    // Given
    server.faults().answer("PATCH", ORDER_SERVICE, 500, ApiFaults.ALWAYS);
    Path progressFile = dir.resolve("progress.json");
    server.takeRequests();

    // When
    RunReport report = Workshop.of(CONFIG).run(context(), ProgressStore.file(progressFile), "store", "keda-scaler");

    // Then the request was sent once and retried 3 times, and the step failed with one line saying so
    assertThat(report.succeeded()).isFalse();
    assertThat(report.steps()).singleElement().extracting(StepRun::step, StepRun::error).containsExactly("store",
        "the Kubernetes API answered 500 (Internal error occurred: injected by the embedded API server) to PATCH "
            + ORDER_SERVICE + ", also after 3 retries with backoff; when it answers again, workshop run resumes at"
            + " store");
    assertThat(patches(server.takeRequests(), ORDER_SERVICE)).hasSize(retries.limit() + 1);
    assertThat(report.retries()).isEqualTo(Map.of("500 Internal Server Error", 3));
    assertThat(retries.gaveUp()).isEqualTo(Map.of("500 Internal Server Error", 1));
    assertThat(ProgressStore.file(progressFile).failed()).isEqualTo("store");
  }

  @Test
  void shouldResumeAtTheStepTheServerWentAwayInAndWriteNothingTwice(@TempDir Path dir) {
    // Given the API server goes away when order-service is applied, in the middle of the store step
    server.faults().goAwayAt("PATCH", ORDER_SERVICE);
    Path progressFile = dir.resolve("progress.json");
    server.takeRequests();
    RunReport first = Workshop.of(CONFIG).run(context(), ProgressStore.file(progressFile), null, "keda-scaler");
    List<String> firstRequests = server.takeRequests();

    // When it answers again and the workshop runs again, from where the progress file says
    server.comeBack();
    ProgressStore progress = ProgressStore.file(progressFile);
    RunReport second = Workshop.of(CONFIG).run(context(), progress, null, "keda-scaler");
    List<String> secondRequests = server.takeRequests();

    // Then the first run ended with one line, the step marked failed
    assertThat(first.succeeded()).isFalse();
    assertThat(first.steps()).extracting(StepRun::step).containsExactly("prerequisites", "environment", "store");
    assertThat(first.steps()).last().satisfies(run -> {
      assertThat(run.step()).isEqualTo("store");
      assertThat(run.error()).startsWith("the Kubernetes API at " + server.url() + " stopped answering (")
          .endsWith(") during patch of deployment/order-service -n pets, also after 3 retries with backoff; when it"
              + " answers again, workshop run resumes at store")
          .doesNotContain("\n");
    });
    // the second run resumed at store and wrote only what the first had not
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(second.steps()).extracting(StepRun::step).containsExactly("store", "keda-scaler");
    Set<String> appliedFirst = paths(writes(firstRequests));
    appliedFirst.remove(ORDER_SERVICE);
    Set<String> appliedSecond = paths(writes(secondRequests));
    List<HasMetadata> store = Workshop.of(CONFIG).range("store", "store").get(0).plan().manifests();
    long before = store.stream().takeWhile(o -> !o.getMetadata().getName().equals("order-service")).count();
    assertThat(appliedFirst).hasSize((int) before).doesNotContainAnyElementsOf(appliedSecond);
    assertThat(appliedSecond).contains(ORDER_SERVICE, SCALED_OBJECT);
    assertThat(writes(secondRequests)).hasSameSizeAs(appliedSecond);
    long objects = Workshop.of(CONFIG).range("store", "keda-scaler").stream()
        .mapToLong(s -> s.plan().manifests().size()).sum();
    assertThat(server.creates()).isEqualTo(objects);
    assertThat(server.updates()).isZero();
    assertThat(ProgressStore.file(progressFile).completed()).contains("store", "keda-scaler");
  }

  private static List<String> writes(List<String> requests) {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  private static List<String> patches(List<String> requests, String path) {
    return requests.stream().filter(r -> r.startsWith("PATCH " + path + "?")).toList();
  }

  private static Set<String> paths(List<String> requests) {
    return requests.stream().map(r -> r.substring(r.indexOf(' ') + 1).split("\\?")[0])
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The managers of {@code spec.<field>} in the object's managedFields, as {@code name/operation}. */
  @SuppressWarnings("unchecked")
  private static List<String> managersOf(HasMetadata object, String specField) {
    return object.getMetadata().getManagedFields().stream()
        .filter(e -> e.getFieldsV1() != null && e.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map
            && ((Map<String, Object>) e.getFieldsV1().getAdditionalProperties().get("f:spec"))
            .containsKey("f:" + specField))
        .map(e -> e.getManager() + "/" + e.getOperation()).toList();
  }
}
