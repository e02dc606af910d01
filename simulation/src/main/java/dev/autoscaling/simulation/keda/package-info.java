/**
 * The simulated KEDA operator. Null-marked: no parameter or return value is null unless its type says {@code
 * @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation.keda;

import org.jspecify.annotations.NullMarked;
