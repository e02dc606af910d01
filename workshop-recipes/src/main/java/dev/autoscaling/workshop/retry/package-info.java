/**
 * Retries of Kubernetes requests. Null-marked: no parameter or return value is null unless its type says {@code
 * @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.retry;

import org.jspecify.annotations.NullMarked;
