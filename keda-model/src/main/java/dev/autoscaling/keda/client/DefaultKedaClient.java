package dev.autoscaling.keda.client;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.ExternalMetricNames;
import dev.autoscaling.manifest.ConditionTimeoutException;
import dev.autoscaling.manifest.StatusConditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.extension.ExtensionRootClientAdapter;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** The {@link KedaClient} fabric8 hands out for {@code client.adapt(KedaClient.class)}. */
public class DefaultKedaClient extends ExtensionRootClientAdapter<DefaultKedaClient> implements KedaClient {

  /** The condition KEDA sets True once it has read the triggers and made the HPA. */
  private static final String READY = "Ready";

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
    requireTimeout(timeout);
    String subject = "ScaledObject " + namespace + "/" + name;
    Seen<ScaledObject> seen = new Seen<>();
    ScaledObject ready = await(scaledObjects().inNamespace(namespace).withName(name),
        scaledObject -> StatusConditions.isTrue(scaledObject, READY), seen, subject, timeout);
    if (ready != null) {
      return ready;
    }
    String within = " within " + text(timeout);
    if (seen.last == null) {
      throw new ConditionTimeoutException(List.of(), timeout.toMillis(),
          subject + " was not found" + within + ": are the name and the namespace right?");
    }
    throw new ConditionTimeoutException(List.of(seen.last), timeout.toMillis(), seen.present
        ? subject + " was not Ready" + within + "; last seen: " + StatusConditions.describe(seen.last, READY)
        : subject + " was deleted while waiting, before it was Ready; last seen: "
            + StatusConditions.describe(seen.last, READY));
  }

  @Override
  public HorizontalPodAutoscaler waitUntilHpaCreated(String namespace, String scaledObjectName, Duration timeout) {
    requireTimeout(timeout);
    ScaledObject scaledObject = scaledObjects().inNamespace(namespace).withName(scaledObjectName).get();
    if (scaledObject == null) {
      throw new IllegalArgumentException("no ScaledObject " + namespace + "/" + scaledObjectName);
    }
    String hpaName = ExternalMetricNames.hpaName(scaledObject);
    String subject = "HorizontalPodAutoscaler " + namespace + "/" + hpaName;
    HorizontalPodAutoscaler hpa = await(adapt(KubernetesClient.class).autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(hpaName), Objects::nonNull, new Seen<>(), subject, timeout);
    if (hpa != null) {
      return hpa;
    }
    // KEDA creates the HPA once it has read the ScaledObject's triggers: its Ready condition says why it has not
    ScaledObject now = scaledObjects().inNamespace(namespace).withName(scaledObjectName).get();
    throw new ConditionTimeoutException(now == null ? List.of() : List.of(now), timeout.toMillis(),
        subject + " (KEDA's HPA for ScaledObject " + scaledObjectName + ") was not created within " + text(timeout)
            + "; " + (now == null ? "the ScaledObject was deleted meanwhile"
            : "the ScaledObject reports " + StatusConditions.describe(now, READY)));
  }

  /** What a wait saw of its object: the last version, and whether it still existed at the end. */
  private static final class Seen<T> {
    volatile T last;
    volatile boolean present;
  }

  /**
   * Watches (lists once, then follows changes) until the object exists and {@code done} holds for it; null when
   * the time runs out first. {@code seen} keeps what was last seen, for the message.
   */
  private static <T extends HasMetadata> T await(Informable<T> source, Predicate<T> done, Seen<T> seen,
      String subject, Duration timeout) {
    CompletableFuture<List<T>> condition = source.informOnCondition(items -> {
      seen.present = !items.isEmpty();
      if (items.isEmpty()) {
        return false;
      }
      seen.last = items.get(0);
      return done.test(items.get(0));
    });
    try {
      return condition.get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(0);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while waiting for " + subject, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new KubernetesClientException("watching " + subject + " failed: " + e.getCause().getMessage(),
          e.getCause());
    } finally {
      condition.cancel(true);
    }
  }

  private static void requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " leaves no time to wait; pass a positive duration,"
          + " e.g. Duration.ofMinutes(1)");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}: the timeout as it was most likely written. */
  private static String text(Duration timeout) {
    long millis = timeout.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
