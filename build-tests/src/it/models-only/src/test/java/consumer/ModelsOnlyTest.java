package consumer;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.karpenter.NodePools;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.Triggers;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facades, validation and YAML with nothing but the two model artifacts and what they bring. */
class ModelsOnlyTest {

  @Test
  void shouldBuildValidateAndWriteTheWorkshopsNodePool() {
    NodePool pool = NodePools.arm64().linux().onDemand().skuFamily("D").named("arm-nodepool").weight(10)
        .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1)).nodeClass(AKSNodeClasses.named("default"))
        .build();

    assertThat(Manifests.toYaml(pool)).contains("kind: NodePool", "name: arm-nodepool", "weight: 10", "arm64");
  }

  @Test
  void shouldReportWhatTheApiServerWouldRejectFromTheCrdsInTheJar() {
    NodePool pool = NodePools.arm64().onDemand().named("arm-nodepool").nodeClass(AKSNodeClasses.named("default"))
        .build();
    NodePool tooHeavy = new NodePoolBuilder(pool).editSpec().withWeight(101).endSpec().build();

    ValidationReport report = KarpenterCrds.azure().validate(tooHeavy);

    assertThat(report.errors()).extracting(Violation::path).containsExactly("spec.weight");
  }

  @Test
  void shouldBuildTheWorkshopsScaledObjectAndRejectATypo() {
    ScaledObject worker = ScaledObjects.scaling("virtual-worker").named("virtual-worker-rabbitmq-scaledobject")
        .inNamespace("pets").minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(Triggers.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"))
        .build();

    assertThat(Manifests.toYaml(worker)).contains("kind: ScaledObject", "queueName: orders");
    assertThatThrownBy(() -> ScaledObjects.scaling("virtual-worker").named("w").minReplicas(5).maxReplicas(2)
        .trigger(Triggers.rabbitmq().queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("auth"))
        .build()).isInstanceOf(ValidationException.class);
  }

  @Test
  void shouldBringNoClientImplementationNoAzureAndNoNettyVertxOrOkHttp() {
    // The README: the model modules carry only fabric8's client API; the application picks the rest.
    for (String absent : new String[] {"io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
        "com.azure.core.http.HttpClient", "io.netty.channel.Channel", "io.vertx.core.Vertx", "okhttp3.OkHttpClient"}) {
      assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
    }
  }
}
