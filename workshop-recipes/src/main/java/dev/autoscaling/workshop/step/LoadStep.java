package dev.autoscaling.workshop.step;

import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * "Test Scaling": more virtual customers ({@code kubectl scale deployment virtual-customer --replicas=4}), so that
 * orders pile up in the queue and KEDA adds virtual workers.
 */
public final class LoadStep implements Step {

  /** The store's own replica count for virtual-customer, which teardown goes back to. */
  static final int STORE_REPLICAS = 1;

  private final WorkshopConfig config;

  public LoadStep(WorkshopConfig config) {
    this.config = config;
  }

  @Override
  public String id() {
    return "load";
  }

  @Override
  public String title() {
    return "Generate load: scale " + WorkshopManifests.VIRTUAL_CUSTOMER + " to " + config.loadReplicas();
  }

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), List.of(), List.of(scaleCommand(config.loadReplicas())), List.of(),
        List.of("then: KEDA reads the '" + config.queue() + "' queue and scales " + WorkshopManifests.VIRTUAL_WORKER
            + " above " + config.minReplicas() + " (one replica per " + config.queueThreshold() + " messages)"));
  }

  private String scaleCommand(int replicas) {
    return "kubectl scale deployment " + WorkshopManifests.VIRTUAL_CUSTOMER + " -n " + config.namespace()
        + " --replicas=" + replicas;
  }

  @Override
  public StepOutcome apply(WorkshopContext context) {
    return scaleTo(context, config.loadReplicas());
  }

  private StepOutcome scaleTo(WorkshopContext context, int replicas) {
    KubernetesClient client = context.requireKubernetes();
    var deployment = client.apps().deployments().inNamespace(config.namespace())
        .withName(WorkshopManifests.VIRTUAL_CUSTOMER);
    Deployment live = deployment.get();
    if (live == null) {
      throw new IllegalStateException("deployment " + WorkshopManifests.VIRTUAL_CUSTOMER + " -n " + config.namespace()
          + " not found: run the store step first (workshop run --from store)");
    }
    String line;
    int writes = 0;
    if (Objects.equals(live.getSpec().getReplicas(), replicas)) {
      line = "deployment/" + WorkshopManifests.VIRTUAL_CUSTOMER + " already at " + replicas + " replicas";
    } else {
      // A merge patch of spec.replicas alone, as kubectl scale changes nothing else.
      deployment.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
      writes = 1;
      line = "deployment/" + WorkshopManifests.VIRTUAL_CUSTOMER + " scaled from " + live.getSpec().getReplicas()
          + " to " + replicas;
    }
    context.progress(line);
    return new StepOutcome(id(), List.of(line), writes);
  }

  @Override
  public Verification verify(WorkshopContext context) {
    KubernetesClient client = context.requireKubernetes();
    List<Verification.Check> checks = new ArrayList<>();
    Deployment customer = client.apps().deployments().inNamespace(config.namespace())
        .withName(WorkshopManifests.VIRTUAL_CUSTOMER).get();
    Integer wanted = customer == null ? null : customer.getSpec().getReplicas();
    checks.add(new Verification.Check(WorkshopManifests.VIRTUAL_CUSTOMER + " replicas = " + config.loadReplicas(),
        Objects.equals(wanted, config.loadReplicas()) ? Verification.Status.PASSED : Verification.Status.FAILED,
        "spec.replicas " + wanted));
    if (!context.controllersRun()) {
      checks.add(ManifestStep.notObservable(WorkshopManifests.VIRTUAL_WORKER + " scaled by KEDA",
          "no KEDA operator or HPA controller runs on this API server"));
      return new Verification(id(), checks);
    }
    try {
      Deployment worker = client.apps().deployments().inNamespace(config.namespace())
          .withName(WorkshopManifests.VIRTUAL_WORKER)
          .waitUntilCondition(d -> d != null && d.getSpec().getReplicas() != null
              && d.getSpec().getReplicas() > config.minReplicas(), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
      checks.add(new Verification.Check(WorkshopManifests.VIRTUAL_WORKER + " scaled by KEDA",
          Verification.Status.PASSED, "spec.replicas " + worker.getSpec().getReplicas()));
    } catch (KubernetesClientTimeoutException e) {
      checks.add(new Verification.Check(WorkshopManifests.VIRTUAL_WORKER + " scaled by KEDA",
          Verification.Status.FAILED, "still at " + config.minReplicas() + " after " + config.timeout().toSeconds()
              + " s: is the queue '" + config.queue() + "' filling up? (workshop watch queue)"));
    }
    return new Verification(id(), checks);
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    if (context.requireKubernetes().apps().deployments().inNamespace(config.namespace())
        .withName(WorkshopManifests.VIRTUAL_CUSTOMER).get() == null) {
      return new StepOutcome(id(), List.of("deployment/" + WorkshopManifests.VIRTUAL_CUSTOMER + " already absent"), 0);
    }
    return scaleTo(context, STORE_REPLICAS);
  }
}
