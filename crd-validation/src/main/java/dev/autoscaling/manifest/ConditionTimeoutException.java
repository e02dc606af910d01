package dev.autoscaling.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A wait of one of the SDK's client extensions ran out of time. The message says what was last seen — which status
 * conditions were not True, with reason and message, or that the object never appeared — because "timed out" alone
 * sends everyone to {@code kubectl describe}. It is a {@link KubernetesClientTimeoutException}, so code that catches
 * fabric8's own keeps working, and one type for both extensions, so code that waits on KEDA and Karpenter objects
 * needs one catch. {@link #getResourcesNotReady()} holds the objects as last seen (empty when none was seen).
 */
public class ConditionTimeoutException extends KubernetesClientTimeoutException {

  private final String explanation;

  public ConditionTimeoutException(List<? extends HasMetadata> lastSeen, long timeoutMillis, String explanation) {
    super(List.copyOf(lastSeen), timeoutMillis, TimeUnit.MILLISECONDS);
    this.explanation = explanation;
  }

  @Override
  public String getMessage() {
    return explanation;
  }
}
