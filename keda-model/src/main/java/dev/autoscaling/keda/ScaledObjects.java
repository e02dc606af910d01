package dev.autoscaling.keda;

import dev.autoscaling.keda.triggers.ScalerTrigger;

/**
 * Entry points for ScaledObjects, meant for {@code import static}.
 *
 * <pre>{@code
 * ScaledObject worker = ScaledObjects.scaling("virtual-worker")
 *     .named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
 *     .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
 *     .trigger(new RabbitmqTrigger().protocol(RabbitmqTrigger.Protocol.HTTP).queueName("orders").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
 *         .authenticationRef("trigger-auth-rabbitmq-conn"))
 *     .build();
 * }</pre>
 */
public final class ScaledObjects {

  private ScaledObjects() {
  }

  /** A ScaledObject scaling the Deployment of this name (apps/v1, KEDA's default target kind). */
  public static ScaledObjectDefinition scaling(String deployment) {
    return ScaledObjectDefinition.EMPTY.target(deployment);
  }

  /** A ScaledObject driven by this trigger; say what it scales with {@code scaling(...)}. */
  public static ScaledObjectDefinition on(ScalerTrigger<?> trigger) {
    return ScaledObjectDefinition.EMPTY.trigger(trigger);
  }
}
