package dev.autoscaling.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AksClusterSpecTest {

  @Test
  void shouldAskArmForKedaNodeAutoProvisioningAndCiliumOverlay() throws Exception {
    // When the ARM body is written as the Azure SDK would send it
    JsonNode body = new ObjectMapper().readTree(AksClusterSpec.workshop().toJson());

    // Then
    assertThat(body.at("/location").asText()).isEqualTo("eastus2");
    assertThat(body.at("/properties/workloadAutoScalerProfile/keda/enabled").asBoolean()).isTrue();
    assertThat(body.at("/properties/nodeProvisioningProfile/mode").asText()).isEqualTo("Auto");
    assertThat(body.at("/properties/networkProfile/networkPlugin").asText()).isEqualTo("azure");
    assertThat(body.at("/properties/networkProfile/networkPluginMode").asText()).isEqualTo("overlay");
    assertThat(body.at("/properties/networkProfile/networkDataplane").asText()).isEqualTo("cilium");
  }

  @Test
  void shouldSpellOutWhatAzAksCreateAddsImplicitlySoThatARealPutIsValid() throws Exception {
    // When
    JsonNode body = new ObjectMapper().readTree(AksClusterSpec.workshop().toJson());

    // Then
    JsonNode pool = body.at("/properties/agentPoolProfiles/0");
    assertThat(body.at("/properties/agentPoolProfiles").size()).isEqualTo(1);
    assertThat(pool.at("/name").asText()).isEqualTo("nodepool1");
    assertThat(pool.at("/mode").asText()).isEqualTo("System");
    assertThat(pool.at("/count").asInt()).isEqualTo(3);
    assertThat(pool.at("/type").asText()).isEqualTo("VirtualMachineScaleSets");
    assertThat(pool.at("/osType").asText()).isEqualTo("Linux");
    assertThat(body.at("/identity/type").asText()).isEqualTo("SystemAssigned");
    assertThat(body.at("/properties/dnsPrefix").asText()).isEqualTo("workshopcl-WorkshopRG");
    assertThat(body.at("/properties/enableRBAC").asBoolean()).isTrue();
    assertThat(AksClusterSpec.of("9lives", "rg_(1)", "eastus").dnsPrefix()).isEqualTo("a9lives-rg1");
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
