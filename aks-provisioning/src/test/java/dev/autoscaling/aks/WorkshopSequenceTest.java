package dev.autoscaling.aks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workshop's whole Azure sequence through the public API, against the ARM double over HTTPS. */
class WorkshopSequenceTest {

  static final String KUBECONFIG = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: workshopcluster
        cluster:
          server: https://workshopcluster-dns.hcp.eastus2.azmk8s.io:443
          certificate-authority-data: ""
      contexts:
      - name: workshopcluster
        context:
          cluster: workshopcluster
          user: clusterUser_WorkshopRG_workshopcluster
      current-context: workshopcluster
      users:
      - name: clusterUser_WorkshopRG_workshopcluster
        user:
          token: kubeconfig-canary-7c1e0f
      """;

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private final CountingCredential credential = new CountingCredential("arm-token-canary-91d3");
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble().kubeconfig(KUBECONFIG);
    aks = arm.configure()
        .withRunId("run-42")
        .authenticate(credential, arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldRunTheWorkshopsAzureSequenceEndToEnd() {
    // Given
    List<Progress> progress = new ArrayList<>();

    // When
    FeatureRegistration feature = aks.features().ensureNodeAutoProvisioning(progress::add);
    ResourceGroupResult group = aks.resourceGroups().ensure(spec);
    ClusterResult cluster = aks.clusters().createOrUpdate(spec, OnDifference.FAIL, progress::add);
    AksCredentials credentials = aks.clusters().userCredentials(spec);
    Config config = credentials.toConfig();
    String clientUrl;
    try (KubernetesClient client = credentials.newClient()) {
      clientUrl = client.getMasterUrl().toString();
    }
    String systemPool = aks.systemPool().get(spec).name();
    EvictionPlan eviction = aks.systemPool().planTaint(spec, SystemPoolTaint.noExecuteEvictingRunningPods());
    TaintResult taint = aks.systemPool().taint(spec, SystemPoolTaint.noExecuteEvictingRunningPods(), progress::add);
    TeardownReport teardown = aks.teardown(spec, progress::add);

    // Then: each step did what the workshop's az command does
    assertThat(feature).isEqualTo(new FeatureRegistration("Registered", "Registered", true));
    assertThat(group.preExisting()).isFalse();
    assertThat(group.created()).isTrue();
    assertThat(cluster.action()).isEqualTo(ClusterResult.Action.CREATED);
    assertThat(cluster.provisioningState()).isEqualTo("Succeeded");
    assertThat(config.getMasterUrl()).startsWith("https://workshopcluster-dns.hcp.eastus2.azmk8s.io");
    assertThat(clientUrl).startsWith("https://workshopcluster-dns.hcp.eastus2.azmk8s.io");
    assertThat(config.getAutoOAuthToken()).isEqualTo("kubeconfig-canary-7c1e0f");
    assertThat(systemPool).isEqualTo("nodepool1");
    assertThat(eviction.evictsRunningPods()).isTrue();
    assertThat(eviction.podsListed()).isFalse();
    assertThat(taint).isEqualTo(new TaintResult("nodepool1", List.of("CriticalAddonsOnly=true:NoExecute"), true));
    assertThat(teardown.deleted()).containsExactly("cluster WorkshopRG/workshopcluster", "resource group WorkshopRG");
    assertThat(teardown.skipped()).isEmpty();
    assertThat(arm.hasGroup("WorkshopRG")).isFalse();
    assertThat(progress).extracting(Progress::operation).contains(
        "register feature Microsoft.ContainerService/NodeAutoProvisioningPreview", "create cluster WorkshopRG/workshopcluster",
        "taint pool nodepool1", "delete cluster WorkshopRG/workshopcluster", "delete resource group WorkshopRG");
    assertThat(progress).extracting(Progress::state).contains("feature Registering", "provider Registered",
        "IN_PROGRESS", "SUCCESSFULLY_COMPLETED");

    // Then: the ARM requests, in the workshop's order
    assertThat(arm.requests()).allSatisfy(r ->
        assertThat(r.headers().get("authorization")).isEqualTo("Bearer arm-token-canary-91d3"));
    assertThat(arm.requests("POST", ".*/features/nodeautoprovisioningpreview/register")).hasSize(1);
    assertThat(arm.requests("POST", ".*/providers/microsoft.containerservice/register")).hasSize(1);
    assertThat(arm.requests("PUT", ".*/managedclusters/workshopcluster")).hasSize(1);
    assertThat(arm.requests("PUT", ".*/agentpools/nodepool1")).hasSize(1);

    JsonNode groupBody = arm.requests("PUT", ".*/resourcegroups/workshoprg").get(0).json();
    assertThat(groupBody.at("/location").asText()).isEqualTo("eastus2");
    assertThat(groupBody.at("/tags/created-by").asText()).isEqualTo("dev.autoscaling");
    assertThat(groupBody.at("/tags/dev.autoscaling-run-id").asText()).isEqualTo("run-42");

    JsonNode clusterBody = arm.requests("PUT", ".*/managedclusters/workshopcluster").get(0).json();
    assertThat(clusterBody.at("/properties/workloadAutoScalerProfile/keda/enabled").asBoolean()).isTrue();
    assertThat(clusterBody.at("/properties/nodeProvisioningProfile/mode").asText()).isEqualTo("Auto");
    assertThat(clusterBody.at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("azure");
    assertThat(clusterBody.at("/properties/networkProfile/networkPluginMode").asText()).isEqualTo("overlay");
    assertThat(clusterBody.at("/properties/networkProfile/networkDataplane").asText()).isEqualTo("cilium");
    assertThat(clusterBody.at("/properties/agentPoolProfiles/0/mode").asText()).isEqualTo("System");
    assertThat(clusterBody.at("/identity/type").asText()).isEqualTo("SystemAssigned");
    assertThat(clusterBody.at("/tags/created-by").asText()).isEqualTo("dev.autoscaling");
    assertThat(clusterBody.at("/tags/dev.autoscaling-run-id").asText()).isEqualTo("run-42");

    JsonNode poolBody = arm.requests("PUT", ".*/agentpools/nodepool1").get(0).json();
    assertThat(poolBody.at("/properties/nodeTaints").toString()).isEqualTo("[\"CriticalAddonsOnly=true:NoExecute\"]");
    assertThat(poolBody.at("/properties/mode").asText()).isEqualTo("System");
  }

  @Test
  void shouldSendWhatThePlanSaysForEveryWorkshopStep() {
    // Given
    AksPlan plan = aks.plan(spec, SystemPoolTaint.noExecuteEvictingRunningPods());

    // When
    aks.features().ensureNodeAutoProvisioning(p -> { });
    aks.resourceGroups().ensure(spec);
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> { });
    aks.clusters().userCredentials(spec);
    aks.systemPool().taint(spec, SystemPoolTaint.noExecuteEvictingRunningPods(), p -> { });

    // Then: every planned request line was sent, and the planned bodies are the ones sent
    List<String> sent = arm.requests().stream().map(r -> r.method() + " " + r.path() + "?" + r.query()).toList();
    assertThat(sent).containsAll(plan.operations().stream().map(PlannedOperation::armRequestLine).toList());
    assertThat(arm.requests("PUT", ".*/managedclusters/workshopcluster").get(0).json().toString())
        .isEqualTo(json(plan.operations().get(4).bodyJson()));
    assertThat(arm.requests("PUT", ".*/resourcegroups/workshoprg").get(0).json().toString())
        .isEqualTo(json(plan.operations().get(3).bodyJson()));
  }

  private static String json(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
