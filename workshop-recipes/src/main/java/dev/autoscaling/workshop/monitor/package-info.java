/**
 * Monitors that follow a cluster and a queue while the workshop runs. Null-marked: no parameter or return value is
 * null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.monitor;

import org.jspecify.annotations.NullMarked;
