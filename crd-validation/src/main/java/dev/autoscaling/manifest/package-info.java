/**
 * Reading and writing manifests: multi-document YAML and JSON read as the API server would, objects written back as
 * YAML or JSON, snapshots and status conditions. Null-marked: no parameter or return value is null unless its type
 * says {@code @Nullable}.
 */
@NullMarked
package dev.autoscaling.manifest;

import org.jspecify.annotations.NullMarked;
