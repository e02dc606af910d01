package dev.autoscaling.karpenter.client;

import dev.autoscaling.karpenter.status.Readiness;
import dev.autoscaling.manifest.ConditionTimeoutException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.List;

/**
 * A wait of {@link KarpenterClient} ran out of time. The message carries what was last seen — which conditions
 * were not True, with their reasons and messages — because "timed out" alone sends everyone to {@code kubectl
 * describe}. It is a {@link KubernetesClientTimeoutException}, so code that catches fabric8's own keeps working,
 * and a {@link ConditionTimeoutException}, as the KEDA client's waits throw; {@link #getResourcesNotReady()} holds
 * the objects as last seen.
 */
public final class NotReadyException extends ConditionTimeoutException {

  private final transient List<Readiness> lastSeen;

  NotReadyException(List<? extends HasMetadata> lastSeen, long timeoutMillis, String explanation) {
    super(lastSeen, timeoutMillis, explanation);
    this.lastSeen = lastSeen.stream().map(Readiness::of).toList();
  }

  /** The readiness of each object the wait was about, as last seen (empty when none was ever seen). */
  public List<Readiness> lastSeen() {
    return lastSeen;
  }
}
