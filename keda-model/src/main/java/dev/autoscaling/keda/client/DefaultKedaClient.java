package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.manifest.StatusConditions;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.extension.ExtensionRootClientAdapter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The {@link KedaClient} fabric8 hands out for {@code client.adapt(KedaClient.class)}. */
public class DefaultKedaClient extends ExtensionRootClientAdapter<DefaultKedaClient> implements KedaClient {

  public DefaultKedaClient(Client client) {
    super(client);
  }

  @Override
  protected DefaultKedaClient newInstance(Client client) {
    return new DefaultKedaClient(client);
  }

  @Override
  @Deprecated(forRemoval = false)
  public KedaV1alpha1Api v1alpha1() {
    return this;
  }

  @Override
  public MixedOperation<ScaledObject, KubernetesResourceList<ScaledObject>, Resource<ScaledObject>> scaledObjects() {
    return resources(ScaledObject.class, null);
  }

  @Override
  public MixedOperation<ScaledJob, KubernetesResourceList<ScaledJob>, Resource<ScaledJob>> scaledJobs() {
    return resources(ScaledJob.class, null);
  }

  @Override
  public MixedOperation<TriggerAuthentication, KubernetesResourceList<TriggerAuthentication>,
      Resource<TriggerAuthentication>> triggerAuthentications() {
    return resources(TriggerAuthentication.class, null);
  }

  @Override
  public NonNamespaceOperation<ClusterTriggerAuthentication, KubernetesResourceList<ClusterTriggerAuthentication>,
      Resource<ClusterTriggerAuthentication>> clusterTriggerAuthentications() {
    return resources(ClusterTriggerAuthentication.class, null);
  }

  @Override
  public MixedOperation<CloudEventSource, KubernetesResourceList<CloudEventSource>, Resource<CloudEventSource>>
      cloudEventSources() {
    return resources(CloudEventSource.class, null);
  }

  @Override
  public NonNamespaceOperation<ClusterCloudEventSource, KubernetesResourceList<ClusterCloudEventSource>,
      Resource<ClusterCloudEventSource>> clusterCloudEventSources() {
    return resources(ClusterCloudEventSource.class, null);
  }

  @Override
  public ScaledObject waitUntilScaledObjectReady(String namespace, String name, Duration timeout) {
    return scaledObjects().inNamespace(namespace).withName(name)
        .waitUntilCondition(scaledObject -> StatusConditions.isTrue(scaledObject, "Ready"), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler waitUntilHpaCreated(String namespace,
      String scaledObjectName, Duration timeout) {
    ScaledObject scaledObject = scaledObjects().inNamespace(namespace).withName(scaledObjectName).get();
    if (scaledObject == null) {
      throw new IllegalArgumentException("no ScaledObject " + namespace + "/" + scaledObjectName);
    }
    return adapt(io.fabric8.kubernetes.client.KubernetesClient.class).autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(dev.autoscaling.keda.ExternalMetricNames.hpaName(scaledObject))
        .waitUntilCondition(java.util.Objects::nonNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
