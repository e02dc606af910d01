package dev.autoscaling.samples.stages;

/**
 * Workshop stage: Prerequisites and environment: preview feature, provider, resource group, AKS cluster with KEDA + NAP, credentials. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class CreateCluster {

  private CreateCluster() {
  }

  public static void main(String[] args) {
    StageRunner.run("prerequisites", "environment", args, System.out);
  }
}
