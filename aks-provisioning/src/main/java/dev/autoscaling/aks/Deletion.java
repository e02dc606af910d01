package dev.autoscaling.aks;

import java.util.Objects;

/**
 * What a guarded delete did with one resource: deleted it, or kept it and why (not found, not tagged as created by
 * this SDK, there before this SDK, holding a cluster this SDK did not create).
 *
 * @param resource e.g. {@code cluster WorkshopRG/workshopcluster} or {@code resource group WorkshopRG}
 * @param reason   why it was kept; empty when it was deleted
 */
public record Deletion(String resource, boolean deleted, String reason) {

  public Deletion {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(reason, "reason");
    if (deleted != reason.isEmpty()) {
      throw new IllegalArgumentException("a reason is given for a kept resource, and only then: " + reason);
    }
  }

  static Deletion deleted(String resource) {
    return new Deletion(resource, true, "");
  }

  static Deletion kept(String resource, String reason) {
    return new Deletion(resource, false, reason);
  }

  /** {@code resource}, or {@code resource: reason} for a kept one. */
  public String describe() {
    return deleted ? resource : resource + ": " + reason;
  }
}
