package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.keda.triggers.RequiredMetadata;
import dev.autoscaling.keda.triggers.ScalerCatalogue;
import dev.autoscaling.keda.triggers.ScalerParameter;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ScaledObjects.rabbitmq()}, {@code ScaledJobs.kafka()}, ...: an entry point per scaler of KEDA's catalogue. */
class ScalerEntryPointsTest {

  private static final JobSpec JOB = new JobSpecBuilder().withNewTemplate().withNewSpec().withRestartPolicy("Never")
      .addNewContainer().withName("worker").withImage("example/worker:1").endContainer().endSpec().endTemplate()
      .build();

  /** The entry point's name: the scaler type in lower camel case. */
  private static String entryPoint(String type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.split("-")) {
      name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  /** The scaler's typed trigger, the class the entry points' settings come from. */
  private static Class<?> triggerClass(String type) throws ClassNotFoundException {
    String name = entryPoint(type);
    return Class.forName(ScalerTrigger.class.getPackageName() + "." + Character.toUpperCase(name.charAt(0))
        + name.substring(1) + "Trigger");
  }

  @Test
  void shouldStartAScaledObjectAndAScaledJobFromEveryScaler() throws Exception {
    Map<String, List<ScalerParameter>> scalers = ScalerCatalogue.scalers();
    assertThat(scalers).hasSize(76);

    for (Map.Entry<String, List<ScalerParameter>> scaler : scalers.entrySet()) {
      String type = scaler.getKey();
      Method onObjects = ScaledObjects.class.getMethod(entryPoint(type));
      Method onJobs = ScaledJobs.class.getMethod(entryPoint(type));
      // static, public, returning the scaler's own settings (the superclass of its typed trigger)
      assertThat(Modifier.isStatic(onObjects.getModifiers()) && Modifier.isStatic(onJobs.getModifiers()))
          .as(type).isTrue();
      assertThat(onObjects.getReturnType().getSuperclass()).as(type)
          .isEqualTo(triggerClass(type).getSuperclass());
      assertThat(onJobs.getReturnType().getSuperclass()).as(type).isEqualTo(triggerClass(type).getSuperclass());

      // Given the same required keys on the entry point and on the typed trigger
      ScalerTrigger<?> object = RequiredMetadata.fill((ScalerTrigger<?>) onObjects.invoke(null), scaler.getValue());
      ScalerTrigger<?> job = RequiredMetadata.fill((ScalerTrigger<?>) onJobs.invoke(null), scaler.getValue());
      ScalerTrigger<?> typed = RequiredMetadata.fill(
          (ScalerTrigger<?>) triggerClass(type).getDeclaredConstructor().newInstance(), scaler.getValue());

      // When
      ScaledObjectDefinition started = (ScaledObjectDefinition) object.getClass()
          .getMethod("scaling", String.class).invoke(object, "app");
      ScaledJob scaledJob = (ScaledJob) job.getClass()
          .getMethod("running", String.class, String.class, JobSpec.class).invoke(job, "j", "ns", JOB);

      // Then: the same validated objects as the typed trigger gives
      assertThat(object.type()).isEqualTo(type);
      assertThat(started.named("s").inNamespace("ns").toJson()).as(type)
          .isEqualTo(ScaledObjects.scaling("app").named("s").inNamespace("ns").trigger(typed).toJson());
      assertThat(dev.autoscaling.manifest.Manifests.toJson(scaledJob)).as(type)
          .isEqualTo(dev.autoscaling.manifest.Manifests.toJson(ScaledJobs.running("j", "ns", JOB, typed)));
    }
  }

  @Test
  void shouldReadLikeTheWorkshopsYaml() {
    var started = ScaledObjects.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queue("orders").queueLength(10)
        .authenticationRef("trigger-auth-rabbitmq-conn")
        .scaling("virtual-worker").named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60));
    var today = ScaledObjects.scaling("virtual-worker")
        .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
        .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
        .trigger(Triggers.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders")
            .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10).authenticationRef("trigger-auth-rabbitmq-conn"));

    assertThat(started.build()).isEqualTo(today.build());
    assertThat(started.toYaml()).isEqualTo(today.toYaml()).contains("queueName: orders", "mode: QueueLength",
        "value: \"10\"").doesNotContain("queueLength");
  }

  @Test
  void shouldStartAScaledJobTheSameWay() {
    ScaledJob started = ScaledJobs.rabbitmq().queue("orders").queueLength(5).authenticationRef("rabbitmq-auth")
        .running("order-jobs", "pets", JOB);
    ScaledJob today = ScaledJobs.running("order-jobs", "pets", JOB, Triggers.rabbitmq().queueName("orders")
        .mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(5).authenticationRef("rabbitmq-auth"));

    assertThat(started).isEqualTo(today);
  }
}
