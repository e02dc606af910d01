package dev.autoscaling.aks;

/**
 * The taint that moves workloads off AKS's system pool. AKS accepts only {@code CriticalAddonsOnly} (or a
 * PreferNoSchedule effect) on a System-mode pool.
 */
public final class SystemPoolTaint {

  static final String KEY = "CriticalAddonsOnly";
  static final String VALUE = "true";

  private final String effect;

  private SystemPoolTaint(String effect) {
    this.effect = effect;
  }

  /** {@code CriticalAddonsOnly=true:NoSchedule}: new pods go elsewhere, running ones stay until they move. */
  public static SystemPoolTaint noSchedule() {
    return new SystemPoolTaint("NoSchedule");
  }

  /**
   * {@code CriticalAddonsOnly=true:NoExecute}, as the workshop does: every running pod without the toleration is
   * evicted at once. The name of the method is the acknowledgement.
   */
  public static SystemPoolTaint noExecuteEvictingRunningPods() {
    return new SystemPoolTaint("NoExecute");
  }

  /** As {@code --node-taints} takes it. */
  public String asTaintString() {
    return KEY + "=" + VALUE + ":" + effect;
  }

  /** {@code NoSchedule} or {@code NoExecute}. */
  public String effect() {
    return effect;
  }

  public boolean evictsRunningPods() {
    return effect.equals("NoExecute");
  }

  @Override
  public String toString() {
    return asTaintString();
  }
}
