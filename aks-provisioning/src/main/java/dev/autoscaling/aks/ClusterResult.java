package dev.autoscaling.aks;

/** What {@link Clusters#createOrUpdate} did, and the cluster's provisioning state afterwards. */
public record ClusterResult(String resourceGroup, String name, Action action, String provisioningState) {

  public enum Action {
    /** The cluster did not exist and was created. */
    CREATED,
    /** The cluster was half-created (Failed or Creating) and the same body was sent again. */
    RESUMED,
    /** The cluster differed from the spec and was updated, as asked. */
    UPDATED,
    /** The cluster already matched the spec: no PUT was sent. */
    UNCHANGED
  }
}
