package dev.autoscaling.manifest;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * An immutable copy of a (mutable) generated model object, kept as the JSON it serialises to: how a definition
 * holds a value the caller built with a generated builder, so that changing the caller's object afterwards does
 * not change the definition, and each {@link #get()} hands out a new object that the caller may change freely.
 *
 * @param type the model class
 * @param json the object's JSON, as {@link Manifests#toJson(Object)} writes it
 * @param <T>  the model class
 */
public record Snapshot<T>(Class<T> type, String json) {

  public Snapshot {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
  }

  /** A snapshot of the object as it is now; null for null. */
  @SuppressWarnings("unchecked")
  public static <T> @Nullable Snapshot<T> of(@Nullable T object) {
    return object == null ? null : new Snapshot<>((Class<T>) object.getClass(), Manifests.toJson(object));
  }

  /** A new object equal to the one the snapshot was taken of. */
  public T get() {
    return Manifests.fromJson(json, type);
  }

  /** The value of a snapshot that may be absent: null for null. */
  public static <T> @Nullable T getOrNull(@Nullable Snapshot<T> snapshot) {
    return snapshot == null ? null : snapshot.get();
  }

  @Override
  public String toString() {
    // the JSON may hold a credential (a TriggerAuthentication's spec): never printed
    return "Snapshot[" + type.getSimpleName() + "]";
  }
}
