/**
 * A simulation of KEDA, the HPA and Karpenter scaling a workload, run in simulated time. Null-marked: no parameter
 * or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.simulation;

import org.jspecify.annotations.NullMarked;
