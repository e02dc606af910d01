/**
 * The fabric8 client extension for Karpenter's resources. Null-marked: no parameter or return value is null unless
 * its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.karpenter.client;

import org.jspecify.annotations.NullMarked;
