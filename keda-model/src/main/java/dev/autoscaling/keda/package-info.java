/**
 * KEDA's ScaledObjects, ScaledJobs and TriggerAuthentications as immutable definitions, with their validation and a
 * scaling preview. Null-marked: no parameter or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.keda;

import org.jspecify.annotations.NullMarked;
