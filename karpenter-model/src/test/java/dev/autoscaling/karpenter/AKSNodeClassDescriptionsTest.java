package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AKSNodeClassDescriptionsTest {

  @Test
  void shouldDescribeEverySettingOfATunedNodeClassAndWhyItIsNotReady() {
    JsonNode tuned = JsonTrees.resourceDocument("describe/aksnodeclass-tuned.yaml");
    assertThat(KarpenterCrds.azure().validate(tuned).errors()).isEmpty();

    String text = AKSNodeClassDescriptions.describe(tuned);

    assertThat(text).startsWith("AKSNodeClass azurelinux-tuned: Azure Linux nodes for the batch workers\n")
        .contains("image:       AzureLinux (Azure Linux 2 on Kubernetes 1.31.4)")
        .contains("OS disk:     256 GB, ephemeral")
        .contains("subnet:      nodes in virtual network vnet-batch (resource group rg-batch)")
        .contains("max pods:    110 per node")
        .contains("kubelet:     cpuManagerPolicy=static, imageGCHighThresholdPercent=85, imageGCLowThresholdPercent=80,"
            + " failSwapOn=false")
        .contains("linux OS:    swap file 1500Mi; transparent huge pages madvise, defrag default;"
            + " sysctls vmMaxMapCount=262144")
        .contains("security:    FIPS 140 image; encryption at host on")
        .contains("GPU:         no driver installed: every GPU size is eligible")
        .contains("tags:        team=batch, cost-center=4711")
        .contains("status:      Ready=False (UnhealthyDependents: SubnetsReady=False); "
            + "SubnetsReady=False (SubnetNotFound: subnet nodes does not exist); "
            + "ValidationSucceeded, LocalDNSReady not reported")
        .contains("resolved:    Kubernetes 1.31.4")
        .doesNotContain("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void shouldFillInWhatAksUsesForFieldsLeftUnsetAndShowNoStatusForALocalObject() {
    String text = AKSNodeClassDescriptions.describe(AKSNodeClasses.aksNodeClass().named("plain").build());

    assertThat(text).contains("image:       Ubuntu (default) (Ubuntu 22.04 before Kubernetes 1.34, Ubuntu 24.04"
            + " from 1.34)")
        .contains("OS disk:     128 GB (default), ephemeral")
        .doesNotContain("status:").doesNotContain("resolved:");
  }

  /** The provider's GetImageFamily: which release a family means, by Kubernetes version and FIPS. */
  @ParameterizedTest(name = "{0} fips={1} on {2}")
  @CsvSource(delimiter = '|', value = {
      "Ubuntu     | Disabled | 1.33.2  | Ubuntu (Ubuntu 22.04 on Kubernetes 1.33.2)",
      "Ubuntu     | Disabled | v1.34.0 | Ubuntu (Ubuntu 24.04 on Kubernetes v1.34.0)",
      "Ubuntu     | FIPS     | 1.34.0  | Ubuntu (Ubuntu 20.04, the FIPS release)",
      "Ubuntu2404 | Disabled | 1.30.1  | Ubuntu2404 (Ubuntu 24.04)",
      "AzureLinux | Disabled | 1.32.0  | AzureLinux (Azure Linux 3 on Kubernetes 1.32.0)",
      "AzureLinux | FIPS     | 1.31.9  | AzureLinux (Azure Linux 2 on Kubernetes 1.31.9)",
      "AzureLinux | Disabled |         | AzureLinux (Azure Linux 3 from Kubernetes 1.32, Azure Linux 2 before)"})
  void shouldSayWhichReleaseAnImageFamilyResolvesTo(String family, String fips, String version, String expected) {
    JsonNode nodeClass = Manifests.parseAll("""
        apiVersion: karpenter.azure.com/v1beta1
        kind: AKSNodeClass
        metadata: {name: c}
        spec: {imageFamily: %s, fipsMode: %s}
        %s""".formatted(family, fips, version == null ? "" : "status: {kubernetesVersion: '" + version + "'}"))
        .get(0);

    assertThat(AKSNodeClassDescriptions.describe(nodeClass)).contains("image:       " + expected + "\n");
  }
}
