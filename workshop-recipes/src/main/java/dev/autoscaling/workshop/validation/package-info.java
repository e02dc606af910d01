/**
 * Validation of manifest files before the workshop applies them. Null-marked: no parameter or return value is null
 * unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.validation;

import org.jspecify.annotations.NullMarked;
