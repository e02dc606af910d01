package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.Oauth2;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerAuthenticationsTest {

  @Test
  void shouldCombineAuthSourcesWithoutChangingEarlierDefinitions() {
    TriggerAuthenticationDefinition base = TriggerAuthentications.named("rabbitmq-auth").inNamespace("shop")
        .secretTargetRef("host", "rabbitmq-conn", "host");

    TriggerAuthentication full = base.env("vhost", "RABBITMQ_VHOST", "worker")
        .configMapTargetRef("queueName", "worker-config", "queue")
        .boundServiceAccountToken("bearerToken", "keda-metrics-reader")
        .azureWorkloadIdentity("00000000-0000-0000-0000-000000000001")
        .build();

    assertThat(base.build().getSpec().getEnv()).isNull();
    assertThat(Manifests.toTree(full).path("spec").fieldNames()).toIterable().containsExactlyInAnyOrder(
        "secretTargetRef", "env", "configMapTargetRef", "boundServiceAccountToken", "podIdentity");
    assertThat(full.getSpec().getPodIdentity().getProvider().getValue()).isEqualTo("azure-workload");
  }

  @Test
  void shouldBuildTheClusterWideTwin() {
    ClusterTriggerAuthentication cluster = TriggerAuthentications.named("kafka-auth").inNamespace("ignored")
        .awsRole("arn:aws:iam::123456789012:role/keda").buildCluster();

    assertThat(cluster.getMetadata().getNamespace()).isNull();
    assertThat(cluster.getSpec().getPodIdentity().getRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/keda");
  }

  @Test
  void shouldApplyKedasOauth2Rules() {
    Oauth2 oauth2 = new Oauth2();
    oauth2.setType(Oauth2.Type.CLIENTCREDENTIALS);
    oauth2.setTokenUrl("ftp://login.example");

    assertThatThrownBy(() -> TriggerAuthentications.named("o").inNamespace("n").oauth2(oauth2).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.oauth2.clientId: oauth2 clientId is required")
        .hasMessageContaining("spec.oauth2.tokenUrl: oauth2 tokenUrl must be an http or https URL with a host");
  }
}
