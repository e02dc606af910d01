package dev.autoscaling.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AksClusterSpecTest {

  @Test
  void shouldAskArmForKedaNodeAutoProvisioningAndCiliumOverlay() throws Exception {
    // When the Azure SDK model is serialised as it would be sent
    JsonNode body = new ObjectMapper().readTree(AksClusterSpec.workshop().toManagedCluster().toJsonString());

    // Then
    assertThat(body.at("/location").asText()).isEqualTo("eastus2");
    assertThat(body.at("/properties/workloadAutoScalerProfile/keda/enabled").asBoolean()).isTrue();
    assertThat(body.at("/properties/nodeProvisioningProfile/mode").asText()).isEqualTo("Auto");
    assertThat(body.at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("azure");
    assertThat(body.at("/properties/networkProfile/networkPluginMode").asText()).isEqualTo("overlay");
    assertThat(body.at("/properties/networkProfile/networkDataplane").asText()).isEqualTo("cilium");
  }

  @Test
  void shouldRenderTheWorkshopsAzAksCreateCommand() {
    assertThat(String.join(" ", AksClusterSpec.workshop().azCreateCommand())).isEqualTo(
        "az aks create --name workshopcluster --resource-group WorkshopRG --enable-keda "
            + "--node-provisioning-mode Auto --network-plugin azure --network-plugin-mode overlay "
            + "--network-dataplane cilium --generate-ssh-keys");
  }

  @Test
  void shouldNameEveryInvalidFieldAtOnce() {
    assertThatThrownBy(() -> AksClusterSpec.of("-bad", "rg.", "East US 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name '-bad'")
        .hasMessageContaining("resourceGroup 'rg.'")
        .hasMessageContaining("location 'East US 2'");
  }
}
