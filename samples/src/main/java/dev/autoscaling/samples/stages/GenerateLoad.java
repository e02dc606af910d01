package dev.autoscaling.samples.stages;

/**
 * Workshop stage: More virtual customers, so that KEDA scales the virtual workers. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class GenerateLoad {

  private GenerateLoad() {
  }

  public static void main(String[] args) {
    StageRunner.run("load", "load", args, System.out);
  }
}
