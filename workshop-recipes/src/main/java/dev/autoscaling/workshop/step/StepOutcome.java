package dev.autoscaling.workshop.step;

import java.util.List;

/**
 * What {@link Step#apply} or {@link Step#teardown} did: one line per object or command, and how many writes it
 * sent (a write is a create, patch, update or delete request, on Kubernetes or on Azure).
 */
public record StepOutcome(String step, List<String> actions, int writes) {

  public StepOutcome {
    actions = List.copyOf(actions);
  }

  public boolean changedSomething() {
    return writes > 0;
  }
}
