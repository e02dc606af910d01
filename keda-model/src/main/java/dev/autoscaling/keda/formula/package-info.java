/**
 * KEDA's scaling-modifier formulas: parsed, checked and evaluated as KEDA evaluates them. Null-marked: no parameter
 * or return value is null unless its type says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.keda.formula;

import org.jspecify.annotations.NullMarked;
