package dev.autoscaling.samples.stages;

/**
 * Workshop stage: The Azure Linux AKSNodeClass, and the arm64 NodePool moved onto it. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class AzureLinuxNodeClass {

  private AzureLinuxNodeClass() {
  }

  public static void main(String[] args) {
    StageRunner.run("azure-linux", "azure-linux", args, System.out);
  }
}
