/**
 * An embedded Kubernetes API server the workshop runs on without a cluster. Null-marked: no parameter or return
 * value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.embedded;

import org.jspecify.annotations.NullMarked;
