package dev.autoscaling.samples.stages;

/**
 * Workshop stage: Deploy the AKS Store into namespace pets and wait until it is Ready. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class DeployStore {

  private DeployStore() {
  }

  public static void main(String[] args) {
    StageRunner.run("store", "store", args, System.out);
  }
}
