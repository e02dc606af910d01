package dev.autoscaling.workshop;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.progress.ProgressStore;
import dev.autoscaling.workshop.step.StepRun;
import dev.autoscaling.workshop.step.Verification;
import dev.autoscaling.workshop.step.WorkshopContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole workshop against the embedded API server: idempotent, resumable, within its request budget. */
// Also exercises the deprecated names, which stay working for existing callers.
@SuppressWarnings("deprecation")
class WorkshopRunTest {

  private static final WorkshopConfig CONFIG = WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED);

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

  private WorkshopContext context() {
    return WorkshopContext.withoutControllers(CONFIG, client);
  }

  /** Every object the workshop owns in the cluster, by kind/namespace/name, with its resourceVersion. */
  private Map<String, String> clusterState() {
    Stream<HasMetadata> objects = Stream.of(
        client.namespaces().list().getItems().stream(),
        client.apps().deployments().inAnyNamespace().list().getItems().stream(),
        client.apps().statefulSets().inAnyNamespace().list().getItems().stream(),
        client.services().inAnyNamespace().list().getItems().stream(),
        client.secrets().inAnyNamespace().list().getItems().stream(),
        client.configMaps().inAnyNamespace().list().getItems().stream(),
        client.resources(ScaledObject.class).inAnyNamespace().list().getItems().stream(),
        client.resources(dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication.class).inAnyNamespace().list()
            .getItems().stream(),
        client.resources(dev.autoscaling.karpenter.api.v1.NodePool.class).list().getItems().stream(),
        client.resources(dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass.class).list().getItems().stream())
        .flatMap(s -> s.map(HasMetadata.class::cast));
    return objects.collect(Collectors.toMap(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
        + o.getMetadata().getName(), o -> o.getMetadata().getResourceVersion(), (a, b) -> a, TreeMap::new));
  }

  @Test
  void shouldRunEveryStepWithoutControllersAndSayWhichChecksCouldNotBeMade() {
    // Given
    Workshop workshop = Workshop.of(CONFIG);

    // When
    RunReport report = workshop.run(context(), ProgressStore.inMemory(), null, null);

    // Then
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(report.steps()).extracting(StepRun::step).containsExactlyElementsOf(workshop.stepIds());
    assertThat(report.checks(Verification.Status.FAILED)).isZero();
    assertThat(report.checks(Verification.Status.PASSED)).isGreaterThan(20);
    assertThat(report.checks(Verification.Status.NOT_OBSERVABLE)).isGreaterThan(5);
    ScaledObject scaledObject = client.resources(ScaledObject.class).inNamespace("pets")
        .withName(WorkshopManifests.SCALED_OBJECT).get();
    assertThat(scaledObject.getSpec().getTriggers().get(0).getMetadata()).containsEntry("value", "10");
    assertThat(client.apps().deployments().inNamespace("pets").withName("virtual-customer").get().getSpec()
        .getReplicas()).isEqualTo(4);
    // the v2 step moved arm-nodepool onto the Azure Linux class
    assertThat(client.resources(dev.autoscaling.karpenter.api.v1.NodePool.class).withName("arm-nodepool").get()
        .getSpec().getTemplate().getSpec().getNodeClassRef().getName()).isEqualTo("default-azurelinux");
  }

  @Test
  void shouldCreateNothingAndChangeNothingOnASecondFullRun() {
    // Given
    Workshop workshop = Workshop.of(CONFIG);
    workshop.run(context(), ProgressStore.inMemory(), null, null);
    Map<String, String> before = clusterState();
    int creates = server.creates();
    int updates = server.updates();

    // When
    RunReport second = workshop.run(context(), ProgressStore.inMemory(), null, null);

    // Then
    assertThat(second.succeeded()).isTrue();
    assertThat(second.writes()).isZero();
    assertThat(server.creates()).isEqualTo(creates);
    assertThat(server.updates()).isEqualTo(updates);
    assertThat(clusterState()).isEqualTo(before).hasSizeGreaterThan(20);
  }

  @Test
  void shouldResumeAtTheStepThatFailed(@TempDir Path dir) {
    // Given a store manifest without virtual-customer: the load step cannot scale it
    String store = StoreManifest.read(StoreManifest.BUNDLED);
    String withoutCustomer = Stream.of(store.split("(?m)^---\\s*$"))
        .filter(doc -> !doc.contains("name: virtual-customer\n")).collect(Collectors.joining("---\n"));
    Path progressFile = dir.resolve("progress.json");
    RunReport failed = Workshop.of(CONFIG, withoutCustomer).run(context(), ProgressStore.file(progressFile), null,
        null);
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.steps()).last().extracting(StepRun::step, StepRun::error)
        .containsExactly("load", "deployment virtual-customer -n pets not found: run the store step first"
            + " (workshop run --from store)");

    // When the store is complete again and the run is started anew, from a fresh progress store on the same file
    ProgressStore progress = ProgressStore.file(progressFile);
    assertThat(progress.failed()).isEqualTo("load");
    client.apps().deployments().inNamespace("pets").resource(
        StoreManifest.objects(store, "pets").stream().filter(o -> o.getMetadata().getName().equals("virtual-customer"))
            .map(io.fabric8.kubernetes.api.model.apps.Deployment.class::cast).findFirst().orElseThrow()).create();
    RunReport resumed = Workshop.of(CONFIG, store).run(context(), progress, null, null);

    // Then
    assertThat(resumed.steps()).extracting(StepRun::step).first().isEqualTo("load");
    assertThat(resumed.succeeded()).isTrue();
    assertThat(ProgressStore.file(progressFile).completed()).containsAll(Workshop.of(CONFIG, store).stepIds());
  }

  @Test
  void shouldSpendOneWritePerObjectAndNoCreateOnTheSecondRun() {
    // Given
    Workshop workshop = Workshop.of(CONFIG);
    server.takeRequests();

    // When
    RunReport first = workshop.run(context(), ProgressStore.inMemory(), "store", "azure-linux");
    List<String> firstRequests = server.takeRequests();
    RunReport second = workshop.run(context(), ProgressStore.inMemory(), "store", "azure-linux");
    List<String> secondRequests = server.takeRequests();

    // Then
    long objects = workshop.range("store", "azure-linux").stream()
        .mapToLong(s -> s.plan().manifests().size()).sum();
    List<String> firstWrites = writes(firstRequests);
    // every manifest object once, plus the load step's scale; arm-nodepool is applied twice (v1, then v2)
    assertThat(firstWrites).hasSize((int) objects + 1);
    assertThat(firstWrites).allMatch(r -> r.startsWith("PATCH "));
    assertThat(first.writes()).isEqualTo(firstWrites.size());
    assertThat(writes(secondRequests)).isEmpty();
    assertThat(second.writes()).isZero();
    System.out.printf("request budget, Kubernetes-side steps (store..azure-linux), %d objects:%n"
            + "  first run:  %d requests, %d writes (%s)%n  second run: %d requests, %d writes%n", objects,
        firstRequests.size(), firstWrites.size(), countByMethod(firstRequests), secondRequests.size(),
        writes(secondRequests).size());
  }

  private static List<String> writes(List<String> requests) {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  private static Map<String, Long> countByMethod(List<String> requests) {
    return requests.stream().collect(Collectors.groupingBy(r -> r.substring(0, r.indexOf(' ')), TreeMap::new,
        Collectors.counting()));
  }
}
