package dev.autoscaling.samples.stages;

/**
 * Workshop stage: The arm64 NodePool on NAP's default AKSNodeClass. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class ArmNodePool {

  private ArmNodePool() {
  }

  public static void main(String[] args) {
    StageRunner.run("arm-nodepool", "arm-nodepool", args, System.out);
  }
}
