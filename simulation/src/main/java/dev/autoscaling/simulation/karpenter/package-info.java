/**
 * The simulated Karpenter: NodePools, NodeClaims and the instance types they choose from. Null-marked: no parameter
 * or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation.karpenter;

import org.jspecify.annotations.NullMarked;
