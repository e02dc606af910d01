package dev.autoscaling.karpenter.status;

import org.jspecify.annotations.Nullable;


/**
 * One entry of a Karpenter object's {@code status.conditions}, read from any of the kinds (they all share the
 * operatorpkg condition shape), so callers need not know each kind's generated {@code Conditions} class.
 *
 * @param reason  the condition's {@code reason}; {@code null} when it has none
 * @param message its {@code message}; {@code null} when it has none
 * @param observedGeneration the {@code metadata.generation} the controller had seen when it set the condition;
 *     {@code null} when the condition does not say
 */
public record StatusCondition(String type, String status, @Nullable String reason, @Nullable String message,
    @Nullable Long observedGeneration) {

  public boolean isTrue() {
    return "True".equals(status);
  }

  /** {@code Registered=False (NodeNotFound: Node not registered with cluster)}: how kubectl users read it. */
  @Override
  public String toString() {
    boolean hasReason = reason != null && !reason.isEmpty();
    boolean hasMessage = message != null && !message.isEmpty();
    if (!hasReason && !hasMessage) {
      return type + "=" + status;
    }
    return type + "=" + status + " (" + (hasReason ? reason : "") + (hasReason && hasMessage ? ": " : "")
        + (hasMessage ? message : "") + ")";
  }
}
