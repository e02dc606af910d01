package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.manifest.ConditionTimeoutException;
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

  // The waits below watch (list once, then follow changes) rather than poll. On timeout they throw a
  // ConditionTimeoutException: a KubernetesClientTimeoutException, as KarpenterClient's NotReadyException is, whose
  // message says what was last seen.

  /**
   * Waits until KEDA reports the ScaledObject {@code Ready=True} (its triggers resolved, its HPA created).
   *
   * @throws ConditionTimeoutException when it is not Ready in time: its Ready condition as last seen (status,
   *     reason, message), that it was never found, or that it was deleted while waiting
   * @throws IllegalArgumentException when the timeout is not positive
   */
  ScaledObject waitUntilScaledObjectReady(String namespace, String name, Duration timeout);

  /**
   * Waits until the HPA KEDA creates for the ScaledObject exists ({@code keda-hpa-<name>}, or the custom name of
   * {@code advanced.horizontalPodAutoscalerConfig}) and returns it.
   *
   * @throws ConditionTimeoutException when it does not appear in time: the HPA's name, and the ScaledObject's
   *     Ready condition, which says why KEDA has not made it
   * @throws IllegalArgumentException when there is no such ScaledObject, or the timeout is not positive
   */
  io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler waitUntilHpaCreated(String namespace,
      String scaledObjectName, Duration timeout);
}
