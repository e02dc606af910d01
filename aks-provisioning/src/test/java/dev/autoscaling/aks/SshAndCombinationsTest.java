package dev.autoscaling.aks;

import com.azure.resourcemanager.containerservice.models.NetworkDataplane;
import com.azure.resourcemanager.containerservice.models.NetworkPluginMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshAndCombinationsTest {

  @Test
  void shouldPutAGeneratedPublicKeyIntoTheClusterAndThePrivateKeyOnlyWhereAsked(@TempDir Path dir) throws Exception {
    // Given
    SshKeyPair keys = SshKeyPair.generate();
    AksClusterSpec spec = AksClusterSpec.workshop().withSshPublicKey(keys.publicKey());

    // When
    String body = spec.toJson();
    Path privateKey = dir.resolve("id_rsa");
    keys.writePrivateKey(privateKey);

    // Then
    assertThat(keys.publicKey()).startsWith("ssh-rsa AAAAB3NzaC1yc2E");
    assertThat(new ObjectMapper().readTree(body).at("/properties/linuxProfile/ssh/publicKeys/0/keyData").asText())
        .isEqualTo(keys.publicKey());
    assertThat(body).doesNotContain("PRIVATE KEY");
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
    assertThat(keys.toString()).doesNotContain(Files.readString(privateKey).substring(40, 80));
    assertThatThrownBy(() -> keys.writePrivateKey(privateKey)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never overwritten");
  }

  @Test
  void shouldRefuseNodeAutoProvisioningWithoutOverlayAndCiliumOrWithTheClusterAutoscaler() {
    assertThatThrownBy(() -> AksClusterSpec.workshop().withNetworkDataplane(NetworkDataplane.AZURE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodeProvisioningMode Auto: Node Auto Provisioning is set up here with Azure CNI"
            + " overlay and the Cilium dataplane");
    assertThatThrownBy(() -> AksClusterSpec.workshop().withSystemPoolAutoscaling(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be enabled while the cluster autoscaler runs on a pool");
    assertThat(AksClusterSpec.workshop().withNetworkPluginMode(NetworkPluginMode.OVERLAY).azCreateCommand())
        .containsSequence("--network-plugin-mode", "overlay");
  }
}
