package dev.autoscaling.workshop.step;

import dev.autoscaling.karpenter.api.v1.NodeClaim;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.client.KarpenterClient;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The node-side checks of the NAP steps, made with informers (list once, then watch) until the cluster matches
 * or the step's timeout passes.
 */
final class NodeChecks {

  static final String NODEPOOL_LABEL = KarpenterClient.NODEPOOL_LABEL;
  static final String SYSTEM_MODE_LABEL = "kubernetes.azure.com/mode";

  private NodeChecks() {
  }

  /**
   * The NodePool is Ready, Karpenter made a NodeClaim for it that became Ready, a Ready node of it (with this
   * architecture and OS image) exists, and every running pod of the namespace is on such a node. The NodeClaim
   * check comes before the node one because a claim says why no node comes (e.g. no capacity for any allowed VM
   * size), where a missing node says nothing.
   */
  static List<Verification.Check> poolServesPods(WorkshopContext context, NodePool pool, String arch,
      String osImageRegex) {
    String name = pool.getMetadata().getName();
    List<Verification.Check> checks = new ArrayList<>();
    if (!context.controllersRun()) {
      String why = "no Karpenter (Node Auto Provisioning) runs on this API server";
      checks.add(ManifestStep.notObservable("NodePool " + name + " Ready", why));
      checks.add(ManifestStep.notObservable("a Ready NodeClaim of " + name, why));
      checks.add(ManifestStep.notObservable("a Ready " + arch + " node of " + name, why));
      checks.add(ManifestStep.notObservable("the store's pods run on " + name + " nodes", why));
      return checks;
    }
    KubernetesClient client = context.requireKubernetes();
    long timeout = context.config().timeout().toMillis();
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);
    try {
      karpenter.waitUntilNodePoolReady(name, context.config().timeout());
      checks.add(new Verification.Check("NodePool " + name + " Ready", Verification.Status.PASSED, "Ready=True"));
    } catch (KubernetesClientTimeoutException | IllegalStateException e) {
      checks.add(new Verification.Check("NodePool " + name + " Ready", Verification.Status.FAILED, e.getMessage()));
      return checks;
    }
    try {
      List<NodeClaim> claims = karpenter.waitForNodeClaims(name, 1, context.config().timeout());
      checks.add(new Verification.Check("a Ready NodeClaim of " + name, Verification.Status.PASSED, claims.stream()
          .map(c -> c.getMetadata().getName() + " (" + claimLabel(c, "node.kubernetes.io/instance-type") + ", "
              + claimLabel(c, "karpenter.sh/capacity-type") + ")").collect(Collectors.joining(", "))));
    } catch (KubernetesClientTimeoutException e) {
      checks.add(new Verification.Check("a Ready NodeClaim of " + name, Verification.Status.FAILED, e.getMessage()));
      return checks;
    }
    Pattern osImage = osImageRegex == null ? null : Pattern.compile(osImageRegex);
    List<Node> nodes = await(client.nodes().withLabel(NODEPOOL_LABEL, name).informOnCondition(list -> list.stream()
        .anyMatch(n -> ready(n) && arch.equals(label(n, "kubernetes.io/arch"))
            && (osImage == null || osImage.matcher(osImage(n)).find()))), timeout);
    String nodeCheck = "a Ready " + arch + " node of " + name + (osImage == null ? "" : " with OS image " + osImageRegex);
    if (nodes == null) {
      checks.add(new Verification.Check(nodeCheck, Verification.Status.FAILED,
          "none after " + context.config().timeout().toSeconds() + " s"));
      return checks;
    }
    Set<String> poolNodes = nodes.stream().filter(NodeChecks::ready).map(n -> n.getMetadata().getName())
        .collect(Collectors.toSet());
    checks.add(new Verification.Check(nodeCheck, Verification.Status.PASSED,
        nodes.stream().map(n -> n.getMetadata().getName() + " (" + osImage(n) + ")").collect(Collectors.joining(", "))));
    checks.add(podsOn(context, poolNodes, "the store's pods run on " + name + " nodes"));
    return checks;
  }

  /** After the system pool's NoExecute taint: every pod of the namespace runs, on a node NAP created. */
  static Verification.Check podsOnNapNodes(WorkshopContext context) {
    String what = "the store's pods run on NAP nodes (label " + NODEPOOL_LABEL + "), none on the system pool";
    if (!context.controllersRun()) {
      return ManifestStep.notObservable(what, "no nodes, kubelet or Karpenter on this API server");
    }
    KubernetesClient client = context.requireKubernetes();
    long timeout = context.config().timeout().toMillis();
    List<Node> napNodes = await(client.nodes().withLabel(NODEPOOL_LABEL).informOnCondition(list ->
        list.stream().anyMatch(NodeChecks::ready)), timeout);
    if (napNodes == null) {
      return new Verification.Check(what, Verification.Status.FAILED, "no Ready NAP node after "
          + context.config().timeout().toSeconds() + " s");
    }
    Set<String> names = napNodes.stream().filter(NodeChecks::ready).map(n -> n.getMetadata().getName())
        .collect(Collectors.toSet());
    return podsOn(context, names, what);
  }

  private static Verification.Check podsOn(WorkshopContext context, Set<String> nodeNames, String what) {
    KubernetesClient client = context.requireKubernetes();
    List<Pod> pods = await(client.pods().inNamespace(context.config().namespace()).informOnCondition(list ->
        !list.isEmpty() && list.stream().filter(p -> !"Succeeded".equals(phase(p)))
            .allMatch(p -> "Running".equals(phase(p)) && nodeNames.contains(p.getSpec().getNodeName()))),
        context.config().timeout().toMillis());
    if (pods == null) {
      return new Verification.Check(what, Verification.Status.FAILED, "not all pods there after "
          + context.config().timeout().toSeconds() + " s (watch nodes / watch pods to see why)");
    }
    Map<String, Long> perNode = pods.stream().collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(),
        java.util.TreeMap::new, Collectors.counting()));
    return new Verification.Check(what, Verification.Status.PASSED, perNode.toString());
  }

  private static <T> List<T> await(java.util.concurrent.CompletableFuture<List<T>> condition, long timeoutMillis) {
    try {
      return condition.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("watch failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      condition.cancel(true);
    }
  }

  static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String claimLabel(NodeClaim claim, String key) {
    return claim.getMetadata().getLabels() == null ? "?" : claim.getMetadata().getLabels().getOrDefault(key, "?");
  }

  private static String label(Node node, String key) {
    return node.getMetadata().getLabels() == null ? null : node.getMetadata().getLabels().get(key);
  }

  private static String osImage(Node node) {
    return node.getStatus() == null || node.getStatus().getNodeInfo() == null ? ""
        : String.valueOf(node.getStatus().getNodeInfo().getOsImage());
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
