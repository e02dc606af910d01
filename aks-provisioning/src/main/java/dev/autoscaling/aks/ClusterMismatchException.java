package dev.autoscaling.aks;

import java.util.List;

/**
 * The cluster exists and differs from the spec; nothing was changed. Ask for {@link OnDifference#UPDATE} to change
 * it, or change the spec.
 */
public final class ClusterMismatchException extends AksProvisioningException {

  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  public ClusterMismatchException(String operation, List<String> differences) {
    super(operation, 0, "ClusterDiffersFromSpec", "the existing cluster differs from the spec and was left alone"
        + " (pass OnDifference.UPDATE to change it):\n  " + String.join("\n  ", differences), null);
    this.differences = List.copyOf(differences);
  }

  /** One line per field, e.g. {@code networkProfile.networkDataplane: wanted cilium, found azure}. */
  public List<String> differences() {
    return differences;
  }
}
