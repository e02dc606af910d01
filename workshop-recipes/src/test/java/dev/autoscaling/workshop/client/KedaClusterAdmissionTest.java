package dev.autoscaling.workshop.client;

import dev.autoscaling.keda.KedaAdmission;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KEDA's admission rules that read the cluster (#1–#5), against objects created in the mock API server: each rule
 * rejects, and each has a look-alike it must let through.
 */
@EnableKubernetesMockClient(crud = true)
class KedaClusterAdmissionTest {

  private static final String NS = "pets";

  KubernetesClient client;

  /** A ScaledObject valid on its own: rabbitmq on Deployment {@code target}, one to ten replicas. */
  private static ScaledObjectBuilder scaledObject(String name, String target) {
    return new ScaledObjectBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withNewScaleTargetRef().withName(target).endScaleTargetRef()
        .withMinReplicaCount(1).withMaxReplicaCount(10)
        .addNewTrigger().withType("rabbitmq").withName("queue").addToMetadata("queueName", "orders")
        .addToMetadata("mode", "QueueLength").addToMetadata("value", "10").endTrigger()
        .endSpec();
  }

  private static ScaledObjectBuilder cpuScaledObject(String target, String containerName) {
    ScaledObjectBuilder so = scaledObject("worker", target);
    return so.editSpec().addNewTrigger().withType("cpu").withMetricType("Utilization")
        .addToMetadata("value", "60")
        .addToMetadata(containerName == null ? Map.of() : Map.of("containerName", containerName))
        .endTrigger().endSpec();
  }

  private List<Violation> errors(ScaledObject so) {
    return KedaAdmission.checkInCluster(client, so).stream().filter(Violation::isError).toList();
  }

  private void create(ScaledObject so) {
    client.resources(ScaledObject.class).inNamespace(NS).resource(so).create();
  }

