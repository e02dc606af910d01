package dev.autoscaling.keda.api;

import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledJobBuilder;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The job a ScaledJob runs is fabric8's own batch/v1 JobSpec, not a generated copy of the Kubernetes API. */
class ScaledJobTemplateTest {

  @Test
  void shouldTakeTheUsersOwnPodTemplateSpec() {
    // Given a pod template the user already has
    PodTemplateSpec template = new PodTemplateSpecBuilder()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer().withName("worker").withImage("example/worker:1").endContainer()
        .endSpec()
        .build();

    // When
    ScaledJob job = new ScaledJobBuilder()
        .withNewMetadata().withName("worker").withNamespace("jobs").endMetadata()
        .withNewSpec()
        .withJobTargetRef(new JobSpecBuilder().withTemplate(template).withBackoffLimit(2).build())
        .addNewTrigger().withType("rabbitmq").addToMetadata("queueName", "jobs").endTrigger()
        .endSpec()
        .build();

    // Then
    JobSpec jobSpec = job.getSpec().getJobTargetRef();
    assertThat(jobSpec.getTemplate()).isInstanceOf(PodTemplateSpec.class).isEqualTo(template);
    assertThat(Manifests.toTree(job).at("/spec/jobTargetRef/template/spec/containers/0/image").asText())
        .isEqualTo("example/worker:1");
  }
}
