/**
 * Validation against the CRDs' OpenAPI schemas and CEL rules, as the API server validates: violations, reports and
 * the exception that lists them all. Null-marked: no parameter or return value is null unless its type says {@code
 * @Nullable}.
 */
@NullMarked
package dev.autoscaling.validation;

import org.jspecify.annotations.NullMarked;
