/**
 * AKS provisioning in the Azure SDK's shape: a manager with features, resource groups, clusters and the system
 * pool. Null-marked: no parameter or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.aks;

import org.jspecify.annotations.NullMarked;
