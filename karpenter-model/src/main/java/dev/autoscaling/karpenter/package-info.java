/**
 * Karpenter's NodePools, AKSNodeClasses and EC2NodeClasses as immutable definitions, with their validation and
 * descriptions. Null-marked: no parameter or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.karpenter;

import org.jspecify.annotations.NullMarked;
