package dev.autoscaling.simulation.karpenter;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated NodeClaim: created, then Launched ({@link #LAUNCHED_AFTER} s, the VM create call accepted), Registered
 * ({@link #REGISTERED_AFTER} s, the node joins), Initialized and Ready ({@link #INITIALIZED_AFTER} s, startup taints
 * gone, node Ready). The delays are the simulation's assumption for an Azure VM with the AKS node image; Karpenter's
 * lifecycle controller ({@code kubernetes-sigs/karpenter pkg/controllers/nodeclaim/lifecycle}) sets the same
 * conditions in the same order.
 */
public final class Claim {

  public static final long LAUNCHED_AFTER = 2;
  public static final long REGISTERED_AFTER = 45;
  public static final long INITIALIZED_AFTER = 50;

  private final String name;
  private final Pool pool;
  private final InstanceType type;
  private final long createdAt;
  private final String replaces;
  private final String reason;
  private final List<String> nominated = new ArrayList<>();

  public Claim(String name, Pool pool, InstanceType type, long createdAt, @Nullable String replaces, String reason) {
    this.name = name;
    this.pool = pool;
    this.type = type;
    this.createdAt = createdAt;
    this.replaces = replaces;
    this.reason = reason;
  }

  public String name() {
    return name;
  }

  public Pool pool() {
    return pool;
  }

  public InstanceType type() {
    return type;
  }

  public long createdAt() {
    return createdAt;
  }

  /** The node this claim replaces (drift, consolidation), or null. */
  public @Nullable String replaces() {
    return replaces;
  }

  /** Why it was made: provisioning, drift, consolidation. */
  public String reason() {
    return reason;
  }

  /** The node's name: AKS names NAP nodes aks-&lt;nodepool&gt;-&lt;suffix&gt;. */
  public String nodeName() {
    return "aks-" + name;
  }

  /** The pods this claim was launched for, which the provisioner does not launch for again. */
  public List<String> nominated() {
    return nominated;
  }

  public boolean launched(long now) {
    return now - createdAt >= LAUNCHED_AFTER;
  }

  public boolean registered(long now) {
    return now - createdAt >= REGISTERED_AFTER;
  }

  public boolean initialized(long now) {
    return now - createdAt >= INITIALIZED_AFTER;
  }
}
