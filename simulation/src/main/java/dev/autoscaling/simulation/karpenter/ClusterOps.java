package dev.autoscaling.simulation.karpenter;

import dev.autoscaling.simulation.cluster.SimNode;

/** What Karpenter does to the cluster: nodes join, nodes go (their pods evicted), and it says why in Events. */
public interface ClusterOps {

  void addNode(SimNode node);

  /** Drains and deletes the node: its pods are evicted and their controllers recreate them. */
  void removeNode(String name);

  void event(String reason, String object, String message);
}
