package dev.autoscaling.aks;

import java.util.List;

/** The system pool's taints after {@link SystemPool#taint}; {@code changed} is false for a no-op. */
public record TaintResult(String pool, List<String> nodeTaints, boolean changed) {

  public TaintResult {
    nodeTaints = List.copyOf(nodeTaints);
  }
}
