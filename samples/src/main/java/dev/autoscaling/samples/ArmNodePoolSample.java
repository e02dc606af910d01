package dev.autoscaling.samples;

import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.ValidationReport;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import static dev.autoscaling.karpenter.NodePools.arm64;

/**
 * The workshop's NAP step in Java (the README's example): the Azure Linux AKSNodeClass and the arm64 NodePool on
 * it, printed as YAML ready for {@code kubectl apply -f -}. Compiled and run by the build, so it cannot rot.
 */
public final class ArmNodePoolSample {

  private ArmNodePoolSample() {
  }

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    AKSNodeClass azureLinux = AKSNodeClasses.azureLinux()
        .named("default-azurelinux")
        .description("General purpose AKSNodeClass for running Azure Linux nodes")
        .build();

    NodePool pool = arm64().linux().onDemand().skuFamily("D")
        .named("arm-nodepool").weight(10)
        .consolidateWhenEmptyOrUnderutilized(Duration.ofSeconds(1))
        .nodeClass(azureLinux)
        .build();

    // anything the facade does not cover: drop down to the generated builders, then check offline
    NodePool heavier = new NodePoolBuilder(pool).editSpec().withWeight(20).endSpec().build();
    ValidationReport report = KarpenterCrds.azure().validate(heavier);
    if (!report.isValid()) {
      throw new IllegalStateException(report.toString());
    }

    out.print(Manifests.toYaml(List.of(azureLinux, pool)));
  }
}
