package dev.autoscaling.validation.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.validation.memo.Memo;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code x-kubernetes-validations} entry, compiled once: its rule, {@code message}, {@code messageExpression},
 * {@code fieldPath} and {@code reason}. A rule that does not compile is kept, with the reason, so that it is
 * reported as not checked rather than passing silently.
 */
public final class CelRule {

  /** The outcome of one evaluation. */
  public sealed interface Outcome permits Passed, Failed, Unevaluable {
  }

  /** The rule held. */
  public record Passed() implements Outcome {
  }

  /** The rule returned false: the API server rejects the object with {@code message}. */
  public record Failed(String message) implements Outcome {
  }

  /** The rule could not be compiled or evaluated: the API server rejects the object too, with this error. */
  public record Unevaluable(String error) implements Outcome {
  }

  private static final Outcome PASSED = new Passed();
  private static final int MEMO_LIMIT = 4096;
  /** The API server's bound on a message expression's result (celconfig.MaxEvaluatedMessageExpressionSizeBytes). */
  private static final int MAX_MESSAGE_BYTES = 5 * 1024;
  /** Evaluation errors quote the values they met: this much of them is kept. */
  private static final int MAX_ERROR_CHARS = 200;

  private final String rule;
  private final String message;
  private final String messageExpression;
  private final String fieldPath;
  private final String reason;
  private final boolean transition;
  private final CelAbstractSyntaxTree ast;
  private final CelRuntime.Program program;
  private final CelRuntime.Program messageProgram;
  private final String compileError;
  /** The same rule evaluated item by item, when it has the form self.all(x, ...) over x alone; else null. */
  private final ElementwiseAll elementwise;
  /** The only fields of {@code self} the rule and its message read, or null when it reads {@code self} otherwise. */
  private final Set<String> selfFields;
  /** The same fields as an array, shared by every projection of this rule (projections compare it by identity). */
  private final String[] selfFieldNames;
  /** Fields of {@code self} whose absence alone makes the rule hold (see {@link AbsenceGuards}); often none. */
  private final String[] absenceGuards;
  /**
   * Outcomes by {@code self} value, for scalars and small lists and maps. A rule is a pure function of its inputs,
   * and the same values come back again and again: every requirement key meets nine label-domain rules, every
   * NodePool gets the same defaulted disruption budget, and an object is often validated more than once on its
   * way to the cluster (built, rendered, applied). Conversions to CEL values are immutable and compare by value.
   */
  private final Memo<Object, Outcome> outcomes;

  private CelRule(JsonNode spec, MemoBudget budget) {
    this.rule = spec.path("rule").asText();
    this.message = spec.hasNonNull("message") ? spec.get("message").asText() : null;
    this.messageExpression = spec.hasNonNull("messageExpression") ? spec.get("messageExpression").asText() : null;
    this.fieldPath = spec.hasNonNull("fieldPath") ? spec.get("fieldPath").asText() : null;
    this.reason = spec.hasNonNull("reason") ? spec.get("reason").asText() : "FieldValueInvalid";
    // The API server treats a rule as a transition rule when it refers to oldSelf at all.
    this.transition = rule.contains("oldSelf") && !Boolean.TRUE.equals(spec.path("optionalOldSelf").asBoolean(false));
    String error = null;
    CelAbstractSyntaxTree checked = null;
    CelRuntime.Program compiled = null;
    CelRuntime.Program compiledMessage = null;
    try {
      checked = check(rule);
      compiled = KubernetesCel.CEL.createProgram(checked);
      if (messageExpression != null) {
        compiledMessage = compile(messageExpression);
      }
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    } catch (CelEvaluationException e) {
      error = "cannot be planned: " + e.getMessage();
    }
    this.ast = checked;
    this.program = compiled;
    this.messageProgram = compiledMessage;
    this.compileError = error;
    this.elementwise = error == null && !transition ? ElementwiseAll.of(rule, checked, budget) : null;
    this.outcomes = error == null && !transition ? budget.newMemo(MEMO_LIMIT) : null;
    this.selfFields = error == null && !transition ? selfFields(checked, messageExpression) : null;
    this.selfFieldNames = selfFields == null ? null : selfFields.toArray(new String[0]);
    this.absenceGuards = error == null && !transition ? AbsenceGuards.of(checked).toArray(new String[0])
        : new String[0];
  }

  /**
   * Whether the rule holds on this value without being evaluated: {@code data} is an object that lacks a field the
   * rule guards with {@code !has(self.f) || ...}. The runtime would say the same (a differential test over every
   * pinned rule checks it); this only spares reading and converting the value.
   */
  public boolean holdsWhenAbsent(JsonNode data) {
    if (absenceGuards.length == 0 || !data.isObject()) {
      return false;
    }
    for (String field : absenceGuards) {
      if (data.get(field) == null) {
        return true;
      }
    }
    return false;
  }

