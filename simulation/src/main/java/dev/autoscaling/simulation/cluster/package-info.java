/**
 * The simulated cluster: nodes, pods and the scheduler that binds them. Null-marked: no parameter or return value
 * is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation.cluster;

import org.jspecify.annotations.NullMarked;
