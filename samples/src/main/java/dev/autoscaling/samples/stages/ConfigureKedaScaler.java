package dev.autoscaling.samples.stages;

/**
 * Workshop stage: The KEDA scaler: Secret, TriggerAuthentication and ScaledObject on the RabbitMQ queue depth. Prints the stage's plan and runs it: against an embedded API server by default, against
 * the kubeconfig's cluster with {@code --cluster}.
 */
public final class ConfigureKedaScaler {

  private ConfigureKedaScaler() {
  }

  public static void main(String[] args) {
    StageRunner.run("keda-scaler", "keda-scaler", args, System.out);
  }
}
