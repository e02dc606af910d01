package dev.autoscaling.workshop.step;

import dev.autoscaling.keda.client.KedaClient;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.util.ArrayList;
import java.util.List;

/** "Setup the KEDA Scaler": the scaler Secret, the TriggerAuthentication and the ScaledObject. */
public final class KedaScalerStep extends ManifestStep {

  private final WorkshopConfig config;

  public KedaScalerStep(WorkshopConfig config) {
    super(List.of(WorkshopManifests.rabbitMqScalerSecret(config), WorkshopManifests.rabbitMqTriggerAuthentication(config),
        WorkshopManifests.virtualWorkerScaledObject(config)));
    this.config = config;
  }

  @Override
  public String id() {
    return "keda-scaler";
  }

  @Override
  public String title() {
    return "Set up the KEDA scaler (virtual-worker on the RabbitMQ queue depth)";
  }

  @Override
  public StepPlan plan() {
    return new StepPlan(id(), title(), List.of(), List.of("kubectl apply -f virtual-worker-scaler.yaml"), objects(),
        List.of("the Secret holds the RabbitMQ management URL with its password; base64 is an encoding, not"
            + " encryption", "then: KEDA marks the ScaledObject Ready and creates HPA keda-hpa-"
            + WorkshopManifests.SCALED_OBJECT));
  }

  @Override
  public Verification verify(WorkshopContext context) {
    List<Verification.Check> checks = new ArrayList<>(storedAsWritten(context));
    String hpa = "keda-hpa-" + WorkshopManifests.SCALED_OBJECT;
    if (!context.controllersRun()) {
      checks.add(notObservable("ScaledObject Ready", "no KEDA operator runs on this API server"));
      checks.add(notObservable("HPA " + hpa + " created", "no KEDA operator runs on this API server"));
      return new Verification(id(), checks);
    }
    KedaClient keda = context.requireKubernetes().adapt(KedaClient.class);
    try {
      keda.waitUntilScaledObjectReady(config.namespace(), WorkshopManifests.SCALED_OBJECT, config.timeout());
      checks.add(new Verification.Check("ScaledObject Ready", Verification.Status.PASSED, "condition Ready=True"));
      var created = keda.waitUntilHpaCreated(config.namespace(), WorkshopManifests.SCALED_OBJECT, config.timeout());
      checks.add(new Verification.Check("HPA " + hpa + " created", Verification.Status.PASSED,
          "min " + created.getSpec().getMinReplicas() + ", max " + created.getSpec().getMaxReplicas()));
    } catch (KubernetesClientTimeoutException | IllegalStateException e) {
      checks.add(new Verification.Check("ScaledObject Ready and HPA created", Verification.Status.FAILED,
          e.getMessage()));
    }
    return new Verification(id(), checks);
  }
}
