/**
 * The autoscaling workshop as steps that apply and verify manifests, with their configuration and report.
 * Null-marked: no parameter or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.workshop;

import org.jspecify.annotations.NullMarked;
