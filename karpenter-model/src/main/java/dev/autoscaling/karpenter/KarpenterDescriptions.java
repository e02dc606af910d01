package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * describe() for any Karpenter object whose kind is only known at run time — the documents of a YAML file, or
 * what {@code kubectl get nodepools,aksnodeclasses -o yaml} lists (such as the NodePools and AKSNodeClass that
 * AKS Node Auto Provisioning creates). It hands each object to the description of its kind:
 * {@link NodePoolDescriptions}, {@link AKSNodeClassDescriptions}, {@link EC2NodeClassDescriptions}. Those stay
 * separate, one small class per kind, because each knows its own kind's fields and defaults; call them directly
 * when the type is known.
 *
 * <pre>{@code
 * String text = KarpenterDescriptions.describeAll(Manifests.parseAll(Files.readString(napDefaults)));
 * }</pre>
 */
public final class KarpenterDescriptions {

  private KarpenterDescriptions() {
  }

  /**
   * @param object a NodePool, AKSNodeClass or EC2NodeClass: model object or tree ({@code JsonNode})
   * @throws IllegalArgumentException when it is null, has no kind, or is of a kind with no description
   */
  public static String describe(Object object) {
    if (object == null) {
      throw new IllegalArgumentException("object: is null; pass a NodePool, AKSNodeClass or EC2NodeClass");
    }
    JsonNode tree = object instanceof JsonNode node ? node : Manifests.toTree(object);
    String kind = tree.path("kind").asText("");
    return switch (kind) {
      case "NodePool" -> NodePoolDescriptions.describe(tree);
      case "AKSNodeClass" -> AKSNodeClassDescriptions.describe(tree);
      case "EC2NodeClass" -> EC2NodeClassDescriptions.describe(tree);
      default -> throw new IllegalArgumentException("kind: " + (kind.isEmpty() ? "missing" : kind + " has no"
          + " description") + "; describe takes a NodePool, AKSNodeClass or EC2NodeClass with its kind set"
          + " (objects parsed from YAML carry it; a bare spec does not)");
    };
  }

  /** Each object described, separated by an empty line, in the order given. */
  public static String describeAll(Collection<?> objects) {
    List<String> descriptions = new ArrayList<>();
    for (Object object : objects) {
      descriptions.add(describe(object));
    }
    return String.join("\n\n", descriptions);
  }
}
