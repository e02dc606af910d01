/**
 * The simulated workloads a scenario scales. Null-marked: no parameter or return value is null unless its type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation.workload;

import org.jspecify.annotations.NullMarked;
