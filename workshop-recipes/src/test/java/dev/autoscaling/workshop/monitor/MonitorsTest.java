package dev.autoscaling.workshop.monitor;

import dev.autoscaling.workshop.client.MockServerWatches;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class MonitorsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SCALED_OBJECT = "virtual-worker-rabbitmq-scaledobject";
  private static final String HPA = "keda-hpa-virtual-worker-rabbitmq-scaledobject";

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/pets/deployments";

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void shouldReportOnlyTheEventsOfTheHpaKedaCreated() throws Exception {
    // Given an event of KEDA's HPA, one of another HPA and one of KEDA's HPA name in another namespace
    create(event("pets", "rescale-1", "HorizontalPodAutoscaler", HPA, "horizontal-pod-autoscaler", null,
        "SuccessfulRescale", "New size: 4; reason: external metric s0-rabbitmq-orders(&LabelSelector{}) above target",
        "2026-11-28T12:01:03Z"));
    create(event("pets", "other-hpa", "HorizontalPodAutoscaler", "keda-hpa-store-front", "horizontal-pod-autoscaler",
        null, "SuccessfulRescale", "New size: 2", "2026-11-28T12:01:04Z"));
    create(event("default", "elsewhere", "HorizontalPodAutoscaler", HPA, "horizontal-pod-autoscaler", null,
        "SuccessfulRescale", "New size: 9", "2026-11-28T12:01:05Z"));
    CollectingSink sink = new CollectingSink();

    // When
    try (Subscription ignored = Monitors.hpaEvents(client, "pets", SCALED_OBJECT).start(sink)) {
      create(event("pets", "rescale-2", "HorizontalPodAutoscaler", HPA, "horizontal-pod-autoscaler", null,
          "SuccessfulRescale", "New size: 1; reason: All metrics below target", "2026-11-28T12:06:10Z"));
      sink.await(e -> e.message().contains("New size: 1"), TIMEOUT);
    }

    // Then
    assertThat(sink.events()).extracting(MonitorEvent::message).containsExactly(
        "SuccessfulRescale  New size: 4; reason: external metric s0-rabbitmq-orders(&LabelSelector{}) above target",
        "SuccessfulRescale  New size: 1; reason: All metrics below target");
    MonitorEvent first = sink.events().get(0);
    assertThat(first.source()).isEqualTo("hpa");
    assertThat(first.kind()).isEqualTo(MonitorEvent.Kind.EVENT);
    assertThat(first.subject()).isEqualTo("horizontalpodautoscaler/" + HPA);
    assertThat(first.time()).hasToString("2026-11-28T12:01:03Z");
    assertThat(first.fields()).containsEntry("reason", "SuccessfulRescale").containsEntry("involvedName", HPA)
        .containsEntry("namespace", "pets");
  }

  @Test
  void shouldReportKarpenterEventsOfEveryNamespaceBySourceOrReportingComponent() throws Exception {
    // Given
    create(event("default", "launched", "NodeClaim", "arm-nodepool-x4k2p", "karpenter", null, "Launched",
        "Status condition transitioned, Type: Launched, Status: Unknown -> True", "2026-11-28T12:01:10Z"));
    create(event("pets", "nominated", "Pod", "virtual-worker-7c9d-x2k", null, "karpenter", "Nominated",
        "Pod should schedule on: nodeclaim/arm-nodepool-x4k2p", "2026-11-28T12:01:11Z"));
    create(event("pets", "scheduled", "Pod", "virtual-worker-7c9d-x2k", "default-scheduler", null, "Scheduled",
        "Successfully assigned pets/virtual-worker-7c9d-x2k", "2026-11-28T12:01:12Z"));
    CollectingSink sink = new CollectingSink();

    // When
    try (Subscription ignored = Monitors.karpenterEvents(client).start(sink)) {
      create(event("", "disrupted", "Node", "aks-arm-nodepool-x4k2p", "karpenter", "karpenter", "DisruptionBlocked",
          "Cannot disrupt Node: state node is nominated for a pending pod", "2026-11-28T12:02:00Z"));
      sink.awaitCount(3, TIMEOUT);
    }

    // Then
    assertThat(sink.messages()).containsExactlyInAnyOrder(
        "Launched  nodeclaim/arm-nodepool-x4k2p  Status condition transitioned, Type: Launched, Status: Unknown -> True",
        "Nominated  pod/virtual-worker-7c9d-x2k  Pod should schedule on: nodeclaim/arm-nodepool-x4k2p",
        "DisruptionBlocked  node/aks-arm-nodepool-x4k2p  Cannot disrupt Node: state node is nominated for a pending"
            + " pod");
    assertThat(sink.events()).allSatisfy(e -> assertThat(e.source()).isEqualTo("karpenter"));
  }

  @Test
  void shouldReportNodesWithTheirPoolArchitectureOsImageAndReadiness() throws Exception {
    // Given AKS's system node, then a node Karpenter makes
    create(node("aks-system-12345678-vmss000000", "kubernetes.azure.com/agentpool", "system", "amd64",
        "Ubuntu 22.04.5 LTS", "True"));
    CollectingSink sink = new CollectingSink();

    // When
    try (Subscription ignored = Monitors.nodes(client).start(sink)) {
      sink.awaitCount(1, TIMEOUT);
      create(node("aks-arm-nodepool-x4k2p", "karpenter.sh/nodepool", "arm-nodepool", "arm64",
          "CBL-Mariner/Linux", "False"));
      sink.awaitCount(2, TIMEOUT);
      client.nodes().withName("aks-arm-nodepool-x4k2p")
          .edit(n -> new NodeBuilder(n).editMetadata().addToAnnotations("unrelated", "x").endMetadata().build());
      client.nodes().withName("aks-arm-nodepool-x4k2p").editStatus(n -> new NodeBuilder(n).editStatus()
          .editFirstCondition().withStatus("True").endCondition().endStatus().build());
      sink.awaitCount(3, TIMEOUT);
      client.nodes().withName("aks-arm-nodepool-x4k2p").delete();
      sink.awaitCount(4, TIMEOUT);
    }

    // Then: the annotation alone made no line
    assertThat(sink.messages()).containsExactly(
        "added   aks-system-12345678-vmss000000  agentpool system  amd64  Ubuntu 22.04.5 LTS  Ready",
        "added   aks-arm-nodepool-x4k2p  nodepool arm-nodepool  arm64  CBL-Mariner/Linux  NotReady",
        "changed aks-arm-nodepool-x4k2p  nodepool arm-nodepool  arm64  CBL-Mariner/Linux  Ready",
        "deleted aks-arm-nodepool-x4k2p  nodepool arm-nodepool  arm64  CBL-Mariner/Linux");
    assertThat(sink.events()).extracting(MonitorEvent::kind).containsExactly(MonitorEvent.Kind.ADDED,
        MonitorEvent.Kind.ADDED, MonitorEvent.Kind.MODIFIED, MonitorEvent.Kind.DELETED);
    assertThat(sink.events().get(1).fields()).containsEntry("provisioner", "karpenter")
        .containsEntry("nodePool", "arm-nodepool").containsEntry("arch", "arm64")
        .containsEntry("osImage", "CBL-Mariner/Linux").containsEntry("ready", "NotReady");
    assertThat(sink.events().get(0).fields()).containsEntry("provisioner", "agentpool")
        .containsEntry("nodePool", "system");
  }

  @Test
  void shouldReportWherePodsRunOnePerChange() throws Exception {
    // Given a pod waiting for a node
    create(new PodBuilder().withNewMetadata().withName("virtual-worker-7c9d-x2k").withNamespace("pets").endMetadata()
        .withNewSpec().addNewContainer().withName("virtual-worker").withImage("virtual-worker").endContainer()
        .endSpec().withNewStatus().withPhase("Pending").endStatus().build());
    CollectingSink sink = new CollectingSink();

    // When it is placed, starts, gets a label (not shown) and goes away
    try (Subscription ignored = Monitors.pods(client, "pets").start(sink)) {
      sink.awaitCount(1, TIMEOUT);
      client.pods().inNamespace("pets").withName("virtual-worker-7c9d-x2k")
          .edit(p -> new PodBuilder(p).editSpec().withNodeName("aks-arm-nodepool-x4k2p").endSpec().build());
      sink.awaitCount(2, TIMEOUT);
      client.pods().inNamespace("pets").withName("virtual-worker-7c9d-x2k").editStatus(p -> new PodBuilder(p)
          .editStatus().withPhase("Running").addNewContainerStatus().withName("virtual-worker").withReady(true)
          .endContainerStatus().endStatus().build());
      sink.awaitCount(3, TIMEOUT);
      client.pods().inNamespace("pets").withName("virtual-worker-7c9d-x2k")
          .edit(p -> new PodBuilder(p).editMetadata().addToLabels("seen", "yes").endMetadata().build());
      client.pods().inNamespace("pets").withName("virtual-worker-7c9d-x2k").delete();
      sink.awaitCount(4, TIMEOUT);
    }

    // Then
    assertThat(sink.messages()).containsExactly(
        "added   virtual-worker-7c9d-x2k → (not scheduled)  Pending  ready 0/1",
        "changed virtual-worker-7c9d-x2k → aks-arm-nodepool-x4k2p  Pending  ready 0/1",
        "changed virtual-worker-7c9d-x2k → aks-arm-nodepool-x4k2p  Running  ready 1/1",
        "deleted virtual-worker-7c9d-x2k  (was on aks-arm-nodepool-x4k2p)");
    assertThat(sink.events().get(2).fields()).containsEntry("pod", "virtual-worker-7c9d-x2k")
        .containsEntry("node", "aks-arm-nodepool-x4k2p").containsEntry("phase", "Running")
        .containsEntry("readyContainers", 1);
  }

  @Test
  void shouldReportDeploymentReplicaCountsOnePerChange() throws Exception {
    // Given
    create(deployment("virtual-worker", 1));
    client.apps().deployments().inNamespace("pets").withName("virtual-worker").editStatus(d ->
        new DeploymentBuilder(d).withNewStatus().withReplicas(1).withReadyReplicas(1).endStatus().build());
    CollectingSink sink = new CollectingSink();

    // When the HPA asks for 4 and they become ready
    try (Subscription ignored = Monitors.deployments(client, "pets").start(sink)) {
      sink.awaitCount(1, TIMEOUT);
      client.apps().deployments().inNamespace("pets").withName("virtual-worker")
          .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(4).endSpec().build());
      sink.awaitCount(2, TIMEOUT);
      client.apps().deployments().inNamespace("pets").withName("virtual-worker").editStatus(d ->
          new DeploymentBuilder(d).editStatus().withReplicas(4).withReadyReplicas(4).endStatus().build());
      sink.awaitCount(3, TIMEOUT);
    }

    // Then
    assertThat(sink.messages()).containsExactly(
        "added   virtual-worker  replicas 1, ready 1",
        "changed virtual-worker  replicas 4, ready 1",
        "changed virtual-worker  replicas 4, ready 4");
    assertThat(sink.events().get(2).fields()).containsEntry("deployment", "virtual-worker")
        .containsEntry("replicas", 4).containsEntry("readyReplicas", 4).containsEntry("currentReplicas", 4);
  }

  @Test
  void shouldReadTheCurrentReplicasAsTheHpaCountsThem() {
    // Given
    create(deployment("virtual-worker", 3));

    // When / Then: spec.replicas until the controller writes a status, then status.replicas
    assertThat(Monitors.currentReplicas(client, "pets", "virtual-worker").getAsInt()).isEqualTo(3);
    client.apps().deployments().inNamespace("pets").withName("virtual-worker").editStatus(d ->
        new DeploymentBuilder(d).withNewStatus().withReplicas(2).endStatus().build());
    assertThat(Monitors.currentReplicas(client, "pets", "virtual-worker").getAsInt()).isEqualTo(2);
    assertThatThrownBy(() -> Monitors.currentReplicas(client, "pets", "nope").getAsInt())
        .isInstanceOf(IllegalStateException.class).hasMessage("deployment pets/nope: not found");
  }

  @Test
  void shouldRunSeveralMonitorsIntoOneSinkAndStopThemAllOnClose() throws Exception {
    // Given
    create(deployment("virtual-worker", 1));
    create(node("aks-system-12345678-vmss000000", "kubernetes.azure.com/agentpool", "system", "amd64",
        "Ubuntu 22.04.5 LTS", "True"));
    CollectingSink sink = new CollectingSink();
    Monitor both = Monitors.together(Monitors.nodes(client), Monitors.deployments(client, "pets"));

    // When: both watch, then are closed; a witness watching the same deployments sees a change made afterwards
    try (Subscription ignored = both.start(sink)) {
      sink.awaitCount(2, TIMEOUT);
      awaitWatches(DEPLOYMENTS, 1);
    }
    CollectingSink witnessed = new CollectingSink();
    try (Subscription witness = Monitors.deployments(client, "pets").start(witnessed)) {
      awaitWatches(DEPLOYMENTS, 1);
      client.apps().deployments().inNamespace("pets").withName("virtual-worker")
          .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(7).endSpec().build());
      // the server sends a change to every open watch at once: by the time the witness has it, a watch left open
      // would have had it too
      witnessed.await(e -> e.message().contains("replicas 7"), TIMEOUT);
    }

    // Then
    assertThat(both.name()).isEqualTo("nodes+deploy");
    assertThat(sink.events()).extracting(MonitorEvent::source).containsExactlyInAnyOrder("nodes", "deploy");
  }

  @Test
  void shouldRenderKubernetesLinesAsTimelineAndJsonLines() throws Exception {
    // Given
    create(deployment("virtual-worker", 4));
    ByteArrayOutputStream timeline = new ByteArrayOutputStream();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    CollectingSink sink = new CollectingSink();
    Timeline lines = new Timeline(new PrintStream(timeline, true, StandardCharsets.UTF_8),
        ZoneOffset.UTC, false, Clock.systemUTC());
    JsonLines objects = JsonLines.to(new PrintStream(json, true, StandardCharsets.UTF_8));

    // When
    try (Subscription ignored = Monitors.deployments(client, "pets").start(lines.andThen(objects).andThen(sink))) {
      sink.awaitCount(1, TIMEOUT);
    }

    // Then
    assertThat(timeline.toString(StandardCharsets.UTF_8))
        .matches("\\d\\d:\\d\\d:\\d\\d deploy    added   virtual-worker  replicas 4, ready 0\\R");
    assertThat(json.toString(StandardCharsets.UTF_8))
        .contains("\"source\":\"deploy\",\"kind\":\"ADDED\",\"subject\":\"deployment/virtual-worker\"")
        .contains("\"fields\":{\"deployment\":\"virtual-worker\",\"namespace\":\"pets\",\"replicas\":4,"
            + "\"readyReplicas\":0}");
  }

  private void awaitWatches(String path, int count) throws InterruptedException {
    MockServerWatches.await(server, path, count, TIMEOUT);
  }

  private void create(HasMetadata resource) {
    client.resource(resource).create();
  }

  private static Event event(String namespace, String name, String kind, String about, String component,
                             String reportingComponent, String reason, String message, String time) {
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace.isEmpty() ? "default" : namespace).endMetadata()
        .withNewInvolvedObject().withKind(kind).withName(about).withNamespace(namespace.isEmpty() ? null : namespace)
        .endInvolvedObject()
        .withNewSource().withComponent(component).endSource()
        .withReportingComponent(reportingComponent)
        .withReason(reason).withMessage(message).withType("Normal").withCount(1)
        .withFirstTimestamp(time).withLastTimestamp(time)
        .build();
  }

  private static Node node(String name, String poolLabel, String pool, String arch, String osImage, String ready) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).addToLabels(poolLabel, pool).addToLabels("kubernetes.io/arch", arch)
        .endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready).endCondition()
        .withNewNodeInfo().withOsImage(osImage).withArchitecture(arch).endNodeInfo().endStatus()
        .build();
  }

  private static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace("pets").endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage(name).endContainer().endSpec().endTemplate()
        .endSpec().build();
  }
}
