/**
 * Where the workshop remembers the steps already done. Null-marked: no parameter or return value is null unless its
 * type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.progress;

import org.jspecify.annotations.NullMarked;
