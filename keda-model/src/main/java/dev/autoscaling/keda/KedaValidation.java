package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.FieldValidation;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that would be said about a KEDA object before it works: the API server (the pinned CRD's schema and
 * CEL rules), KEDA's admission webhook, and KEDA's scaler catalogue for trigger metadata.
 */
public final class KedaValidation {

  private KedaValidation() {
  }

  /**
   * Every violation of a KEDA object (model object, JSON tree or YAML text), an unknown field an error as under
   * {@code kubectl apply}'s default strict field validation.
   */
  public static List<Violation> validate(Object object) {
    return validate(object, FieldValidation.STRICT, new KedaAuthentications());
  }

  /**
   * Every violation of a KEDA object read from an input, knowing the (Cluster)TriggerAuthentications seen earlier
   * in it; a (Cluster)TriggerAuthentication is then remembered for the objects after it.
   */
  public static List<Violation> validate(Object object, KedaAuthentications authentications) {
    return validate(object, FieldValidation.STRICT, authentications);
  }

  /** As {@link #validate(Object)}, unknown fields treated as {@code kubectl apply --validate=...} treats them. */
  public static List<Violation> validate(Object object, FieldValidation fieldValidation) {
    return validate(object, fieldValidation, new KedaAuthentications());
  }

  /** As {@link #validate(Object, KedaAuthentications)}, unknown fields treated as the given choice says. */
  public static List<Violation> validate(Object object, FieldValidation fieldValidation,
      KedaAuthentications authentications) {
    // one conversion to a tree, shared by both checks
    JsonNode tree = object instanceof JsonNode node ? node
        : object instanceof String text ? Manifests.parseAll(text).get(0) : Manifests.toTree(object);
    List<Violation> violations = new ArrayList<>(KedaCrds.validator().withFieldValidation(fieldValidation)
        .validate(tree).violations());
    violations.addAll(KedaAdmission.check(tree, authentications));
    authentications.record(tree);
    return violations;
  }

  /**
   * The object itself when nothing would reject it.
   *
   * @throws ValidationException listing every violation, under {@code what} ("ScaledObject worker")
   */
  public static <T> T requireValid(T object, String what) {
    ValidationException.throwOnErrors(what, validate(object));
    return object;
  }
}
