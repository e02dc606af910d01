package dev.autoscaling.validation.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;

import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of {@code self} a rule can see, when it reads {@code self} only through field selections
 * ({@code self.minReplicaCount}, {@code has(self.replicas)}).
 *
 * <p>Why: such a rule gives the same result for every object that agrees on those fields, so it can be handed
 * an object holding only them. That keeps the value small enough to remember the outcome by, where converting
 * and comparing the whole object (a ScaledObject's spec with all its triggers, a NodePool's spec with its
 * template) cost more than the rule itself.
 */
final class SelfFields {

  private SelfFields() {
  }

  /**
   * The selected field names, or null when {@code self} is used in any other way (ranged over, passed to a
   * function, compared as a whole, shadowed by a comprehension variable).
   */
  static Set<String> of(CelAbstractSyntaxTree ast) {
    Set<String> fields = new TreeSet<>();
    return collect(ast.getExpr(), fields) ? fields : null;
  }

  private static boolean collect(CelExpr e, Set<String> fields) {
    switch (e.getKind()) {
      case IDENT:
        return !e.ident().name().equals("self");
      case SELECT: {
        CelExpr operand = e.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("self")) {
          fields.add(e.select().field());
          return true;
        }
        return collect(operand, fields);
      }
      case CALL: {
        if (e.call().target().isPresent() && !collect(e.call().target().get(), fields)) {
          return false;
        }
        for (CelExpr argument : e.call().args()) {
          if (!collect(argument, fields)) {
            return false;
          }
        }
        return true;
      }
      case LIST: {
        for (CelExpr element : e.list().elements()) {
          if (!collect(element, fields)) {
            return false;
          }
        }
        return true;
      }
      case MAP: {
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
          if (!collect(entry.key(), fields) || !collect(entry.value(), fields)) {
            return false;
          }
        }
        return true;
      }
      case STRUCT: {
        for (CelExpr.CelStruct.Entry entry : e.struct().entries()) {
          if (!collect(entry.value(), fields)) {
            return false;
          }
        }
        return true;
      }
      case COMPREHENSION: {
        CelExpr.CelComprehension c = e.comprehension();
        if (c.iterVar().equals("self") || c.accuVar().equals("self")) {
          return false;
        }
        return collect(c.iterRange(), fields) && collect(c.accuInit(), fields) && collect(c.loopCondition(), fields)
            && collect(c.loopStep(), fields) && collect(c.result(), fields);
      }
      case CONSTANT:
        return true;
      default:
        return false; // a kind this analysis does not know: use the whole object
    }
  }
}
