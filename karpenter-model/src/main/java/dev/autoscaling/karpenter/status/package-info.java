/**
 * The readiness of Karpenter's objects, read from their status conditions. Null-marked: no parameter or return
 * value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.karpenter.status;

import org.jspecify.annotations.NullMarked;
