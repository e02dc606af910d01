/**
 * The estimated cost of CEL rules, as the API server bounds it when a CRD is installed. Null-marked: no parameter
 * or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.validation.cost;

import org.jspecify.annotations.NullMarked;
