package dev.autoscaling.aks;

import java.util.List;

/**
 * What {@link AksManager#teardown} deleted, and what it left alone with the reason (e.g. a resource group that
 * existed before, or a cluster without the {@code created-by: dev.autoscaling} tag).
 *
 * @param deleted e.g. {@code cluster WorkshopRG/workshopcluster}
 * @param skipped e.g. {@code resource group WorkshopRG: it existed before this SDK ensured it}
 */
public record TeardownReport(List<String> deleted, List<String> skipped) {

  public TeardownReport {
    deleted = List.copyOf(deleted);
    skipped = List.copyOf(skipped);
  }

  static TeardownReport of(List<Deletion> deletions) {
    return new TeardownReport(deletions.stream().filter(Deletion::deleted).map(Deletion::describe).toList(),
        deletions.stream().filter(d -> !d.deleted()).map(Deletion::describe).toList());
  }
}
