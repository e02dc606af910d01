package consumer;

import dev.autoscaling.aks.AksClusterSpec;
import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.ArmDouble;
import dev.autoscaling.aks.ClusterResult;
import dev.autoscaling.aks.CountingCredential;
import dev.autoscaling.aks.OnDifference;
import dev.autoscaling.aks.ResourceGroupResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Azure SDK pipeline of aks-provisioning, on the BOM's versions, against the ARM double over loopback HTTPS. */
class AksProvisioningTest {

  @Test
  void shouldCreateTheWorkshopsResourceGroupAndCluster() throws Exception {
    try (ArmDouble arm = new ArmDouble()) {
      AksManager aks = arm.configure().authenticate(new CountingCredential("consumer-token"), arm.profile());
      AksClusterSpec spec = AksClusterSpec.workshop();
      List<Object> progress = new ArrayList<>();

      ResourceGroupResult group = aks.resourceGroups().ensure(spec);
      ClusterResult cluster = aks.clusters().createOrUpdate(spec, OnDifference.FAIL, progress::add);

      assertThat(group.created()).isTrue();
      assertThat(cluster.action()).isEqualTo(ClusterResult.Action.CREATED);
      assertThat(cluster.provisioningState()).isEqualTo("Succeeded");
      assertThat(arm.hasCluster(spec.resourceGroup(), spec.name())).isTrue();
      assertThat(progress).isNotEmpty();
    }
  }
}
