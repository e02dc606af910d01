package dev.autoscaling.karpenter;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.validation.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AKSNodeClassesTest {

  @Test
  void shouldBuildTheWorkshopsAzureLinuxNodeClass() {
    AKSNodeClass nodeClass = AKSNodeClasses.azureLinux().named("default-azurelinux")
        .description("General purpose AKSNodeClass for running Azure Linux nodes").build();

    assertThat(nodeClass.getSpec().getImageFamily().getValue()).isEqualTo("AzureLinux");
    assertThat(nodeClass.getMetadata().getAnnotations())
        .containsEntry("kubernetes.io/description", "General purpose AKSNodeClass for running Azure Linux nodes");
  }

  @Test
  void shouldRejectEveryOutOfRangeSettingAtOnce() {
    assertThatThrownBy(() -> AKSNodeClasses.ubuntu().named("small").osDiskSizeGB(10).maxPods(500)
        .vnetSubnetId("subnet-1").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.osDiskSizeGB: must be greater than or equal to 30")
        .hasMessageContaining("spec.maxPods: must be less than or equal to 250")
        .hasMessageContaining("spec.vnetSubnetID: must match");
  }

  @Test
  void shouldSetSecurityStreamingGpuAndKubeletAndCheckTheirRules() {
    // Given kubelet image GC thresholds the wrong way round
    var kubelet = new dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.KubeletBuilder()
        .withImageGCHighThresholdPercent(60).withImageGCLowThresholdPercent(80).build();
    AKSNodeClassDefinition definition = AKSNodeClasses.azureLinux().named("gpu").encryptionAtHost(true)
        .artifactStreaming(true)
        .gpuMode(dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.Gpu.Mode.DRIVER);

    // Then
    assertThat(dev.autoscaling.manifest.Manifests.toTree(definition.build()).path("spec").toString())
        .isEqualTo("{\"artifactStreaming\":{\"enabled\":true},\"gpu\":{\"mode\":\"Driver\"},"
            + "\"imageFamily\":\"AzureLinux\",\"security\":{\"encryptionAtHost\":true}}");
    assertThatThrownBy(() -> definition.kubelet(kubelet).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spec.kubelet: imageGCHighThresholdPercent must be greater than imageGCLowThresholdPercent");
  }
}
