package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AksCluster;
import dev.autoscaling.aks.AksClusterSpec;
import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.AzCommands;
import dev.autoscaling.aks.ClusterResult;
import dev.autoscaling.aks.OnDifference;
import dev.autoscaling.aks.ResourceGroupResult;
import dev.autoscaling.aks.TeardownReport;
import dev.autoscaling.workshop.WorkshopConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Environment Preparation", Azure side: the resource group, the AKS cluster with KEDA and NAP, credentials. */
public final class EnvironmentStep extends AzureStep {

  public EnvironmentStep(WorkshopConfig config) {
    super(config);
  }

  @Override
  public String id() {
    return "environment";
  }

  @Override
  public String title() {
    return "Create resource group " + config().resourceGroup() + " and AKS cluster " + config().clusterName()
        + " (KEDA, Node Auto Provisioning, Azure CNI overlay, Cilium)";
  }

  @Override
  List<List<String>> azCommands() {
    return List.of(AzCommands.groupCreate(config().aksCluster()), AzCommands.aksCreate(config().aksCluster()),
        AzCommands.getCredentials(config().aksCluster()));
  }

  @Override
  StepOutcome applyOnAzure(WorkshopContext context, AksManager azure) {
    AksClusterSpec spec = config().aksCluster();
    List<String> lines = new ArrayList<>();
    int writes = 0;
    ResourceGroupResult group = azure.resourceGroups().ensure(spec);
    lines.add("resource group " + group.name() + (group.created() ? " created"
        : group.preExisting() ? " exists (not made by this SDK), left as it is" : " exists"));
    writes += group.created() ? 1 : 0;
    context.progress(lines.get(lines.size() - 1));
    ClusterResult cluster = azure.clusters().createOrUpdate(spec, OnDifference.FAIL, progressOf(context));
    lines.add("cluster " + cluster.name() + " " + cluster.action().name().toLowerCase(Locale.ROOT) + " ("
        + cluster.provisioningState() + ")");
    writes += cluster.action() == ClusterResult.Action.UNCHANGED ? 0 : 1;
    context.progress(lines.get(lines.size() - 1));
    // like az aks get-credentials, but the kubeconfig stays in memory
    context.useKubernetesIfNone(() -> azure.clusters().userCredentials(spec).newClient());
    lines.add("credentials of " + spec.name() + " fetched (kept in memory)");
    context.progress(lines.get(lines.size() - 1));
    return new StepOutcome(id(), lines, writes);
  }

  @Override
  List<Verification.Check> verifyOnAzure(WorkshopContext context, AksManager azure) {
    AksClusterSpec spec = config().aksCluster();
    Optional<AksCluster> cluster = azure.clusters().get(spec);
    List<Verification.Check> checks = new ArrayList<>();
    List<String> differences = cluster.map(c -> c.differencesFrom(spec)).orElse(List.of());
    checks.add(check("cluster " + spec.name() + " Succeeded with KEDA, NAP, overlay and Cilium",
        cluster.isPresent() && "Succeeded".equals(cluster.get().provisioningState()) && differences.isEmpty(),
        cluster.map(c -> c.provisioningState() + (differences.isEmpty() ? "" : ", differs: " + differences))
            .orElse("not found")));
    checks.add(check("Kubernetes API reachable with the user credentials", context.kubernetes().map(k -> {
      try {
        return k.getKubernetesVersion() != null;
      } catch (RuntimeException e) {
        return false;
      }
    }).orElse(false), context.kubernetes().map(k -> k.getMasterUrl().toString()).orElse("no client")));
    return checks;
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    Optional<AksManager> azure = context.azure();
    if (azure.isEmpty()) {
      return super.teardown(context);
    }
    TeardownReport report = azure.get().teardown(config().aksCluster(), progressOf(context));
    List<String> lines = new ArrayList<>();
    report.deleted().forEach(d -> lines.add("deleted " + d));
    report.skipped().forEach(s -> lines.add("kept " + s));
    lines.forEach(context::progress);
    return new StepOutcome(id(), lines, report.deleted().size());
  }

  @Override
  List<String> notes() {
    return List.of("the cluster takes several minutes; the credentials stay in memory unless a kubeconfig file is"
        + " asked for");
  }
}
