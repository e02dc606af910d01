package dev.autoscaling.validation.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;

import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of {@code self} whose absence alone makes a rule hold: the rule is a disjunction
 * ({@code a || b || ...}) and one of its terms is {@code !has(self.f)}.
 *
 * <p>Why: such rules guard an optional field ({@code !has(self.replicas) || ...} on every NodePool's spec), and most
 * objects do not set it. CEL's {@code ||} is true as soon as any term is true, whatever the others give, errors
 * included; and {@code has(self.f)} on an object without {@code f} is false. So when {@code f} is absent the rule holds,
 * and neither {@code self} nor any other term needs to be read or converted.
 */
final class AbsenceGuards {

  private static final String OR = "_||_";
  private static final String NOT = "!_";

  private AbsenceGuards() {
  }

  /** The guarding field names, sorted; empty when the rule has no such term. */
  static Set<String> of(CelAbstractSyntaxTree ast) {
    Set<String> fields = new TreeSet<>();
    collect(ast.getExpr(), fields);
    return fields;
  }

  private static void collect(CelExpr e, Set<String> fields) {
    if (e.getKind() != CelExpr.ExprKind.Kind.CALL || e.call().target().isPresent()) {
      return;
    }
    CelExpr.CelCall call = e.call();
    if (call.function().equals(OR)) {
      for (CelExpr term : call.args()) {
        collect(term, fields);
      }
    } else if (call.function().equals(NOT) && call.args().size() == 1) {
      CelExpr negated = call.args().get(0);
      if (negated.getKind() == CelExpr.ExprKind.Kind.SELECT && negated.select().testOnly()) {
        CelExpr operand = negated.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("self")) {
          fields.add(negated.select().field());
        }
      }
    }
  }
}