  /** The fields {@link #holdsWhenAbsent} looks for, sorted; empty when the rule has no such guard. */
  public Set<String> absenceGuards() {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(java.util.Arrays.asList(absenceGuards)));
  }

  private static Set<String> selfFields(CelAbstractSyntaxTree checked, String messageExpression) {
    Set<String> fields = SelfFields.of(checked);
    if (fields == null || messageExpression == null) {
      return fields;
    }
    Set<String> messageFields = SelfFields.of(check(messageExpression));
    if (messageFields == null) {
      return null;
    }
    Set<String> all = new TreeSet<>(fields);
    all.addAll(messageFields);
    return all;
  }

  /**
   * What {@code self} needs to hold for this rule at this node: only the fields it reads, when it reads
   * {@code self} through field selections alone and the data is an object; else null, and the rule gets the
   * whole converted value. The outcome is the same either way; the projection is small enough to be remembered.
   */
  public Object projectedSelf(JsonNode data, java.util.IdentityHashMap<JsonNode, Object> converted) {
    if (selfFieldNames == null || !data.isObject()) {
      return null;
    }
    Object[] values = new Object[selfFieldNames.length];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = data.get(selfFieldNames[i]);
      values[i] = value == null ? null : CelValues.of(value, converted);
    }
    return CelValues.projection(selfFieldNames, values);
  }

  /**
   * The only fields of {@code self} the rule (and its message expression) reads, or null when it reads
   * {@code self} in any other way, or is a transition rule, or did not compile.
   */
  public Set<String> selfFields() {
    return selfFields;
  }

  /** Sets up the CEL environment (parser, checker, runtime) now: see {@code CrdValidator.prepare()}. */
  public static void prepare() {
    CelRule.compile(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("rule", "true"),
        MemoBudget.standard());
  }

  /** The one outcome of a rule that held. */
  public static Outcome passed() {
    return PASSED;
  }

  /** Compiles a rule that remembers outcomes within a budget of its own. */
  public static CelRule compile(JsonNode spec) {
    return new CelRule(spec, MemoBudget.standard());
  }

  /** Compiles a rule that remembers outcomes within the budget of the validator it belongs to. */
  public static CelRule compile(JsonNode spec, MemoBudget budget) {
    return new CelRule(spec, budget);
  }

  private static CelAbstractSyntaxTree check(String expression) {
    CelValidationResult result = KubernetesCel.compile(expression);
    if (result.hasError()) {
      throw new IllegalArgumentException("does not compile: " + result.getErrorString());
    }
    try {
      return result.getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("does not compile: " + e.getMessage());
    }
  }

  private static CelRuntime.Program compile(String expression) {
    try {
      return KubernetesCel.CEL.createProgram(check(expression));
    } catch (CelEvaluationException e) {
      throw new IllegalArgumentException("cannot be planned: " + e.getMessage());
    }
  }

  /** The checked syntax tree (macros expanded), for static analysis such as cost; null when it did not compile. */
  public CelAbstractSyntaxTree ast() {
    return ast;
  }

  public String rule() {
    return rule;
  }

  /** The message the API server would give when the rule returns false (without a message expression). */
  public String message() {
    return message != null ? message : "failed rule: " + rule;
  }

  public String fieldPath() {
    return fieldPath;
  }

  public String reason() {
    return reason;
  }

  /** A rule that reads {@code oldSelf}: checked only on update, when there is an old value at the same place. */
  public boolean isTransition() {
    return transition;
  }

  /** Why the rule cannot be evaluated at all, or {@code null} when it compiled. */
  public String compileError() {
    return compileError;
  }

  /**
   * Evaluates the rule with {@code self} (and {@code oldSelf} for a transition rule) given as CEL values.
   */
  public Outcome evaluate(Object self, Object oldSelf) {
    return evaluate(self, oldSelf, isScalar(self));
  }

  /**
   * As {@link #evaluate(Object, Object)}; {@code memoizable} is {@link #isMemoizable(Object)} of {@code self},
   * passed in so that a node with several rules counts its value once.
   */
  public Outcome evaluate(Object self, Object oldSelf, boolean memoizable) {
    if (compileError != null) {
      return new Unevaluable(compileError);
    }
    // Element-wise rules remember per item, which also serves objects seen for the first time.
    boolean memo = memoizable && oldSelf == null && !transition && (elementwise == null || isScalar(self));
    if (memo) {
      Outcome known = outcomes.get(self);
      if (known != null) {
        return known;
      }
    }
    Outcome outcome = run(self, oldSelf);
    if (memo) {
      outcomes.put(self, outcome, CelValues.bytes(self) + bytes(outcome));
    }
    return outcome;
  }

  /** An estimate of the heap an outcome holds of its own (the shared outcome of a rule that held holds none). */
  static long bytes(Outcome outcome) {
    if (outcome instanceof Failed failed) {
      return 16 + CelValues.bytes(failed.message());
    }
    if (outcome instanceof Unevaluable unevaluable) {
      return 16 + CelValues.bytes(unevaluable.error());
    }
    return 0;
  }

  /** As {@link #bytes(Outcome)}, for one outcome per rule of a node. */
  static long bytes(Outcome[] outcomes) {
    long bytes = 16 + 8L * outcomes.length;
    for (Outcome outcome : outcomes) {
      bytes += bytes(outcome);
    }
    return bytes;
  }

  /** Whether a converted value is small enough for its outcome to be remembered by value. */
  public static boolean isMemoizable(Object self) {
    return CelValues.isSmall(self);
  }

  /** Whether a value is a string, number or bool (always cheap to remember). */
  public static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Boolean || value instanceof Double;
  }

  private Outcome run(Object self, Object oldSelf) {
    if (elementwise != null && oldSelf == null && ElementwiseAll.appliesTo(self)) {
      Object result = elementwise.evaluate(self);
      if (Boolean.TRUE.equals(result)) {
        return PASSED;
      }
      return elementwiseOutcome(result, self);
    }
    Map<String, Object> variables = new HashMap<>(4);
    variables.put("self", self);
    if (oldSelf != null) {
      variables.put("oldSelf", oldSelf);
    }
    Object result;
    try {
      result = program.eval(variables);
    } catch (CelEvaluationException | RuntimeException e) {
      return new Unevaluable(describe(e));
    }
    if (Boolean.TRUE.equals(result)) {
      return PASSED;
    }
    if (!(result instanceof Boolean)) {
      return new Unevaluable(cut("the rule returned " + result + " instead of a bool"));
    }
    return new Failed(failureMessage(variables));
  }

  /** The element-wise form of this rule, or null when it has none. */
  ElementwiseAll elementwise() {
    return elementwise;
  }

  /**
   * The outcome of the element-wise form, from what {@link ElementwiseAll#evaluate} or a {@link RuleGroup}
   * found: {@code TRUE}, {@code FALSE} or an error message; {@code self} serves the message expression.
   */
  Outcome elementwiseOutcome(Object result, Object self) {
    if (Boolean.TRUE.equals(result)) {
      return PASSED;
    }
    if (result instanceof String error) {
      return new Unevaluable(error);
    }
    Map<String, Object> variables = new HashMap<>(2);
    variables.put("self", self);
    return new Failed(failureMessage(variables));
  }

  private String failureMessage(Map<String, Object> variables) {
    if (messageProgram != null) {
      try {
        Object text = messageProgram.eval(variables);
        // as the API server: trimmed, and only a non-empty line of at most 5 KiB replaces the static message
        String trimmed = text instanceof String s ? s.strip() : "";
        if (!trimmed.isEmpty() && trimmed.indexOf('\n') < 0 && utf8Length(trimmed) <= MAX_MESSAGE_BYTES) {
          return trimmed;
        }
      } catch (CelEvaluationException | RuntimeException e) {
        // The API server falls back to the static message when the expression fails.
      }
    }
    return message();
  }

  static String describe(Exception e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // cel-java prefixes positions ("evaluation error at <input>:34: "); the rule text is reported beside it.
    text = text.replaceFirst("^evaluation error at <input>:\\d+: ", "");
    // int() on a non-number surfaces as Java's NumberFormatException text.
    return cut(text.replaceFirst("^For input string: (\".*\")$", "int() cannot convert $1 to an integer"));
  }

  /** An error as long as it needs to be to say what went wrong, not as long as the value it quotes. */
  static String cut(String text) {
    return text.length() <= MAX_ERROR_CHARS ? text
        : text.substring(0, MAX_ERROR_CHARS) + "... (" + text.length() + " characters)";
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** Converts JSON data to the values a rule sees. */
  public static Object valueOf(JsonNode data) {
    return CelValues.of(data, null);
  }

  /**
   * As {@link #valueOf(JsonNode)}, remembering every converted node in {@code converted} (by identity) so that
   * rules further up the same object reuse the conversions made below.
   */
  public static Object valueOf(JsonNode data, java.util.IdentityHashMap<JsonNode, Object> converted) {
    return CelValues.of(data, converted);
  }

  @Override
  public String toString() {
    return rule;
  }
}
