package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import io.fabric8.kubernetes.client.Client;

import java.time.Duration;

/**
 * The KEDA resources as a fabric8 client extension: {@code client.adapt(KedaClient.class)}, with flat accessors
 * ({@code scaledObjects()}, {@code triggerAuthentications()}, ...) as {@code KarpenterClient} has.
 *
 * <pre>{@code
 * KedaClient keda = kubernetes.adapt(KedaClient.class);
 * keda.scaledObjects().inNamespace("pets").resource(scaledObject).serverSideApply();
 * keda.waitUntilScaledObjectReady("pets", "virtual-worker-rabbitmq-scaledobject", Duration.ofMinutes(1));
 * }</pre>
 */
public interface KedaClient extends Client, KedaV1alpha1Api {

  /**
   * The same accessors again, under the API version.
   *
   * @deprecated both client extensions are flat, like {@code KarpenterClient}: call {@code keda.scaledObjects()}
   *     (the accessors this interface inherits) instead of {@code keda.v1alpha1().scaledObjects()}
   */
  @Deprecated(forRemoval = false)
  KedaV1alpha1Api v1alpha1();

  /**
   * Waits, with a watch, until KEDA reports the ScaledObject {@code Ready=True} (its triggers resolved, its HPA
   * created).
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientTimeoutException when it is not ready in time
   */
  ScaledObject waitUntilScaledObjectReady(String namespace, String name, Duration timeout);

  /**
   * Waits until the HPA KEDA creates for the ScaledObject exists ({@code keda-hpa-<name>}, or the custom name of
   * {@code advanced.horizontalPodAutoscalerConfig}) and returns it.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientTimeoutException when it does not appear in time
   */
  io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler waitUntilHpaCreated(String namespace,
      String scaledObjectName, Duration timeout);
}
