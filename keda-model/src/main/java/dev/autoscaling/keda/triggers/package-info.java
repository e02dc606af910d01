/**
 * Typed KEDA triggers and the rules of KEDA's scaler catalogue. Null-marked: no parameter or return value is null
 * unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.keda.triggers;

import org.jspecify.annotations.NullMarked;
