package dev.autoscaling.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered az commands mean what the workshop's commands mean (short and long flags alike). */
class AzCommandsTest {

  private static AzCommandMeaning meaning(List<String> argv) {
    return AzCommandMeaning.of(argv);
  }

  private static AzCommandMeaning workshop(String line) {
    return AzCommandMeaning.parse(line.trim());
  }

  private final AksClusterSpec spec = AksClusterSpec.workshop();

  @Test
  void shouldRenderTheWorkshopsPreviewAndProviderCommands() {
    assertThat(meaning(AzCommands.featureRegister())).isEqualTo(workshop(
        "az feature register --namespace Microsoft.ContainerService --name NodeAutoProvisioningPreview"));
    assertThat(meaning(AzCommands.featureShow())).isEqualTo(workshop(
        "az feature show --namespace Microsoft.ContainerService --name NodeAutoProvisioningPreview"));
    assertThat(meaning(AzCommands.providerRegister())).isEqualTo(workshop(
        "az provider register --namespace Microsoft.ContainerService"));
  }

  @Test
  void shouldRenderTheWorkshopsGroupClusterAndCredentialsCommands() {
    assertThat(meaning(AzCommands.groupCreate(spec))).isEqualTo(workshop("az group create -n WorkshopRG -l eastus2"));
    assertThat(meaning(AzCommands.aksCreate(spec))).isEqualTo(workshop("az aks create --name workshopcluster"
        + " --resource-group WorkshopRG --enable-keda --node-provisioning-mode Auto --network-plugin azure"
        + " --network-plugin-mode overlay --network-dataplane cilium --generate-ssh-keys"));
    assertThat(meaning(AzCommands.getCredentials(spec))).isEqualTo(workshop(
        "az aks get-credentials -g WorkshopRG -n workshopcluster"));
  }

  @Test
  void shouldTaintTheSystemPoolAsTheWorkshopDoesOnlyWhenAskedTo() {
    assertThat(meaning(AzCommands.taintSystemPool(spec, "nodepool1", SystemPoolTaint.noExecuteEvictingRunningPods())))
        .isEqualTo(workshop("az aks nodepool update -g WorkshopRG --cluster-name workshopcluster -n nodepool1"
            + " --node-taints CriticalAddonsOnly=true:NoExecute"));
    assertThat(AzCommands.taintSystemPool(spec, "nodepool1", SystemPoolTaint.noSchedule()))
        .endsWith("--node-taints", "CriticalAddonsOnly=true:NoSchedule");
    assertThat(SystemPoolTaint.noSchedule().evictsRunningPods()).isFalse();
  }

  @Test
  void shouldFindTheSystemPoolByModeNotByPosition() {
    assertThat(AzCommands.systemPoolName(spec)).containsSequence("--query", "[?mode=='System'].name | [0]");
    assertThat(AzCommands.workshopSequence(spec, "nodepool1", SystemPoolTaint.noSchedule())).hasSize(8);
  }

  @Test
  void shouldPlanTheWorkshopsCommandsInOrderWithTheArmRequestsBehindThem() throws Exception {
    // Given
    AksPlan plan = AksPlan.of("sub-1", "run-1", spec, SystemPoolTaint.noExecuteEvictingRunningPods());

    // When
    List<AzCommandMeaning> commands = plan.operations().stream().map(o -> meaning(o.azCommand())).toList();

    // Then: the workshop's commands, in the workshop's order
    assertThat(commands).containsSubsequence(
        workshop("az feature register --namespace Microsoft.ContainerService --name NodeAutoProvisioningPreview"),
        workshop("az provider register --namespace Microsoft.ContainerService"),
        workshop("az group create -n WorkshopRG -l eastus2"),
        workshop("az aks create --name workshopcluster --resource-group WorkshopRG --enable-keda"
            + " --node-provisioning-mode Auto --network-plugin azure --network-plugin-mode overlay"
            + " --network-dataplane cilium --generate-ssh-keys"),
        workshop("az aks get-credentials -g WorkshopRG -n workshopcluster"),
        workshop("az aks nodepool update -g WorkshopRG --cluster-name workshopcluster -n nodepool1"
            + " --node-taints CriticalAddonsOnly=true:NoExecute"));

    // Then: each with its ARM request and body
    assertThat(plan.operations()).extracting(PlannedOperation::armMethod)
        .containsExactly("POST", "GET", "POST", "PUT", "PUT", "POST", "GET", "PUT");
    assertThat(plan.operations().get(4).armRequestLine()).isEqualTo("PUT /subscriptions/sub-1/resourceGroups/"
        + "WorkshopRG/providers/Microsoft.ContainerService/managedClusters/workshopcluster?api-version=2025-09-01");
    ObjectMapper json = new ObjectMapper();
    JsonNode cluster = json.readTree(plan.operations().get(4).bodyJson());
    assertThat(cluster.at("/properties/workloadAutoScalerProfile/keda/enabled").asBoolean()).isTrue();
    assertThat(cluster.at("/tags/created-by").asText()).isEqualTo("dev.autoscaling");
    assertThat(json.readTree(plan.operations().get(7).bodyJson()).at("/properties/nodeTaints/0").asText())
        .isEqualTo("CriticalAddonsOnly=true:NoExecute");
    assertThat(plan.operations().get(0).bodyJson()).isNull();
    assertThat(plan.operations().get(3).azCommandLine()).isEqualTo(
        "az group create --name WorkshopRG --location eastus2");
    assertThat(plan.operations().get(6).azCommandLine()).endsWith("--query '[?mode=='\\''System'\\''].name | [0]'"
        + " --output tsv");
  }

  @Test
  void shouldPlanATeardownOfTaggedResourcesOnly() {
    // When
    AksPlan teardown = AksPlan.teardown("sub-1", spec);

    // Then
    assertThat(teardown.operations()).extracting(o -> String.join(" ", o.azCommand())).containsExactly(
        "az aks delete --resource-group WorkshopRG --name workshopcluster --yes",
        "az group delete --name WorkshopRG --yes");
    assertThat(teardown.operations()).allSatisfy(o -> assertThat(o.description()).contains("created-by"));
  }
}
