package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.FieldValidation;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The one validation door for KEDA objects: everything that would be said about one before it works — the API
 * server (the pinned CRD's schema and CEL rules), KEDA's admission webhook, and KEDA's scaler catalogue for trigger
 * metadata.
 */
public final class KedaValidation {

  private KedaValidation() {
  }

  /** Every violation of a model object (ScaledObject, ScaledJob, TriggerAuthentication, ...). */
  public static ValidationReport check(HasMetadata object) {
    return check(Manifests.toTree(object));
  }

  /**
   * Every violation of an object given as a JSON tree, e.g. parsed from YAML: values the model classes could not
   * hold are reported like everything else.
   */
  public static ValidationReport check(JsonNode object) {
    List<Violation> violations = new ArrayList<>(KedaCrds.validator().validate(object).violations());
    violations.addAll(KedaAdmission.check(object));
    return new ValidationReport(violations);
  }

  /**
   * Every document of a YAML or JSON text, each with its report, numbered from 0 in the order written. Text that
   * cannot be read is one result saying why, not an exception.
   */
  public static List<DocumentResult> checkAll(String text) {
    return DocumentResult.checkEach(text, document -> {
      String apiVersion = document.path("apiVersion").asText("");
      return apiVersion.startsWith("keda.sh/") || apiVersion.startsWith("eventing.keda.sh/");
    }, KedaValidation::check);
  }

  /**
   * Every violation of a KEDA object (model object, JSON tree or YAML text). For YAML text every document is
   * checked; with more than one, each violation's path starts with its document's number ({@code [2] spec...}).
   *
   * @deprecated one validation door per family, typed and with one result type: use
   *     {@link #check(HasMetadata)}, {@link #check(JsonNode)} or {@link #checkAll(String)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(Object object) {
    if (object instanceof String text) {
      List<JsonNode> documents = Manifests.parseAll(text);
      if (documents.size() == 1) {
        return check(documents.get(0)).violations();
      }
      List<Violation> violations = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        for (Violation v : check(documents.get(i)).violations()) {
          violations.add(new Violation("[" + (i + 1) + "]" + (v.path().isEmpty() ? "" : " " + v.path()), v.message(),
              v.rule(), v.reason(), v.severity()));
        }
      }
      return violations;
    }
    return validate(object, FieldValidation.STRICT, new KedaAuthentications());
  }

  /**
   * Every violation of an object read from an input, as {@link #check(JsonNode)}, with unknown fields treated as
   * {@code kubectl apply --validate=...} treats them and knowing the (Cluster)TriggerAuthentications seen earlier in
   * the input; a (Cluster)TriggerAuthentication is then remembered for the objects after it.
   */
  public static ValidationReport check(JsonNode object, FieldValidation fieldValidation,
      KedaAuthentications authentications) {
    List<Violation> violations = new ArrayList<>(KedaCrds.validator().withFieldValidation(fieldValidation)
        .validate(object).violations());
    violations.addAll(KedaAdmission.check(object, authentications));
    authentications.record(object);
    return new ValidationReport(violations);
  }

  /**
   * Every violation of a KEDA object read from an input, knowing the (Cluster)TriggerAuthentications seen earlier.
   *
   * @deprecated use {@link #check(JsonNode, FieldValidation, KedaAuthentications)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(Object object, KedaAuthentications authentications) {
    return validate(object, FieldValidation.STRICT, authentications);
  }

  /**
   * As {@link #validate(Object)}, unknown fields treated as {@code kubectl apply --validate=...} treats them.
   *
   * @deprecated use {@link #check(JsonNode, FieldValidation, KedaAuthentications)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(Object object, FieldValidation fieldValidation) {
    return validate(object, fieldValidation, new KedaAuthentications());
  }

  /**
   * As {@link #validate(Object, KedaAuthentications)}, unknown fields treated as the given choice says.
   *
   * @deprecated use {@link #check(JsonNode, FieldValidation, KedaAuthentications)}
   */
  @Deprecated(forRemoval = false)
  public static List<Violation> validate(Object object, FieldValidation fieldValidation,
      KedaAuthentications authentications) {
    JsonNode tree = object instanceof JsonNode node ? node
        : object instanceof String text ? Manifests.parseAll(text).get(0) : Manifests.toTree(object);
    return check(tree, fieldValidation, authentications).violations();
  }

  /**
   * The object itself when nothing would reject it.
   *
   * @throws ValidationException listing every violation, under {@code what} ("ScaledObject worker")
   */
  public static <T> T requireValid(T object, String what) {
    ValidationException.throwOnErrors(what,
        check(object instanceof JsonNode node ? node : Manifests.toTree(object)).violations());
    return object;
  }
}
