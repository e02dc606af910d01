package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthenticationBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A token in a TriggerAuthentication's HashiCorp Vault credential is sent, but never printed. */
class SecretsOutOfToStringTest {

  @Test
  void shouldKeepAVaultTokenOutOfToString() {
    TriggerAuthentication authentication = new TriggerAuthenticationBuilder()
        .withNewMetadata().withName("vault").endMetadata()
        .withNewSpec().withNewHashiCorpVault().withAddress("https://vault:8200")
        .withAuthentication(dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.HashiCorpVault.Authentication.TOKEN)
        .withNewCredential().withToken("canary-s3cret-token").endCredential()
        .endHashiCorpVault().endSpec().build();

    assertThat(authentication.getSpec().toString()).doesNotContain("canary-s3cret-token").contains("vault:8200");
    assertThat(dev.autoscaling.manifest.Manifests.toJson(authentication)).contains("canary-s3cret-token");
  }
}
