/**
 * The fabric8 client extension for KEDA's resources. Null-marked: no parameter or return value is null unless its
 * type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.keda.client;

import org.jspecify.annotations.NullMarked;
