/**
 * The bounded memory a validator remembers rule and pattern outcomes in. Null-marked: no parameter or return value
 * is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.validation.memo;

import org.jspecify.annotations.NullMarked;
