package dev.autoscaling.keda;

import dev.autoscaling.keda.triggers.ScalerTrigger;

/**
 * Entry points for ScaledObjects, meant for {@code import static}: one per scaler of KEDA's catalogue (inherited
 * from the generated {@link ScaledObjectScalers}), each starting from the trigger as the YAML reads, and
 * {@link #scaling(String)} for a ScaledObject given its triggers one by one.
 *
 * <pre>{@code
 * ScaledObject worker = ScaledObjects.rabbitmq().protocol(RabbitmqTrigger.Protocol.HTTP).queue("orders")
 *     .queueLength(10).authenticationRef("trigger-auth-rabbitmq-conn")
 *     .scaling("virtual-worker").named("virtual-worker-rabbitmq-scaledobject").inNamespace("pets")
 *     .minReplicas(1).pollingInterval(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 */
public final class ScaledObjects extends ScaledObjectScalers {

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
