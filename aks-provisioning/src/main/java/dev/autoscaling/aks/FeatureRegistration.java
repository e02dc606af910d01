package dev.autoscaling.aks;

/**
 * The outcome of {@link Features#ensureNodeAutoProvisioning}: the feature's and the provider's final
 * states, and whether the provider was registered again (needed for a newly registered feature to apply).
 */
public record FeatureRegistration(String featureState, String providerState, boolean providerRegisterSent) {
}
