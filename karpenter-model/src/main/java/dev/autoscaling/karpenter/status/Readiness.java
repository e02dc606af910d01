package dev.autoscaling.karpenter.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Karpenter object (NodePool, NodeClaim, AKSNodeClass, EC2NodeClass) is Ready, and if not, why — read
 * from its {@code status.conditions}.
 *
 * <p>Karpenter derives the root condition {@code Ready} from a fixed set of conditions per kind (operatorpkg's
 * "ready conditions"): {@code Ready} is True once all of them are. So {@code Ready} decides, and the kind's own
 * conditions explain: a NodeClaim that is not Ready says whether it has not launched, not registered or not
 * initialised yet. Informational conditions ({@code Drifted}, {@code Consolidatable}, ...) never block readiness
 * and are left out of the explanation.
 *
 * <pre>{@code
 * Readiness readiness = Readiness.of(karpenter.nodeClaims().withName("arm-nodepool-x7k2p").get());
 * readiness.isReady();      // false
 * readiness.explanation();  // Ready=Unknown; Registered=Unknown (AwaitingReconciliation); Initialized not reported
 * }</pre>
 */
public final class Readiness {

  /** The root condition every Karpenter kind reports. */
  public static final String READY = "Ready";

  // The conditions Karpenter's Ready is made of, per kind (StatusConditions() of each Go type: karpenter v1.14.1
  // nodepool_status.go / nodeclaim_status.go, Azure provider v1.14.2 aksnodeclass_status.go, AWS provider v1.14.1
  // ec2nodeclass_status.go; AWS adds CapacityReservationsReady only behind a feature flag, so it is not listed).
  private static final Map<String, List<String>> READY_IS_MADE_OF = Map.of(
      "NodePool", List.of("ValidationSucceeded", "NodeClassReady"),
      "NodeClaim", List.of("Launched", "Registered", "Initialized"),
      "AKSNodeClass", List.of("ImagesReady", "KubernetesVersionReady", "SubnetsReady", "ValidationSucceeded",
          "LocalDNSReady"),
      "EC2NodeClass", List.of("AMIsReady", "SubnetsReady", "SecurityGroupsReady", "InstanceProfileReady",
          "ValidationSucceeded"));

  private final String kind;
  private final String name;
  private final Long generation;
  private final boolean hasStatus;
  private final List<StatusCondition> conditions;

  private Readiness(String kind, String name, Long generation, boolean hasStatus, List<StatusCondition> conditions) {
    this.kind = kind;
    this.name = name;
    this.generation = generation;
    this.hasStatus = hasStatus;
    this.conditions = conditions;
  }

  /**
   * Reads any Karpenter object: a generated model object, a {@link JsonNode} parsed from YAML, or anything
   * Jackson can turn into the same tree.
   *
   * @throws IllegalArgumentException when {@code resource} is null
   */
  public static Readiness of(Object resource) {
    if (resource == null) {
      throw new IllegalArgumentException("resource: is null; pass the NodePool, NodeClaim or node class as read from"
          + " the cluster (get() returns null when it does not exist)");
    }
    JsonNode tree = resource instanceof JsonNode node ? node : Manifests.toTree(resource);
    List<StatusCondition> conditions = new ArrayList<>();
    for (JsonNode condition : tree.path("status").path("conditions")) {
      JsonNode observed = condition.path("observedGeneration");
      conditions.add(new StatusCondition(condition.path("type").asText(), condition.path("status").asText("Unknown"),
          text(condition.path("reason")), text(condition.path("message")),
          observed.canConvertToLong() ? observed.asLong() : null));
    }
    JsonNode generation = tree.at("/metadata/generation");
    return new Readiness(tree.path("kind").asText("object"), tree.at("/metadata/name").asText("<unnamed>"),
        generation.canConvertToLong() ? generation.asLong() : null, tree.path("status").isObject(),
        Collections.unmodifiableList(conditions));
  }

  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** Every condition as reported, in the controller's order. */
  public List<StatusCondition> conditions() {
    return conditions;
  }

  public Optional<StatusCondition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** Whether the object reported status at all (objects built locally or just created have none). */
  public boolean hasStatus() {
    return hasStatus;
  }

  /**
   * {@code Ready=True}, and not left over from an older spec: when the condition says which generation it saw,
   * that must be the object's current one.
   */
  public boolean isReady() {
    return condition(READY).map(ready -> ready.isTrue() && !stale(ready)).orElse(false);
  }

  /**
   * {@code Ready}, or what stands in the way: the Ready condition and each of the kind's own conditions that is
   * not True (with reason and message), then those not reported at all.
   */
  public String explanation() {
    if (conditions.isEmpty()) {
      return "no status conditions yet (has a Karpenter controller seen this " + kind + "?)";
    }
    Optional<StatusCondition> ready = condition(READY);
    if (ready.isPresent() && ready.get().isTrue()) {
      if (!stale(ready.get())) {
        return READY;
      }
      return "Ready=True is for generation " + ready.get().observedGeneration() + " but the " + kind
          + " is at generation " + generation + " (the controller has not caught up with the last change)";
    }
    List<String> parts = new ArrayList<>();
    parts.add(ready.map(StatusCondition::toString).orElse("Ready not reported"));
    List<String> missing = new ArrayList<>();
    for (String type : READY_IS_MADE_OF.getOrDefault(kind, List.of())) {
      Optional<StatusCondition> part = condition(type);
      if (part.isEmpty()) {
        missing.add(type);
      } else if (!part.get().isTrue()) {
        parts.add(part.get().toString());
      }
    }
    if (!missing.isEmpty()) {
      parts.add(String.join(", ", missing) + " not reported");
    }
    return String.join("; ", parts);
  }

  /** {@code NodeClaim arm-nodepool-x7k2p: Ready} or {@code ...: Ready=False (...); Registered=False (...)}. */
  @Override
  public String toString() {
    return kind + " " + name + ": " + explanation();
  }

  private boolean stale(StatusCondition condition) {
    return condition.observedGeneration() != null && generation != null && condition.observedGeneration() < generation;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
