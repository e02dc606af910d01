package dev.autoscaling.aks;

/**
 * The outcome of {@link ResourceGroups#ensure}. A pre-existing group is never deleted by
 * {@link AksManager#teardown}.
 *
 * @param preExisting the group was there before this SDK (not tagged by it): never deleted by teardown
 * @param created     this call created it (false when it was already there, from an earlier run or not)
 */
public record ResourceGroupResult(String name, String location, boolean preExisting, boolean created) {
}
