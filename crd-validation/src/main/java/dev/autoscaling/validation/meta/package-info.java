/**
 * The validation of object metadata the API server applies to every object. Null-marked: no parameter or return
 * value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.validation.meta;

import org.jspecify.annotations.NullMarked;