  private void createDeployment(String name, ContainerBuilder... containers) {
    client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().withContainers(java.util.Arrays.stream(containers).map(ContainerBuilder::build).toList())
        .endSpec().endTemplate().endSpec().build()).create();
  }

  private static ContainerBuilder container(String name, Map<String, String> requests, Map<String, String> limits) {
    ContainerBuilder c = new ContainerBuilder().withName(name).withImage("example/" + name);
    c.withNewResources().endResources();
    requests.forEach((k, v) -> c.editResources().addToRequests(k, new Quantity(v)).endResources());
    limits.forEach((k, v) -> c.editResources().addToLimits(k, new Quantity(v)).endResources());
    return c;
  }

  private void createHpa(String name, String kind, String target, Map<String, String> annotations,
      String ownerScaledObject) {
    HorizontalPodAutoscalerBuilder hpa = new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName(name).withAnnotations(annotations).endMetadata()
        .withNewSpec().withMinReplicas(1).withMaxReplicas(5)
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind(kind).withName(target).endScaleTargetRef()
        .endSpec();
    if (ownerScaledObject != null) {
      hpa.editMetadata().addNewOwnerReference().withApiVersion("keda.sh/v1alpha1").withKind("ScaledObject")
          .withName(ownerScaledObject).withUid("uid-" + ownerScaledObject).endOwnerReference().endMetadata();
    }
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(hpa.build()).create();
  }

  @Test
  void shouldRejectASecondScaledObjectForTheSameWorkload() {
    // Given
    create(scaledObject("first", "worker").build());
    create(scaledObject("on-a-statefulset", "other").editSpec().editScaleTargetRef().withKind("StatefulSet")
        .withName("worker").endScaleTargetRef().endSpec().build());

    // Then
    assertThat(errors(scaledObject("second", "worker").build())).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.scaleTargetRef.name");
      assertThat(v.message()).startsWith("the workload 'worker' of type 'apps/v1.Deployment' is already managed by"
          + " the ScaledObject 'first'");
    });
    // the same ScaledObject again (an update), another workload, another namespace: no clash
    assertThat(errors(scaledObject("first", "worker").editSpec().withMaxReplicaCount(20).endSpec().build())).isEmpty();
    assertThat(errors(scaledObject("second", "api").build())).isEmpty();
    assertThat(errors(scaledObject("second", "worker").editMetadata().withNamespace("shop").endMetadata().build()))
        .isEmpty();
  }

  @Test
  void shouldRejectAScaledObjectWhoseHpaNameIsTaken() {
    // Given
    create(scaledObject("first", "worker").build());

    // Then
    ScaledObject clash = scaledObject("second", "api").editSpec().withNewAdvanced()
        .withNewHorizontalPodAutoscalerConfig().withName("keda-hpa-first").endHorizontalPodAutoscalerConfig()
        .endAdvanced().endSpec().build();
    assertThat(errors(clash)).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.advanced.horizontalPodAutoscalerConfig.name");
      assertThat(v.message()).startsWith("the HPA 'keda-hpa-first' is already managed by the ScaledObject 'first'");
    });
    ScaledObject distinct = scaledObject("second", "api").editSpec().withNewAdvanced()
        .withNewHorizontalPodAutoscalerConfig().withName("api-hpa").endHorizontalPodAutoscalerConfig()
        .endAdvanced().endSpec().build();
    assertThat(errors(distinct)).isEmpty();
  }

  @Test
  void shouldRejectAWorkloadAnHpaOutsideKedaAlreadyScales() {
    // Given
    createHpa("manual", "Deployment", "worker", Map.of(), null);

    // Then
    assertThat(errors(scaledObject("worker", "worker").build())).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.scaleTargetRef.name");
      assertThat(v.message()).startsWith("the workload 'worker' of type 'apps/v1.Deployment' is already managed by"
          + " the hpa 'manual'");
    });
  }

  @Test
  void shouldLetThroughHpasThatAreItsOwnOptedOutOrElsewhere() {
    // Given
    createHpa("keda-hpa-worker", "Deployment", "worker", Map.of(), "worker");
    createHpa("legacy", "Deployment", "worker", Map.of("validations.keda.sh/hpa-ownership", "false"), null);
    createHpa("api", "Deployment", "api", Map.of(), null);
    createHpa("set", "StatefulSet", "worker", Map.of(), null);

    // Then
    assertThat(errors(scaledObject("worker", "worker").build())).isEmpty();
  }

  @Test
  void shouldAdoptAnHpaOnlyWhenTheTransferNamesIt() {
    // Given
    createHpa("manual", "Deployment", "worker", Map.of(), null);
    ScaledObjectBuilder transfer = scaledObject("worker", "worker").editMetadata()
        .addToAnnotations("scaledobject.keda.sh/transfer-hpa-ownership", "true").endMetadata();

    // Then
    assertThat(errors(transfer.build())).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.advanced.horizontalPodAutoscalerConfig.name");
      assertThat(v.message()).startsWith("the existing hpa 'manual' for workload 'worker' of type"
          + " 'apps/v1.Deployment' must be specified by name in advanced settings to enable ownership transfer");
    });
    assertThat(errors(transfer.editSpec().withNewAdvanced().withNewHorizontalPodAutoscalerConfig()
        .withName("manual").endHorizontalPodAutoscalerConfig().endAdvanced().endSpec().build())).isEmpty();
  }

  @Test
  void shouldRejectACpuTriggerOnAContainerWithoutRequestOrLimit() {
    // Given
    createDeployment("worker", container("app", Map.of(), Map.of()));

    // Then
    assertThat(errors(cpuScaledObject("worker", null).build())).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.triggers[1]");
      assertThat(v.message()).startsWith("the scaledobject has a cpu trigger but the container app doesn't have the"
          + " cpu request defined");
    });
  }

  @Test
  void shouldAcceptARequestALimitOrANamespaceDefault() {
    // Given
    createDeployment("requests", container("app", Map.of("cpu", "100m"), Map.of()));
    createDeployment("limits", container("app", Map.of(), Map.of("cpu", "1")));
    createDeployment("zero", container("app", Map.of("cpu", "0"), Map.of()));

    // Then
    assertThat(errors(cpuScaledObject("requests", null).build())).isEmpty();
    assertThat(errors(cpuScaledObject("limits", null).build())).isEmpty();
    assertThat(errors(cpuScaledObject("zero", null).build())).hasSize(1);

    // a LimitRange for pods does not count, one for containers does
    client.limitRanges().inNamespace(NS).resource(new LimitRangeBuilder().withNewMetadata().withName("pods")
        .endMetadata().withNewSpec().addNewLimit().withType("Pod").addToMax("cpu", new Quantity("2")).endLimit()
        .endSpec().build()).create();
    assertThat(errors(cpuScaledObject("zero", null).build())).hasSize(1);
    client.limitRanges().inNamespace(NS).resource(new LimitRangeBuilder().withNewMetadata().withName("defaults")
        .endMetadata().withNewSpec().addNewLimit().withType("Container")
        .addToDefaultRequest("cpu", new Quantity("250m")).endLimit().endSpec().build()).create();
    assertThat(errors(cpuScaledObject("zero", null).build())).isEmpty();
  }

  @Test
  void shouldCheckOnlyTheNamedContainerAndTheTriggersOwnResource() {
    // Given
    createDeployment("worker", container("app", Map.of("cpu", "100m"), Map.of()),
        container("sidecar", Map.of("memory", "64Mi"), Map.of()));

    // Then
    assertThat(errors(cpuScaledObject("worker", "app").build())).isEmpty();
    assertThat(errors(cpuScaledObject("worker", null).build())).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("the container sidecar doesn't have the cpu request"));
    ScaledObject memory = scaledObject("worker", "worker").editSpec().addNewTrigger().withType("memory")
        .withMetricType("AverageValue").addToMetadata("value", "100Mi").addToMetadata("containerName", "sidecar")
        .endTrigger().endSpec().build();
    assertThat(errors(memory)).isEmpty();
  }

  @Test
  void shouldRejectACpuTriggerOnAWorkloadThatDoesNotExist() {
    // Given
    client.apps().statefulSets().inNamespace(NS).resource(new StatefulSetBuilder().withNewMetadata()
        .withName("db").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata().withNewSpec()
        .addToContainers(container("db", Map.of("cpu", "1"), Map.of()).build()).endSpec().endTemplate().endSpec()
        .build()).create();

    // Then
    assertThat(errors(cpuScaledObject("missing", null).build())).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("spec.scaleTargetRef.name");
      assertThat(v.message()).startsWith("deployments.apps \"missing\" not found");
    });
    assertThat(errors(cpuScaledObject("db", null).editSpec().editScaleTargetRef().withKind("StatefulSet")
        .endScaleTargetRef().endSpec().build())).isEmpty();
    // KEDA reads only Deployments and StatefulSets: other kinds are not looked up
    assertThat(errors(cpuScaledObject("rollout", null).editSpec().editScaleTargetRef()
        .withApiVersion("argoproj.io/v1alpha1").withKind("Rollout").endScaleTargetRef().endSpec().build())).isEmpty();
  }

  @Test
  void shouldRejectOnlyCpuTriggersWithMinReplicaCountZero() {
    // Given
    createDeployment("worker", container("app", Map.of("cpu", "100m"), Map.of()));
    ScaledObjectBuilder onlyCpu = cpuScaledObject("worker", null);
    onlyCpu.editSpec().removeMatchingFromTriggers(t -> "rabbitmq".equals(t.getType())).endSpec();

    // Then
    assertThat(errors(onlyCpu.editSpec().withMinReplicaCount(0).endSpec().build())).singleElement()
        .satisfies(v -> {
          assertThat(v.path()).isEqualTo("spec.minReplicaCount");
          assertThat(v.message()).startsWith("scaledobject has only cpu/memory triggers AND minReplica is 0");
        });
    assertThat(errors(onlyCpu.editSpec().withMinReplicaCount(1).endSpec().build())).isEmpty();
    assertThat(errors(cpuScaledObject("worker", null).editSpec().withMinReplicaCount(0).endSpec().build()))
        .isEmpty();
  }

  @Test
  void shouldReportClusterAndObjectRulesTogether() {
    // Given
    createHpa("manual", "Deployment", "worker", Map.of(), null);

    // When
    List<Violation> violations = errors(scaledObject("worker", "worker").editSpec().withMaxReplicaCount(0).endSpec().build());

    // Then
    assertThat(violations).extracting(Violation::path)
        .containsExactly("spec.minReplicaCount", "spec.scaleTargetRef.name");
  }
}
