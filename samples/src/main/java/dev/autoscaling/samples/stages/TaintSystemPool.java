package dev.autoscaling.samples.stages;

/**
 * Workshop stage: Taint the system pool so that Node Auto Provisioning starts nodes for the store. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class TaintSystemPool {

  private TaintSystemPool() {
  }

  public static void main(String[] args) {
    StageRunner.run("nap", "nap", args, System.out);
  }
}
