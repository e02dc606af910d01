package dev.autoscaling.aks;

/**
 * The outcome of {@link AksProvisioner#ensureResourceGroup}. A pre-existing group is never deleted by
 * {@link AksProvisioner#teardown}.
 *
 * @param preExisting the group was there before this SDK (not tagged by it): never deleted by teardown
 * @param created     this call created it (false when it was already there, from an earlier run or not)
 */
public record ResourceGroupResult(String name, String location, boolean preExisting, boolean created) {
}
