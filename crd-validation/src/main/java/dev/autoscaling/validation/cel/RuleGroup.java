package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.memo.Memo;
import dev.autoscaling.validation.memo.MemoBudget;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;

/**
 * All the rules of one schema node, evaluated together where their outcomes can be remembered together.
 *
 * <p>Why: a requirement key meets nine label-domain rules and a requirement list three element-wise rules, in
 * every NodePool. One remembered lookup per value for all of a node's rules costs a fraction of one per rule; and
 * list items are remembered by their JSON value, so a list whose items were all seen before is never converted to
 * CEL values at all. Nodes with a transition rule, or with rules that read the whole list, are not grouped.
 */
public final class RuleGroup {

  private static final int MEMO_LIMIT = 4096;

  private final List<CelRule> rules;
  private final boolean scalars;
  private final boolean elements;
  private final Memo<Object, CelRule.Outcome[]> scalarOutcomes;
  /** Per list item (a {@link NodeKey} over a private copy of its JSON) or map key: each rule's TRUE, FALSE or error. */
  private final Memo<Object, Object[]> elementResults;

  /** The outcomes when every rule held: returned as this one array, so callers can skip reporting at once. */
  private final CelRule.Outcome[] allPassed;

  private RuleGroup(List<CelRule> rules, MemoBudget budget) {
    this.rules = List.copyOf(rules);
    this.allPassed = new CelRule.Outcome[rules.size()];
    java.util.Arrays.fill(allPassed, CelRule.passed());
    boolean compiled = !rules.isEmpty() && rules.stream().allMatch(r -> r.compileError() == null && !r.isTransition());
    this.scalars = compiled;
    this.elements = compiled && rules.stream().allMatch(r -> r.elementwise() != null);
    this.scalarOutcomes = scalars ? budget.newMemo(MEMO_LIMIT) : null;
    this.elementResults = elements ? budget.newMemo(MEMO_LIMIT) : null;
  }

  /** The rules together, remembering within a budget of their own. */
  public static RuleGroup of(List<CelRule> rules) {
    return new RuleGroup(rules, MemoBudget.standard());
  }

  /** The rules together, remembering within the budget of the validator they belong to. */
  public static RuleGroup of(List<CelRule> rules, MemoBudget budget) {
    return new RuleGroup(rules, budget);
  }

  /** Whether outcomes this group returned say that every rule held. */
  public boolean passedAll(CelRule.Outcome[] outcomes) {
    return outcomes == allPassed;
  }

  /** Every rule's outcome, in order, for a scalar {@code self}; null when this node's rules are not grouped. */
  public CelRule.Outcome[] forScalar(Object self) {
    if (!scalars || !CelRule.isScalar(self)) {
      return null;
    }
    CelRule.Outcome[] known = scalarOutcomes.get(self);
    if (known != null) {
      return known;
    }
    CelRule.Outcome[] outcomes = new CelRule.Outcome[rules.size()];
    boolean passed = true;
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = rules.get(i).evaluate(self, null, false);
      passed &= outcomes[i] == CelRule.passed();
    }
    if (passed) {
      outcomes = allPassed;
    }
    scalarOutcomes.put(self, outcomes, CelValues.bytes(self) + (passed ? 0 : CelRule.bytes(outcomes)));
    return outcomes;
  }

  /**
   * Every rule's outcome, in order, for a list (its items) or a map (its keys) when all of this node's rules have
   * the form {@code self.all(x, ...)}; null otherwise. {@code converted} is the validation's conversion cache.
   */
  public CelRule.Outcome[] forElements(JsonNode data, IdentityHashMap<JsonNode, Object> converted) {
    if (!elements || !(data.isArray() || data.isObject())) {
      return null;
    }
    Object[] verdicts = new Object[rules.size()]; // FALSE beats an error beats TRUE, as in the all() macro
    boolean clean = true;
    Iterator<?> elementsOf = data.isArray() ? data.elements() : data.fieldNames();
    while (elementsOf.hasNext()) {
      Object element = elementsOf.next();
      Object[] results = resultsFor(element, converted);
      for (int i = 0; i < results.length; i++) {
        if (Boolean.FALSE.equals(results[i])) {
          verdicts[i] = Boolean.FALSE;
          clean = false;
        } else if (results[i] instanceof String && verdicts[i] == null) {
          verdicts[i] = results[i];
          clean = false;
        }
      }
    }
    if (clean) {
      return allPassed;
    }
    CelRule.Outcome[] outcomes = new CelRule.Outcome[rules.size()];
    Object self = null;
    for (int i = 0; i < outcomes.length; i++) {
      Object verdict = verdicts[i] == null ? Boolean.TRUE : verdicts[i];
      if (Boolean.FALSE.equals(verdict) && self == null) {
        self = CelValues.of(data, converted); // only a failure's message needs the whole value
      }
      outcomes[i] = rules.get(i).elementwiseOutcome(verdict, self);
    }
    return outcomes;
  }

  private Object[] resultsFor(Object element, IdentityHashMap<JsonNode, Object> converted) {
    // a list item is looked up only when it is small: hashing a large or deeply nested one costs as much as it saves
    NodeKey key = element instanceof JsonNode item ? NodeKey.of(item) : null;
    Object lookup = element instanceof JsonNode ? key : element;
    if (lookup != null) {
      Object[] known = elementResults.get(lookup);
      if (known != null) {
        return known;
      }
    }
    Object value = element instanceof JsonNode item ? CelValues.of(item, converted) : element;
    Object[] results = new Object[rules.size()];
    long bytes = 16 + 8L * results.length;
    for (int i = 0; i < results.length; i++) {
      results[i] = rules.get(i).elementwise().evaluateOne(value);
      bytes += results[i] instanceof String error ? CelValues.bytes(error) : 0;
    }
    if (lookup != null) {
      // a copy: the caller's tree may change after validation, a remembered key must not; the JSON copy and the
      // converted value are about the same size
      elementResults.put(key != null ? key.copied() : element, results, bytes + 2 * CelValues.bytes(value));
    }
    return results;
  }
}
