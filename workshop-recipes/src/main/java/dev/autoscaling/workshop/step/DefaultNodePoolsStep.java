package dev.autoscaling.workshop.step;

import dev.autoscaling.karpenter.KarpenterDescriptions;
import dev.autoscaling.karpenter.client.KarpenterClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** "Have a look at the NodePool definitions that ship with the NAP managed add-on": read-only. */
public final class DefaultNodePoolsStep implements Step {

  /** The NodePools Node Auto Provisioning creates by itself. */
  public static final List<String> NAP_NODEPOOLS = List.of("default", "system-surge");
  /** The AKSNodeClass both of them take their node settings from (the workshop's arm pool uses it too). */
  public static final String NAP_NODECLASS = "default";

  @Override
  public String id() {
    return "default-nodepools";
  }

  @Override
  public String title() {
    return "Inspect the NodePools NAP ships (default, system-surge) and their AKSNodeClass default";
  }

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), List.of(), List.of("kubectl get nodepool", "kubectl describe nodepool default",
        "kubectl describe nodepool system-surge", "kubectl describe aksnodeclass " + NAP_NODECLASS), List.of(),
        List.of("read-only: nothing is written; system-surge selects system nodes with kubernetes.azure.com/mode"));
  }

  @Override
  public StepOutcome apply(WorkshopContext context) {
    KarpenterClient karpenter = context.requireKubernetes().adapt(KarpenterClient.class);
    List<String> lines = new ArrayList<>();
    for (String name : NAP_NODEPOOLS) {
      lines.add(describe("nodepool/" + name, karpenter.nodePools().withName(name).get()));
    }
    lines.add(describe("aksnodeclass/" + NAP_NODECLASS, karpenter.aksNodeClasses().withName(NAP_NODECLASS).get()));
    lines.forEach(context::progress);
    return new StepOutcome(id(), lines, 0);
  }

  private static String describe(String what, HasMetadata object) {
    return object == null ? what + " not found (Node Auto Provisioning creates it)"
        : KarpenterDescriptions.describe(object);
  }

  @Override
  public Verification verify(WorkshopContext context) {
    List<Verification.Check> checks = new ArrayList<>();
    if (!context.controllersRun()) {
      for (String name : NAP_NODEPOOLS) {
        checks.add(ManifestStep.notObservable("NodePool " + name + " exists",
            "Node Auto Provisioning creates it; it does not run on this API server"));
      }
      return new Verification(id(), checks);
    }
    KubernetesClient client = context.requireKubernetes();
    KarpenterClient karpenter = client.adapt(KarpenterClient.class);
    var present = karpenter.nodePools().informOnCondition(pools -> pools.stream()
        .map(p -> p.getMetadata().getName()).toList().containsAll(NAP_NODEPOOLS));
    try {
      present.get(context.config().timeout().toMillis(), TimeUnit.MILLISECONDS);
      NAP_NODEPOOLS.forEach(n -> checks.add(new Verification.Check("NodePool " + n + " exists",
          Verification.Status.PASSED, "found")));
    } catch (TimeoutException | ExecutionException e) {
      NAP_NODEPOOLS.forEach(n -> checks.add(new Verification.Check("NodePool " + n + " exists",
          Verification.Status.FAILED, karpenter.nodePools().withName(n).get() == null ? "not found: is the cluster's"
              + " node provisioning mode Auto?" : "found")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      present.cancel(true);
    }
    return new Verification(id(), checks);
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    return new StepOutcome(id(), List.of("nothing to remove: NAP owns its NodePools"), 0);
  }
}
