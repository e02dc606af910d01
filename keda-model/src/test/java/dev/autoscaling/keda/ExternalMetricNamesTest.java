package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalMetricNamesTest {

  @Test
  void shouldNameTheWorkshopsMetricAndHpaAsKedaDoes() {
    ScaledObject so = new ScaledObjectBuilder()
        .withNewMetadata().withName("virtual-worker-rabbitmq-scaledobject").withNamespace("pets").endMetadata()
        .withNewSpec().withNewScaleTargetRef().withName("virtual-worker").endScaleTargetRef()
        .addNewTrigger().withType("rabbitmq").addToMetadata("queueName", "orders").endTrigger()
        .addNewTrigger().withType("cpu").withMetricType("Utilization").addToMetadata("value", "60").endTrigger()
        .addNewTrigger().withType("kafka").addToMetadata("consumerGroup", "g").endTrigger()
        .addNewTrigger().withType("metrics-api").addToMetadata("valueLocation", "stats.queue.depth").endTrigger()
        .endSpec().build();

    assertThat(ExternalMetricNames.of(so))
        .containsExactly("s0-rabbitmq-orders", "s2-kafka-g-topics", "s3-metric-api-stats-queue-depth");
    assertThat(ExternalMetricNames.hpaName(so)).isEqualTo("keda-hpa-virtual-worker-rabbitmq-scaledobject");
  }
}
