package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/** The six KEDA kinds at v1alpha1 (keda.sh and eventing.keda.sh), as fabric8 operations. */
public interface KedaV1alpha1Api {

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
}
