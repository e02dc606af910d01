package dev.autoscaling.aks;

/**
 * The outcome of {@link AksProvisioner#ensureResourceGroup}. A pre-existing group is never deleted by
 * {@link AksProvisioner#teardown}.
 */
public record ResourceGroupResult(String name, String location, boolean preExisting) {
}
