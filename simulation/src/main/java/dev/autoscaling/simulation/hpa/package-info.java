/**
 * The simulated Horizontal Pod Autoscaler. Null-marked: no parameter or return value is null unless its type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation.hpa;

import org.jspecify.annotations.NullMarked;
