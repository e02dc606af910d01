/**
 * The workshop's steps: what each applies and how it verifies it. Null-marked: no parameter or return value is null
 * unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop.step;

import org.jspecify.annotations.NullMarked;
