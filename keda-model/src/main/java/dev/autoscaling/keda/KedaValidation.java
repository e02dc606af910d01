package dev.autoscaling.keda;

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

  /** Every violation of a KEDA object (model object, JSON tree or YAML text). */
  public static List<Violation> validate(Object object) {
    List<Violation> violations = new ArrayList<>(KedaCrds.validator().validate(object).violations());
    violations.addAll(KedaAdmission.check(object instanceof String text
        ? dev.autoscaling.manifest.Manifests.parseAll(text).get(0) : object));
    return violations;
  }

  /**
   * The object itself when nothing would reject it.
   *
   * @throws ValidationException listing every violation, under {@code what} ("ScaledObject worker")
   */
  public static <T> T requireValid(T object, String what) {
    List<Violation> violations = validate(object);
    if (violations.stream().anyMatch(Violation::isError)) {
      throw new ValidationException(what, violations);
    }
    return object;
  }
}
