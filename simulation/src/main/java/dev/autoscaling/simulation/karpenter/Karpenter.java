package dev.autoscaling.simulation.karpenter;

import dev.autoscaling.simulation.cluster.Scheduler;
import dev.autoscaling.simulation.cluster.SimNode;
import dev.autoscaling.simulation.cluster.SimPod;
import dev.autoscaling.simulation.cluster.Taint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Karpenter (Node Auto Provisioning) over the simulated cluster, after {@code kubernetes-sigs/karpenter} v1.14
 * (the core Azure's provider v1.14.2 builds on) and {@code Azure/karpenter-provider-azure} v1.14.2:
 * <ul>
 *   <li>provisioning ({@code pkg/controllers/provisioning}): unschedulable pods are batched until no new one came
 *   for {@value #BATCH_IDLE} s or {@value #BATCH_MAX} s passed (BATCH_IDLE_DURATION, BATCH_MAX_DURATION); pods
 *   go, largest first, onto in-flight NodeClaims with room, else onto new NodeClaims of the heaviest NodePool whose
 *   requirements, taints and limits allow them; each NodeClaim's sizes are those that fit all its pods, and the
 *   provider launches the cheapest ({@code pkg/providers/instance}: the cheapest offering);</li>
 *   <li>disruption ({@code pkg/controllers/disruption}) every {@value #DISRUPTION_PERIOD} s, one command per
 *   pass in Karpenter's order: expiration (forceful, no budget), drift (the NodePool's template or its
 *   AKSNodeClass changed), emptiness (one command deletes every empty node the budgets allow, as
 *   {@code emptiness.go} does), single-node consolidation (delete when the pods fit elsewhere, replace when a
 *   cheaper size takes them all); nodes are consolidatable {@code consolidateAfter} after their last pod
 *   change; budgets ({@code nodes}, default 10%, percentages rounded up) cap the nodes of a NodePool disrupted
 *   at once; replacements launch first and the old node is drained when they are initialized.</li>
 * </ul>
 * Not modelled: the 15 s a consolidation command waits before it is re-validated and run
 * ({@code commandValidationDelay}: here it runs in the pass that finds it), multi-node consolidation, spot and
 * capacity errors, topology spread, daemonset overhead, minValues, NodeOverlays, budget schedules (taken as always
 * active), disruption reasons and do-not-disrupt annotations.
 */
public final class Karpenter {

  public static final long BATCH_IDLE = 1;
  public static final long BATCH_MAX = 10;
  public static final long DISRUPTION_PERIOD = 10;
  /** The label Karpenter puts on its nodes and NodeClaims. */
  public static final String NODEPOOL_LABEL = "karpenter.sh/nodepool";

  private final List<InstanceType> catalogue;
  private final Map<String, Pool> pools = new TreeMap<>();
  private final Map<String, List<Offer>> offers = new HashMap<>();
  private final Map<String, Map<String, Map<String, String>>> offerLabels = new HashMap<>();
  private final List<Claim> claims = new ArrayList<>();
  private final Map<String, String> claimHash = new HashMap<>();
  private final Map<String, Integer> stage = new HashMap<>();
  private final Map<String, long[]> podChange = new HashMap<>();
  private final Set<String> reportedUnschedulable = new HashSet<>();
  private long batchStart = -1;
  private long batchChange = -1;
  private int batchSize;
  private int counter;

  public Karpenter(List<InstanceType> catalogue) {
    this.catalogue = List.copyOf(catalogue);
  }

  public List<InstanceType> catalogue() {
    return catalogue;
  }

  public void pool(Pool pool) {
    pools.put(pool.name(), pool);
    // the sizes a pool offers and the labels their nodes would carry, computed once per NodePool version
    List<Offer> offered = new ArrayList<>();
    for (InstanceType type : catalogue) {
      if (pool.offers(type)) {
        Map<String, String> labels = new HashMap<>(type.labels());
        labels.putAll(pool.labels());
        labels.put(NODEPOOL_LABEL, pool.name());
        offered.add(new Offer(type, labels));
      }
    }
    offers.put(pool.name(), List.copyOf(offered));
    Map<String, Map<String, String>> byType = new HashMap<>();
    offered.forEach(o -> byType.put(o.type().name(), o.labels()));
    offerLabels.put(pool.name(), byType);
  }

  private record Offer(InstanceType type, Map<String, String> labels) {
  }

  public Map<String, Pool> pools() {
    return pools;
  }

  public List<Claim> claims() {
    return claims;
  }

  /** The NodePool hash a claim was launched with; different from its pool's now means drifted. */
  public String hashOf(Claim claim) {
    return claimHash.get(claim.name());
  }

  public void step(long now, List<SimPod> pods, List<SimNode> nodes, ClusterOps ops) {
    lifecycle(now, nodes, ops);
    trackPodChanges(now, pods, nodes);
    provision(now, pods, nodes, ops);
    if (now % DISRUPTION_PERIOD == 0) {
      disrupt(now, pods, nodes, ops);
    }
  }

  private void lifecycle(long now, List<SimNode> nodes, ClusterOps ops) {
    for (Claim claim : List.copyOf(claims)) {
      int at = stage.getOrDefault(claim.name(), 0);
      if (at < 1 && claim.launched(now)) {
        stage.put(claim.name(), at = 1);
        ops.event("Launched", "NodeClaim/" + claim.name(), "launched " + claim.type().name() + " in "
            + claim.type().labels().get("topology.kubernetes.io/zone") + " ($" + claim.type().usdPerHour() + "/h)");
      }
      if (at < 2 && claim.registered(now)) {
        stage.put(claim.name(), at = 2);
        List<Taint> taints = new ArrayList<>(claim.pool().taints());
        taints.addAll(claim.pool().startupTaints());
        SimNode node = new SimNode(claim.nodeName(), nodeLabels(claim), taints, claim.type().allocatableCpuMilli(),
            claim.type().allocatableMemoryMi(), claim.pool().name(), claim.type().name(), claim.type().usdPerHour(),
            now, osImage(claim.pool().imageFamily()));
        ops.addNode(node);
        ops.event("Registered", "NodeClaim/" + claim.name(), "node " + node.name() + " registered");
      }
      if (at < 3 && claim.initialized(now)) {
        stage.put(claim.name(), 3);
        SimNode node = find(nodes, claim.nodeName());
        if (node != null) {
          node.taints().removeAll(claim.pool().startupTaints());
          node.ready(true);
          podChange.put(node.name(), new long[] {-1, now});
        }
        claim.nominated().clear();
        ops.event("Initialized", "NodeClaim/" + claim.name(), "node " + claim.nodeName() + " Ready");
        if (claim.replaces() != null) {
          Claim old = claimOfNode(claim.replaces());
          ops.event("DisruptionTerminating", "Node/" + claim.replaces(), claim.reason() + ": replaced by "
              + claim.nodeName() + " (" + claim.type().name() + ")");
          ops.removeNode(claim.replaces());
          if (old != null) {
            forget(old);
          }
        }
      }
    }
  }

  /** Node image names per image family, as the nodes' osImage reads on AKS. */
  static String osImage(String imageFamily) {
    return "AzureLinux".equals(imageFamily) ? "CBL-Mariner/Linux" : "Ubuntu 24.04.3 LTS";
  }

  private static Map<String, String> nodeLabels(Claim claim) {
    Map<String, String> labels = new LinkedHashMap<>(claim.type().labels());
    labels.putAll(claim.pool().labels());
    labels.put(NODEPOOL_LABEL, claim.pool().name());
    labels.put("kubernetes.io/hostname", claim.nodeName());
    labels.put("karpenter.azure.com/aksnodeclass", String.valueOf(claim.pool().nodeClass()));
    labels.put("kubernetes.azure.com/os-sku", claim.pool().imageFamily());
    return labels;
  }

  private void trackPodChanges(long now, List<SimPod> pods, List<SimNode> nodes) {
    Map<String, Integer> counts = new HashMap<>();
    for (SimPod pod : pods) {
      if (pod.node() != null) {
        counts.merge(pod.node(), 1, Integer::sum);
      }
    }
    for (SimNode node : nodes) {
      long[] seen = podChange.computeIfAbsent(node.name(), n -> new long[] {-1, now});
      int count = counts.getOrDefault(node.name(), 0);
      if (seen[0] != count) {
        seen[0] = count;
        seen[1] = now;
      }
    }
  }

  // ---- provisioning

  private record Open(Pool pool, List<SimPod> pods, List<InstanceType> options) {
  }

  private void provision(long now, List<SimPod> pods, List<SimNode> nodes, ClusterOps ops) {
    Set<String> nominated = new HashSet<>();
    claims.forEach(c -> nominated.addAll(c.nominated()));
    List<SimPod> waiting = pods.stream().filter(p -> p.pending() && !nominated.contains(p.name())).toList();
    if (waiting.isEmpty()) {
      batchStart = -1;
      return;
    }
    if (batchStart < 0) {
      batchStart = now;
      batchChange = now;
      batchSize = waiting.size();
    } else if (waiting.size() != batchSize) {
      batchSize = waiting.size();
      batchChange = now;
    }
    if (now - batchChange < BATCH_IDLE && now - batchStart < BATCH_MAX) {
      return;
    }
    batchStart = -1;
    List<Open> opened = pack(waiting, now, true, ops);
    for (Open open : opened) {
      launch(open, now, null, "provisioning", ops);
    }
  }

  private Claim launch(Open open, long now, String replaces, String reason, ClusterOps ops) {
    InstanceType cheapest = open.options().get(0);
    String name = open.pool().name() + "-" + suffix();
    Claim claim = new Claim(name, open.pool(), cheapest, now, replaces, reason);
    open.pods().forEach(p -> claim.nominated().add(p.name()));
    claims.add(claim);
    claimHash.put(name, open.pool().hash());
    ops.event("Nominated", "NodeClaim/" + name, reason + ": " + open.pods().size() + " pod(s) on "
        + cheapest.name() + ", cheapest of " + open.options().size() + " fitting size(s) of NodePool "
        + open.pool().name());
    return claim;
  }

  private String suffix() {
    counter++;
    long mixed = (counter * 0x9E3779B97F4A7C15L) >>> 40;
    StringBuilder s = new StringBuilder();
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    for (int i = 0; i < 5; i++) {
      s.append(alphabet.charAt((int) (mixed % alphabet.length())));
      mixed /= alphabet.length();
    }
    return s.toString();
  }

  /**
   * Karpenter's scheduling simulation for these pods: onto in-flight claims (when {@code inFlight}), else onto
   * new claims of the heaviest NodePool that takes them. Each returned claim's options are sorted cheapest first.
   */
  private List<Open> pack(List<SimPod> waiting, long now, boolean inFlight, ClusterOps ops) {
    List<SimPod> sorted = waiting.stream().sorted(Comparator.comparingLong(SimPod::cpuMilli).reversed()
        .thenComparing(Comparator.comparingLong(SimPod::memoryMi).reversed()).thenComparing(SimPod::name)).toList();
    List<Open> opened = new ArrayList<>();
    List<Pool> byWeight = pools.values().stream()
        .sorted(Comparator.comparingInt(Pool::weight).reversed().thenComparing(Pool::name)).toList();
    Map<String, long[]> inFlightUse = new HashMap<>();
    Map<String, SimPod> byName = new HashMap<>();
    waiting.forEach(p -> byName.put(p.name(), p));
    pods:
    for (SimPod pod : sorted) {
      if (inFlight) {
        for (Claim claim : claims) {
          if (claim.initialized(now) || claim.replaces() != null) {
            continue;
          }
          long[] use = inFlightUse.computeIfAbsent(claim.name(), n -> new long[2]);
          if (compatible(pod, claim.pool(), claim.type()) && use[0] + pod.cpuMilli() <= claim.type()
              .allocatableCpuMilli() && use[1] + pod.memoryMi() <= claim.type().allocatableMemoryMi()) {
            use[0] += pod.cpuMilli();
            use[1] += pod.memoryMi();
            claim.nominated().add(pod.name());
            continue pods;
          }
        }
      }
      for (Pool pool : byWeight) {
        for (Open open : opened) {
          if (open.pool() != pool) {
            continue;
          }
          long cpu = pod.cpuMilli() + open.pods().stream().mapToLong(SimPod::cpuMilli).sum();
          long mem = pod.memoryMi() + open.pods().stream().mapToLong(SimPod::memoryMi).sum();
          List<InstanceType> still = open.options().stream().filter(t -> compatible(pod, pool, t)
              && t.allocatableCpuMilli() >= cpu && t.allocatableMemoryMi() >= mem).toList();
          if (!still.isEmpty()) {
            open.pods().add(pod);
            open.options().clear();
            open.options().addAll(still);
            continue pods;
          }
        }
        if (!Scheduler.toleratesAll(pod, pool.taints())) {
          continue;
        }
        long[] used = poolUse(pool, opened);
        List<InstanceType> options = new ArrayList<>();
        for (Offer offer : offers.get(pool.name())) {
          InstanceType t = offer.type();
          if (t.allocatableCpuMilli() >= pod.cpuMilli() && t.allocatableMemoryMi() >= pod.memoryMi()
              && used[0] + t.vcpus() * 1000L <= pool.limitCpuMilli() && used[1] + t.memoryMi() <= pool.limitMemoryMi()
              && used[2] + 1 <= pool.limitNodes() && pod.accepts(offer.labels())) {
            options.add(t);
          }
        }
        if (!options.isEmpty()) {
          List<SimPod> podsOfClaim = new ArrayList<>();
          podsOfClaim.add(pod);
          opened.add(new Open(pool, podsOfClaim, new ArrayList<>(options)));
          continue pods;
        }
      }
      if (ops != null && reportedUnschedulable.add(pod.name())) {
        ops.event("FailedScheduling", "Pod/" + pod.name(), "no NodePool can take it (requirements, taints or"
            + " limits): " + pools.keySet());
      }
    }
    return opened;
  }

  private long[] poolUse(Pool pool, List<Open> opened) {
    long[] used = new long[3];
    for (Claim claim : claims) {
      if (claim.pool().name().equals(pool.name())) {
        used[0] += claim.type().vcpus() * 1000L;
        used[1] += claim.type().memoryMi();
        used[2]++;
      }
    }
    for (Open open : opened) {
      if (open.pool() == pool) {
        used[0] += open.options().get(0).vcpus() * 1000L;
        used[1] += open.options().get(0).memoryMi();
        used[2]++;
      }
    }
    return used;
  }

  /** Whether a pod may run on a node of this pool and size (startup taints do not count, as in Karpenter). */
  private boolean compatible(SimPod pod, Pool pool, InstanceType type) {
    Map<String, Map<String, String>> byType = offerLabels.get(pool.name());
    Map<String, String> labels = byType == null ? null : byType.get(type.name());
    return labels != null && Scheduler.toleratesAll(pod, pool.taints()) && pod.accepts(labels);
  }

  // ---- disruption

  private void disrupt(long now, List<SimPod> pods, List<SimNode> nodes, ClusterOps ops) {
    List<Claim> candidates = claims.stream().filter(c -> c.initialized(now) && find(nodes, c.nodeName()) != null
        && replacing(c.nodeName()) == null).sorted(Comparator.comparing(Claim::name)).toList();
    for (Claim claim : candidates) {
      Pool pool = pools.get(claim.pool().name());
      long expire = pool == null ? claim.pool().expireAfterSeconds() : pool.expireAfterSeconds();
      if (expire != Pool.NEVER && now - claim.createdAt() >= expire) {
        ops.event("DisruptionTerminating", "Node/" + claim.nodeName(), "expired: older than expireAfter "
            + expire + " s");
        ops.removeNode(claim.nodeName());
        forget(claim);
        return;
      }
    }
    for (Claim claim : candidates) {
      Pool pool = pools.get(claim.pool().name());
      if ((pool == null || !pool.hash().equals(claimHash.get(claim.name()))) && budget(claim.pool().name(), nodes) > 0) {
        List<SimPod> on = podsOn(pods, claim.nodeName());
        ops.event("Drifted", "NodeClaim/" + claim.name(), pool == null
            ? "its NodePool is gone" : "NodePool " + pool.name() + " or its AKSNodeClass changed");
        replaceOrDelete(claim, on, now, "drift", ops);
        return;
      }
    }
    // emptiness: one command deletes every empty candidate its NodePool's budget allows (emptiness.go)
    Map<String, Integer> allowed = new HashMap<>();
    List<Claim> empty = new ArrayList<>();
    for (Claim claim : candidates) {
      Pool pool = pools.get(claim.pool().name());
      if (pool == null || !consolidatable(pool, claim, now) || !podsOn(pods, claim.nodeName()).isEmpty()) {
        continue;
      }
      int left = allowed.computeIfAbsent(pool.name(), n -> budget(n, nodes));
      if (left > 0) {
        allowed.put(pool.name(), left - 1);
        empty.add(claim);
      }
    }
    for (Claim claim : empty) {
      Pool pool = pools.get(claim.pool().name());
      ops.event("DisruptionTerminating", "Node/" + claim.nodeName(), "consolidation: empty for "
          + pool.consolidateAfterSeconds() + " s (consolidateAfter), within the budget of NodePool " + pool.name()
          + " (" + String.join(", ", pool.budgets()) + ")");
      ops.removeNode(claim.nodeName());
      forget(claim);
    }
    if (!empty.isEmpty()) {
      return;
    }
    List<Claim> underused = candidates.stream().filter(c -> {
      Pool pool = pools.get(c.pool().name());
      return pool != null && "WhenEmptyOrUnderutilized".equals(pool.consolidationPolicy())
          && consolidatable(pool, c, now) && budget(pool.name(), nodes) > 0;
    }).sorted(Comparator.comparingInt((Claim c) -> podsOn(pods, c.nodeName()).size())
        .thenComparing(Comparator.comparingDouble((Claim c) -> c.type().usdPerHour()).reversed())
        .thenComparing(Claim::name)).toList();
    for (Claim claim : underused) {
      List<SimPod> on = podsOn(pods, claim.nodeName());
      if (fitElsewhere(on, claim.nodeName(), pods, nodes)) {
        ops.event("DisruptionTerminating", "Node/" + claim.nodeName(), "consolidation: its " + on.size()
            + " pod(s) fit on the other nodes");
        ops.removeNode(claim.nodeName());
        forget(claim);
        return;
      }
      List<Open> replacement = pack(on, now, false, null);
      if (replacement.size() == 1 && replacement.get(0).pods().size() == on.size()
          && replacement.get(0).options().get(0).usdPerHour() < claim.type().usdPerHour()) {
        ops.event("Consolidating", "NodeClaim/" + claim.name(),
            "consolidation: " + replacement.get(0).options().get(0).name() + " ($"
                + replacement.get(0).options().get(0).usdPerHour() + "/h) takes its pods for less than "
                + claim.type().name() + " ($" + claim.type().usdPerHour() + "/h)");
        launch(replacement.get(0), now, claim.nodeName(), "consolidation", ops);
        return;
      }
    }
  }

  private void replaceOrDelete(Claim claim, List<SimPod> on, long now, String reason, ClusterOps ops) {
    if (on.isEmpty()) {
      ops.event("DisruptionTerminating", "Node/" + claim.nodeName(), reason + ": no pods, deleted");
      ops.removeNode(claim.nodeName());
      forget(claim);
      return;
    }
    List<Open> replacement = pack(on, now, false, null);
    if (replacement.isEmpty()) {
      ops.event("DisruptionBlocked", "NodeClaim/" + claim.name(), reason + ": no NodePool can take its pods");
      return;
    }
    // the first replacement drains the old node once initialized; further ones just add room
    launch(replacement.get(0), now, claim.nodeName(), reason, ops);
    for (int i = 1; i < replacement.size(); i++) {
      launch(replacement.get(i), now, null, reason, ops);
    }
  }

  private boolean consolidatable(Pool pool, Claim claim, long now) {
    if (pool.consolidateAfterSeconds() == Pool.NEVER) {
      return false;
    }
    long[] seen = podChange.get(claim.nodeName());
    return seen != null && now - seen[1] >= pool.consolidateAfterSeconds();
  }

  /** Nodes of this pool that may still be disrupted now: the tightest budget minus those being disrupted. */
  int budget(String poolName, List<SimNode> nodes) {
    Pool pool = pools.get(poolName);
    long count = nodes.stream().filter(n -> poolName.equals(n.nodePool())).count();
    long allowed = Long.MAX_VALUE;
    for (String budget : pool == null ? List.of("10%") : pool.budgets()) {
      long value = budget.endsWith("%")
          ? (long) Math.ceil(count * Integer.parseInt(budget.substring(0, budget.length() - 1)) / 100.0)
          : Long.parseLong(budget);
      allowed = Math.min(allowed, value);
    }
    long disrupting = claims.stream().filter(c -> c.replaces() != null && poolName.equals(poolOfNode(c.replaces())))
        .count();
    return (int) Math.max(0, allowed - disrupting);
  }

  private String poolOfNode(String node) {
    Claim claim = claimOfNode(node);
    return claim == null ? null : claim.pool().name();
  }

  private boolean fitElsewhere(List<SimPod> on, String nodeName, List<SimPod> pods, List<SimNode> nodes) {
    Map<String, long[]> used = Scheduler.usage(pods);
    for (SimPod pod : on) {
      boolean placed = false;
      for (SimNode node : nodes) {
        if (node.name().equals(nodeName) || replacing(node.name()) != null) {
          continue;
        }
        long[] u = used.computeIfAbsent(node.name(), n -> new long[2]);
        if (Scheduler.fits(pod, node, u)) {
          u[0] += pod.cpuMilli();
          u[1] += pod.memoryMi();
          placed = true;
          break;
        }
      }
      if (!placed) {
        return false;
      }
    }
    return true;
  }

  private Claim replacing(String node) {
    return claims.stream().filter(c -> node.equals(c.replaces())).findFirst().orElse(null);
  }

  private Claim claimOfNode(String node) {
    return claims.stream().filter(c -> c.nodeName().equals(node)).findFirst().orElse(null);
  }

  private void forget(Claim claim) {
    claims.remove(claim);
    stage.remove(claim.name());
    podChange.remove(claim.nodeName());
  }

  private static List<SimPod> podsOn(List<SimPod> pods, String node) {
    return pods.stream().filter(p -> node.equals(p.node())).toList();
  }

  private static SimNode find(List<SimNode> nodes, String name) {
    for (SimNode node : nodes) {
      if (node.name().equals(name)) {
        return node;
      }
    }
    return null;
  }
}
