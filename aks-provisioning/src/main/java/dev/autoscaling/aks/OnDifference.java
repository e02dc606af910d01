package dev.autoscaling.aks;

/** What {@link Clusters#createOrUpdate} does with an existing cluster that differs from the spec. */
public enum OnDifference {
  /** Leave it alone and throw {@link ClusterMismatchException} listing the differences (the default). */
  FAIL,
  /** Send the spec's KEDA, Node Auto Provisioning and network settings over the existing cluster. */
  UPDATE
}
