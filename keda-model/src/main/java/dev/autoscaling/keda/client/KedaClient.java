package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Duration;

/**
 * The KEDA resources as a fabric8 client extension: {@code client.adapt(KedaClient.class)}.
 *
 * <pre>{@code
 * KedaClient keda = kubernetes.adapt(KedaClient.class);
 * keda.scaledObjects().inNamespace("pets").resource(scaledObject).serverSideApply();
 * keda.waitUntilScaledObjectReady("pets", "virtual-worker-rabbitmq-scaledobject", Duration.ofMinutes(1));
 * }</pre>
 */
public interface KedaClient extends Client {

  MixedOperation<ScaledObject, KubernetesResourceList<ScaledObject>, Resource<ScaledObject>> scaledObjects();

  MixedOperation<ScaledJob, KubernetesResourceList<ScaledJob>, Resource<ScaledJob>> scaledJobs();

  MixedOperation<TriggerAuthentication, KubernetesResourceList<TriggerAuthentication>,
      Resource<TriggerAuthentication>> triggerAuthentications();

  NonNamespaceOperation<ClusterTriggerAuthentication, KubernetesResourceList<ClusterTriggerAuthentication>,
      Resource<ClusterTriggerAuthentication>> clusterTriggerAuthentications();

  MixedOperation<CloudEventSource, KubernetesResourceList<CloudEventSource>, Resource<CloudEventSource>>
      cloudEventSources();

  NonNamespaceOperation<ClusterCloudEventSource, KubernetesResourceList<ClusterCloudEventSource>,
      Resource<ClusterCloudEventSource>> clusterCloudEventSources();

  /**
   * Waits, with a watch, until KEDA reports the ScaledObject {@code Ready=True} (its triggers resolved, its HPA
   * created).
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientTimeoutException when it is not ready in time
   */
  ScaledObject waitUntilScaledObjectReady(String namespace, String name, Duration timeout);
}
