package dev.autoscaling.karpenter.client;

import dev.autoscaling.karpenter.status.Readiness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A wait of {@link KarpenterClient} ran out of time. The message carries what was last seen — which conditions
 * were not True, with their reasons and messages — because "timed out" alone sends everyone to {@code kubectl
 * describe}. It is a {@link KubernetesClientTimeoutException}, so code that catches fabric8's own keeps working;
 * {@link #getResourcesNotReady()} holds the objects as last seen.
 */
public final class NotReadyException extends KubernetesClientTimeoutException {

  private final transient List<Readiness> lastSeen;
  private final String explanation;

  NotReadyException(List<? extends HasMetadata> lastSeen, long timeoutMillis, String explanation) {
    super(List.copyOf(lastSeen), timeoutMillis, TimeUnit.MILLISECONDS);
    this.lastSeen = lastSeen.stream().map(Readiness::of).toList();
    this.explanation = explanation;
  }

  /** The readiness of each object the wait was about, as last seen (empty when none was ever seen). */
  public List<Readiness> lastSeen() {
    return lastSeen;
  }

  @Override
  public String getMessage() {
    return explanation;
  }
}
