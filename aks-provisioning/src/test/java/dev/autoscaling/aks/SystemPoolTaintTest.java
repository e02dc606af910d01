package dev.autoscaling.aks;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The system pool is found by mode, tainted once, keeps its other taints, and eviction is planned. */
class SystemPoolTaintTest {

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void startArm() throws Exception {
    arm = new ArmDouble().existingGroup("WorkshopRG", "eastus2", Map.of());
    aks = arm.configure()
        .authenticate(new CountingCredential("token-taint"), arm.profile());
  }

  @AfterEach
  void stopArm() {
    arm.close();
  }

  @Test
  void shouldFindTheSystemPoolByModeAndTaintItOnceWithNoScheduleByDefault() throws Exception {
    // Given: a user pool listed first, and a system pool that already has another taint
    String body = spec.toManagedCluster().toJsonString().replace("\"mode\":\"System\"",
        "\"mode\":\"System\",\"nodeTaints\":[\"team=platform:PreferNoSchedule\","
            + "\"CriticalAddonsOnly=true:PreferNoSchedule\"]");
    arm.existingCluster("WorkshopRG", "workshopcluster", body, "Succeeded")
        .userPoolFirst("WorkshopRG", "workshopcluster", "userpool");

    // When
    TaintResult first = aks.systemPool().taint(spec, SystemPoolTaint.noSchedule(), p -> { });
    TaintResult second = aks.systemPool().taint(spec, SystemPoolTaint.noSchedule(), p -> { });

    // Then: one PUT, replacing the other CriticalAddonsOnly taint and keeping the rest
    assertThat(first).isEqualTo(new TaintResult("nodepool1",
        List.of("team=platform:PreferNoSchedule", "CriticalAddonsOnly=true:NoSchedule"), true));
    assertThat(second.changed()).isFalse();
    assertThat(arm.requests("PUT", ".*/agentpools/.*")).singleElement().satisfies(put -> {
      assertThat(put.path()).endsWith("/agentPools/nodepool1");
      assertThat(put.json().at("/properties/nodeTaints").toString())
          .isEqualTo("[\"team=platform:PreferNoSchedule\",\"CriticalAddonsOnly=true:NoSchedule\"]");
    });
  }

  @Test
  void shouldPlanNoEvictionForNoScheduleAndNeedAClientToListPodsForNoExecute() throws Exception {
    // Given
    arm.existingCluster("WorkshopRG", "workshopcluster", spec.toManagedCluster().toJsonString(), "Succeeded");

    // When
    EvictionPlan noSchedule = aks.systemPool().planTaint(spec, SystemPoolTaint.noSchedule());
    EvictionPlan noExecute = aks.systemPool().planTaint(spec, SystemPoolTaint.noExecuteEvictingRunningPods());

    // Then
    assertThat(noSchedule).isEqualTo(new EvictionPlan("nodepool1", "CriticalAddonsOnly=true:NoSchedule", false,
        false, List.of()));
    assertThat(noExecute.evictsRunningPods()).isTrue();
    assertThat(noExecute.podsListed()).isFalse();
    assertThat(arm.requests("PUT", ".*")).isEmpty();
  }

  @Test
  void shouldEvictOnlyPodsWithoutAMatchingToleration() {
    // Given
    SystemPoolTaint noExecute = SystemPoolTaint.noExecuteEvictingRunningPods();
    Pod plain = new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().endSpec().build();
    Pod critical = tolerating("coredns", "CriticalAddonsOnly", "Exists", null, null);
    Pod daemonSet = tolerating("cilium", null, "Exists", null, null);
    Pod otherEffect = tolerating("job", "CriticalAddonsOnly", "Exists", null, "NoSchedule");
    Pod equalValue = tolerating("metrics", "CriticalAddonsOnly", "Equal", "true", "NoExecute");
    Pod wrongValue = tolerating("batch", "CriticalAddonsOnly", "Equal", "false", null);

    // Then
    assertThat(Evictions.tolerates(plain, noExecute)).isFalse();
    assertThat(Evictions.tolerates(critical, noExecute)).isTrue();
    assertThat(Evictions.tolerates(daemonSet, noExecute)).isTrue();
    assertThat(Evictions.tolerates(otherEffect, noExecute)).isFalse();
    assertThat(Evictions.tolerates(equalValue, noExecute)).isTrue();
    assertThat(Evictions.tolerates(wrongValue, noExecute)).isFalse();
  }

  private static Pod tolerating(String name, String key, String operator, String value, String effect) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withTolerations(new TolerationBuilder().withKey(key).withOperator(operator).withValue(value)
            .withEffect(effect).build())
        .endSpec().build();
  }
}
