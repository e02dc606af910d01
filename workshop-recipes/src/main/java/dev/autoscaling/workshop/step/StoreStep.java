package dev.autoscaling.workshop.step;

import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.WorkshopConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * "Environment Preparation", Kubernetes side: the namespace and the AKS Store application, then every workload
 * Ready and every LoadBalancer Service with an external IP, and the store URL.
 */
public final class StoreStep extends ManifestStep {

  /** Marks a namespace this SDK created, so that teardown never deletes one it found. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "autoscaling-workshop";

  private final WorkshopConfig config;

  /** With the store manifest's text already read (from a file, the URL or the bundled copy). */
  public StoreStep(WorkshopConfig config, String storeManifest) {
    super(objects(config, storeManifest));
    this.config = config;
  }

  private static List<HasMetadata> objects(WorkshopConfig config, String text) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(new NamespaceBuilder().withNewMetadata().withName(config.namespace())
        .addToLabels(MANAGED_BY, MANAGER).endMetadata().build());
    objects.addAll(StoreManifest.objects(text, config.namespace()));
    return objects;
  }

  @Override
  public String id() {
    return "store";
  }

  @Override
  public String title() {
    return "Deploy the AKS Store into namespace " + config.namespace();
  }

  @Override
  public StepPlan plan() {
    boolean bundled = StoreManifest.BUNDLED.equals(config.storeManifest());
    URI source = bundled ? WorkshopConfig.STORE_MANIFEST_URL : config.storeManifest();
    return new StepPlan(id(), title(), List.of(), List.of(
        "kubectl create ns " + config.namespace(),
        "kubectl apply -f " + source + " -n " + config.namespace()),
        objects(), List.of(
            bundled ? "the store manifest is the pinned copy of that URL bundled with the SDK (no download)"
                : "the store manifest is read from " + source,
            "namespace " + config.namespace() + " is created only if absent; teardown deletes it only then",
            "on a re-run, spec.replicas of a workload someone else scaled (KEDA's HPA, kubectl scale, the load step)"
                + " is left to them: the workshop applies it only while it is its only field manager",
            "then: every pod Ready (1/1), every LoadBalancer Service with an external IP, the store URL"));
  }

  @Override
  HasMetadata toApply(HasMetadata object, HasMetadata live) {
    if (live == null) {
      return object;
    }
    if (object instanceof Namespace) {
      return null;
    }
    // An autoscaler owns spec.replicas once it has scaled (the HPA KEDA makes, via kube-controller-manager):
    // applying the manifest's value would conflict (409) or, forced, fight it. So the workshop leaves the field
    // out, as Kubernetes advises for HPA-scaled workloads. But only once someone else manages it: an applier that
    // leaves out a field it alone manages makes the API server drop it, and replicas would fall back to 1.
    if (replicasOnlyMine(live, config.fieldManager())) {
      return object;
    }
    if (object instanceof Deployment deployment) {
      return new DeploymentBuilder(deployment).editSpec().withReplicas(null).endSpec().build();
    }
    if (object instanceof StatefulSet statefulSet) {
      return new StatefulSetBuilder(statefulSet).editSpec().withReplicas(null).endSpec().build();
    }
    return object;
  }

  /**
   * Whether the live object's managedFields name the workshop's apply as the only manager of spec.replicas. False
   * when they name no manager or another one, or when the server keeps no managedFields.
   */
  static boolean replicasOnlyMine(HasMetadata live, String fieldManager) {
    List<ManagedFieldsEntry> entries = live.getMetadata().getManagedFields();
    boolean mine = false;
    for (ManagedFieldsEntry entry : entries == null ? List.<ManagedFieldsEntry>of() : entries) {
      Object spec = entry.getFieldsV1() == null ? null : entry.getFieldsV1().getAdditionalProperties().get("f:spec");
      if (!(spec instanceof Map<?, ?> specFields) || !specFields.containsKey("f:replicas")) {
        continue;
      }
      if (!fieldManager.equals(entry.getManager()) || !"Apply".equals(entry.getOperation())) {
        return false;
      }
      mine = true;
    }
    return mine;
  }

  @Override
  boolean createdByStep(HasMetadata live) {
    if (live instanceof Namespace) {
      Map<String, String> labels = live.getMetadata().getLabels();
      return labels != null && MANAGER.equals(labels.get(MANAGED_BY));
    }
    return true;
  }

  @Override
  public Verification verify(WorkshopContext context) {
    List<Verification.Check> checks = new ArrayList<>(storedAsWritten(context));
    if (!context.controllersRun()) {
      checks.add(notObservable("every pod Ready", "no kubelet or controller manager runs on this API server"));
      checks.add(notObservable("LoadBalancer Services have an external IP", "no cloud load balancer here"));
      return new Verification(id(), checks);
    }
    KubernetesClient client = context.requireKubernetes();
    // one deadline for the whole store, not one timeout per workload
    long deadline = System.nanoTime() + config.timeout().toNanos();
    for (HasMetadata object : objects()) {
      String what = ServerSideApply.describe(object);
      long timeout = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        if (object instanceof Deployment) {
          Deployment ready = client.apps().deployments().inNamespace(config.namespace())
              .withName(object.getMetadata().getName()).waitUntilCondition(StoreStep::deploymentReady, timeout,
                  TimeUnit.MILLISECONDS);
          checks.add(new Verification.Check(what + " ready", Verification.Status.PASSED,
              ready.getStatus().getReadyReplicas() + "/" + ready.getSpec().getReplicas() + " ready"));
        } else if (object instanceof StatefulSet) {
          StatefulSet ready = client.apps().statefulSets().inNamespace(config.namespace())
              .withName(object.getMetadata().getName()).waitUntilCondition(StoreStep::statefulSetReady, timeout,
                  TimeUnit.MILLISECONDS);
          checks.add(new Verification.Check(what + " ready", Verification.Status.PASSED,
              ready.getStatus().getReadyReplicas() + "/" + ready.getSpec().getReplicas() + " ready"));
        } else if (object instanceof Service service && "LoadBalancer".equals(service.getSpec().getType())) {
          Service withIp = client.services().inNamespace(config.namespace()).withName(service.getMetadata().getName())
              .waitUntilCondition(s -> externalIp(s) != null, timeout, TimeUnit.MILLISECONDS);
          checks.add(new Verification.Check(what + " external IP", Verification.Status.PASSED,
              "http://" + externalIp(withIp)));
        }
      } catch (KubernetesClientTimeoutException e) {
        checks.add(new Verification.Check(what, Verification.Status.FAILED,
            "not ready after " + config.timeout().toSeconds() + " s"));
      }
    }
    return new Verification(id(), checks);
  }

  private static boolean deploymentReady(Deployment d) {
    return d != null && d.getStatus() != null && d.getSpec().getReplicas() != null
        && Objects.equals(d.getStatus().getReadyReplicas(), d.getSpec().getReplicas());
  }

  private static boolean statefulSetReady(StatefulSet s) {
    return s != null && s.getStatus() != null && s.getSpec().getReplicas() != null
        && Objects.equals(s.getStatus().getReadyReplicas(), s.getSpec().getReplicas());
  }

  /** The first ingress IP (or host name) of a LoadBalancer Service, as the workshop's jsonpath reads it. */
  static String externalIp(Service service) {
    if (service == null || service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null
        || service.getStatus().getLoadBalancer().getIngress().isEmpty()) {
      return null;
    }
    var ingress = service.getStatus().getLoadBalancer().getIngress().get(0);
    return ingress.getIp() != null ? ingress.getIp() : ingress.getHostname();
  }
}
