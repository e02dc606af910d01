package dev.autoscaling.workshop.step;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A server-side apply the API server refused with 409 Conflict: fields of the object are managed by someone else
 * (another field manager) with other values than the workshop applies. Nothing was changed. Applying with force
 * ({@code workshop run --force-conflicts}, {@link WorkshopContext#forcingConflicts()}) takes the fields over, as
 * {@code kubectl apply --server-side --force-conflicts} does.
 */
public final class ApplyConflictException extends IllegalStateException {

  /** One field and its manager, as the API server names them: {@code .spec.replicas}, {@code "kubectl" using apps/v1}. */
  public record Conflict(String field, String manager) {
  }

  private final String object;
  private final List<Conflict> conflicts;

  ApplyConflictException(String object, List<Conflict> conflicts) {
    super(message(object, conflicts));
    this.object = object;
    this.conflicts = List.copyOf(conflicts);
  }

  /** The object, as {@code deployment/order-service -n pets}. */
  public String object() {
    return object;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  private static String message(String object, List<Conflict> conflicts) {
    boolean one = conflicts.size() == 1;
    String fields = conflicts.stream().map(c -> c.field() + " is managed by " + c.manager())
        .collect(Collectors.joining(", "));
    return object + ": not applied: " + fields + ", with " + (one ? "another value" : "other values")
        + " than the workshop's. Run again with --force-conflicts to take " + (one ? "it" : "them")
        + " over (as kubectl apply --server-side --force-conflicts does), or leave this step out to keep "
        + (one ? "it" : "them");
  }

}
