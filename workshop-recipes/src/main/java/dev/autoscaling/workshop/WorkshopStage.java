package dev.autoscaling.workshop;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/**
 * One of the workshop's {@code kubectl apply -f FILE} steps: the file's name as the workshop writes it, and the
 * objects in it, in order.
 */
public record WorkshopStage(String name, List<HasMetadata> objects) {

  public WorkshopStage {
    objects = List.copyOf(objects);
  }
}
