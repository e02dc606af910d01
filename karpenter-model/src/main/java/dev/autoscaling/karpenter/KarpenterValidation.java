package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.ValidationReport;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/**
 * The one validation door for Karpenter objects (NodePool, NodeClaim, NodeOverlay, AKSNodeClass, EC2NodeClass):
 * what the API server would say (the provider's own CRD copy: schema and CEL rules) and, for a NodePool, the
 * well-known label values. A NodePool is checked against the AWS copy when its {@code nodeClassRef} names the AWS
 * group, against the Azure copy otherwise; a node class against its provider's copy.
 */
public final class KarpenterValidation {

  private KarpenterValidation() {
  }

  /** Every violation of a model object. */
  public static ValidationReport check(HasMetadata object) {
    return check(Manifests.toTree(object));
  }

  /**
   * Every violation of an object given as a JSON tree, e.g. parsed from YAML: values the model classes could not
   * hold (a wrong enum value, text where a number belongs) are reported like everything else.
   */
  public static ValidationReport check(JsonNode object) {
    if ("NodePool".equals(object.path("kind").asText())) {
      return new ValidationReport(NodePoolDefinition.nodePoolViolations(object));
    }
    return validatorFor(object).validate(object);
  }

  /**
   * Every document of a YAML or JSON text, each with its report, numbered from 0 in the order written. Text that
   * cannot be read is one result saying why, not an exception.
   */
  public static List<DocumentResult> checkAll(String text) {
    return DocumentResult.checkEach(text, document -> isKarpenter(document.path("apiVersion").asText("")),
        KarpenterValidation::check);
  }

  private static boolean isKarpenter(String apiVersion) {
    return apiVersion.startsWith("karpenter.sh/") || apiVersion.startsWith(NodeClassReference.AZURE_GROUP + "/")
        || apiVersion.startsWith(NodeClassReference.AWS_GROUP + "/");
  }

  private static CrdValidator validatorFor(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    return apiVersion.startsWith(NodeClassReference.AWS_GROUP + "/") ? KarpenterCrds.aws() : KarpenterCrds.azure();
  }
}
