package dev.autoscaling.aks;

import java.util.List;

/**
 * What {@link AksProvisioner#teardown} deleted, and what it left alone with the reason (e.g. a resource group that
 * existed before, or a cluster without the {@code created-by: dev.autoscaling} tag).
 */
public record TeardownReport(List<String> deleted, List<String> skipped) {

  public TeardownReport {
    deleted = List.copyOf(deleted);
    skipped = List.copyOf(skipped);
  }
}
