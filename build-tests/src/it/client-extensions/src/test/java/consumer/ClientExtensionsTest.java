package consumer;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.NodePools;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.client.KarpenterClient;
import dev.autoscaling.keda.KedaAdmission;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.Triggers;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client extensions with kubernetes-client and kubernetes-httpclient-jdk at run time, as the README lists them,
 * against fabric8's mock API server in CRUD mode; the client is built the way an application builds it.
 */
@EnableKubernetesMockClient(crud = true)
class ClientExtensionsTest {

  KubernetesClient client;
  private KubernetesClient kubernetes;

  private final NodePool pool = NodePools.arm64().linux().onDemand().skuFamily("D").named("arm-nodepool").weight(10)
      .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1)).nodeClass(AKSNodeClasses.named("default"))
      .build();
  private final ScaledObject worker = ScaledObjects.scaling("virtual-worker")
      .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets").minReplicas(1)
      .trigger(Triggers.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
          .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"))
      .build();

  @BeforeEach
  void connect() {
    kubernetes = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
  }

  @AfterEach
  void disconnect() {
    kubernetes.close();
  }

  @Test
  void shouldRunOnTheJdkHttpClient() {
    assertThat(kubernetes.getHttpClient().getClass().getName()).startsWith("io.fabric8.kubernetes.client.jdkhttp.");
  }

  @Test
  void shouldStoreAndReadBackKarpenterAndKedaObjectsThroughTheExtensions() {
    KarpenterClient karpenter = kubernetes.adapt(KarpenterClient.class);
    KedaClient keda = kubernetes.adapt(KedaClient.class);

    karpenter.nodePools().resource(pool).create();
    keda.v1alpha1().scaledObjects().inNamespace("pets").resource(worker).create();

    assertThat(karpenter.nodePools().withName("arm-nodepool").get().getSpec().getWeight()).isEqualTo(10);
    assertThat(keda.v1alpha1().scaledObjects().inNamespace("pets").withName("virtual-worker-rabbitmq-scaledobject")
        .get().getSpec().getTriggers()).singleElement().satisfies(t -> assertThat(t.getType()).isEqualTo("rabbitmq"));
  }

  @Test
  void shouldCheckKedasClusterRulesAgainstWhatTheClusterHolds() {
    // Given a second ScaledObject for the workshop's worker, not applied yet
    ScaledObject second = ScaledObjects.scaling("virtual-worker").named("virtual-worker-second").inNamespace("pets")
        .minReplicas(1).trigger(Triggers.rabbitmq().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH)
            .value(20).authenticationRef("trigger-auth-rabbitmq-conn"))
        .build();
    assertThat(KedaAdmission.checkInCluster(kubernetes, second)).isEmpty();

    // When the first one is in the cluster
    kubernetes.adapt(KedaClient.class).v1alpha1().scaledObjects().inNamespace("pets").resource(worker).create();

    // Then KEDA's webhook would refuse the second: one ScaledObject per workload
    assertThat(KedaAdmission.checkInCluster(kubernetes, second)).singleElement().satisfies(violation -> {
      assertThat(violation.path()).isEqualTo("spec.scaleTargetRef.name");
      assertThat(violation.message()).contains("already managed by the ScaledObject 'virtual-worker-rabbitmq-scaledobject'");
    });
  }

  @Test
  void shouldReturnFromTheWaitOnceKedaReportsReady() {
    KedaClient keda = kubernetes.adapt(KedaClient.class);
    keda.v1alpha1().scaledObjects().inNamespace("pets").resource(worker).create();
    keda.v1alpha1().scaledObjects().inNamespace("pets").withName("virtual-worker-rabbitmq-scaledobject")
        .editStatus(so -> new ScaledObjectBuilder(so).withNewStatus()
            .addNewCondition().withType("Ready").withStatus("True").withReason("ScaledObjectReady").endCondition()
            .endStatus().build());

    ScaledObject ready = keda.waitUntilScaledObjectReady("pets", "virtual-worker-rabbitmq-scaledobject",
        Duration.ofSeconds(10));

    assertThat(ready.getStatus().getConditions()).singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
  }
}
