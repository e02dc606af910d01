package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.validation.ValidationException;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledJobsTest {

  private static final JobSpec JOB = new JobSpecBuilder().withNewTemplate().withNewSpec().withRestartPolicy("Never")
      .addNewContainer().withName("resizer").withImage("example/resizer:1").endContainer().endSpec().endTemplate()
      .build();

  @Test
  void shouldBuildAValidatedScaledJobFromTypedTriggers() {
    ScaledJob job = ScaledJobs.running("image-resizer", "media", JOB, Triggers.azureQueue().queueName("images")
        .queueLength(5).accountName("mediastore").authenticationRef("azure-queue-auth"));

    assertThat(job.getSpec().getTriggers()).singleElement().satisfies(t -> {
      assertThat(t.getType()).isEqualTo("azure-queue");
      assertThat(t.getMetadata()).containsEntry("queueName", "images");
      assertThat(t.getAuthenticationRef().getName()).isEqualTo("azure-queue-auth");
    });
  }

  @Test
  void shouldRejectDuplicateTriggerNamesAndTypos() {
    assertThatThrownBy(() -> ScaledJobs.running("j", "media", JOB,
        Triggers.azureQueue().named("q").queueName("a"),
        Triggers.azureQueue().named("q").queueName("b").metadata("queueLenght", "5")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.triggers[1].name: triggerName \"q\" is defined multiple times")
        .hasMessageContaining("did you mean queueLength?");
  }
}
