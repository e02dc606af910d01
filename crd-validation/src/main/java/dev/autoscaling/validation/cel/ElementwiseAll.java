package dev.autoscaling.validation.cel;

import dev.autoscaling.validation.memo.Memo;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule of the form {@code self.all(x, body)} whose body reads only {@code x}, evaluated one element at a time.
 *
 * <p>Why: most list and map rules in the pinned CRDs have this form, and their elements repeat from object to
 * object (the same requirement, the same taint, the same budget). Evaluating the body per element lets the
 * outcome for each element be remembered by value. The result is the {@code all} macro's: false if any element
 * gives false, else an error if any element errs, else true.
 */
final class ElementwiseAll {

  private static final Pattern FORM = Pattern.compile("^\\s*self\\.all\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,(.*)\\)\\s*$",
      Pattern.DOTALL);
  private static final Pattern SELF = Pattern.compile("\\bself\\b|\\boldSelf\\b");
  private static final int MEMO_LIMIT = 4096;

  /** What one element gave: true, false, or the evaluation error. */
  private record Result(Boolean value, String error) {
  }

  private final String variable;
  private final CelRuntime.Program body;
  private final Memo<Object, Result> results;

  private ElementwiseAll(String variable, CelRuntime.Program body, MemoBudget budget) {
    this.variable = variable;
    this.body = body;
    this.results = budget.newMemo(MEMO_LIMIT);
  }

  /**
   * The element-wise form of the rule, or null when the rule does not have it. {@code checked} is the rule's
   * checked tree: the body is taken from it (the all() macro's step), so that it is evaluated exactly as the rule
   * evaluates it, without being parsed and checked a second time.
   */
  static ElementwiseAll of(String rule, CelAbstractSyntaxTree checked, MemoBudget budget) {
    Matcher matcher = FORM.matcher(rule);
    if (!matcher.matches()) {
      return null;
    }
    String variable = matcher.group(1);
    String body = matcher.group(2);
    if (SELF.matcher(body).find() || !balanced(body)) {
      return null; // the body reads self, or the closing parenthesis was not all()'s
    }
    CelExpr bodyExpr = body(checked.getExpr(), variable);
    if (bodyExpr == null) {
      return null;
    }
    try {
      CelAbstractSyntaxTree bodyAst = CelAbstractSyntaxTree.newCheckedAst(bodyExpr, checked.getSource(),
          checked.getReferenceMap(), checked.getTypeMap());
      return new ElementwiseAll(variable, KubernetesCel.CEL.createProgram(bodyAst), budget);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The body of {@code self.all(variable, body)} as the all() macro expands it: a comprehension over {@code self}
   * whose step is {@code accumulator && body}; null for any other shape.
   */
  private static CelExpr body(CelExpr root, String variable) {
    if (root.getKind() != CelExpr.ExprKind.Kind.COMPREHENSION) {
      return null;
    }
    CelExpr.CelComprehension all = root.comprehension();
    CelExpr range = all.iterRange();
    CelExpr step = all.loopStep();
    if (!all.iterVar().equals(variable) || !all.iterVar2().isEmpty()
        || range.getKind() != CelExpr.ExprKind.Kind.IDENT || !range.ident().name().equals("self")
        || step.getKind() != CelExpr.ExprKind.Kind.CALL || !step.call().function().equals("_&&_")
        || step.call().args().size() != 2) {
      return null;
    }
    CelExpr accumulator = step.call().args().get(0);
    if (accumulator.getKind() != CelExpr.ExprKind.Kind.IDENT
        || !accumulator.ident().name().equals(all.accuVar())) {
      return null;
    }
    return step.call().args().get(1);
  }

  /** Parentheses and brackets close in order, outside string literals. */
  private static boolean balanced(String expression) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0 && quote == 0;
  }

  /** Whether the value is something {@code all} ranges over: a list (its items) or a map (its keys). */
  static boolean appliesTo(Object self) {
    return self instanceof List || self instanceof Map;
  }

  /**
   * The macro's outcome over the list items or map keys: {@code FALSE}, {@code TRUE}, or an error message (a
   * {@link String}).
   */
  Object evaluate(Object self) {
    Collection<?> elements = self instanceof Map<?, ?> map ? map.keySet() : (List<?>) self;
    String error = null;
    for (Object element : elements) {
      Result result = result(element);
      if (Boolean.FALSE.equals(result.value())) {
        return Boolean.FALSE;
      }
      if (result.error() != null && error == null) {
        error = result.error();
      }
    }
    return error != null ? error : Boolean.TRUE;
  }

  private Result result(Object element) {
    boolean memo = CelValues.isSmall(element);
    if (memo) {
      Result known = results.get(element);
      if (known != null) {
        return known;
      }
    }
    Object outcome = evaluateOne(element);
    Result result = outcome instanceof Boolean b ? new Result(b, null) : new Result(null, (String) outcome);
    if (memo) {
      results.put(element, result, CelValues.bytes(element) + 16 + CelValues.bytes(result.error()));
    }
    return result;
  }

  /** The body for one element, not remembered: {@code TRUE}, {@code FALSE} or an error message. */
  Object evaluateOne(Object element) {
    try {
      Object value = body.eval(Map.of(variable, element));
      return value instanceof Boolean ? value : CelRule.cut("the rule returned " + value + " instead of a bool");
    } catch (CelEvaluationException | RuntimeException e) {
      return CelRule.describe(e);
    }
  }
}
