package dev.autoscaling.validation.cost;

import dev.autoscaling.validation.schema.SchemaNode;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates a rule's worst-case cost the way the API server does when a CRD is created (cel-go's cost model with
 * Kubernetes' size estimates): identifiers cost 1, field selection on an object 1, string functions in proportion
 * to the strings' lengths, and a comprehension its range's size times its body. Sizes come from the schema
 * ({@link DeclSizes}); a map key's size is taken as 0, as the API server takes it.
 */
final class CostEstimator {

  /** Where a value sits in the schema: a node, or the key of a map (sized 0). */
  private record Ref(SchemaNode node, boolean key) {
  }

  private static final Set<String> SCALAR_RESULTS = Set.of("size", "int", "uint", "double", "bool", "!_", "_==_",
      "_!=_", "_<_", "_<=_", "_>_", "_>=_", "_&&_", "_||_", "@in", "startsWith", "endsWith", "contains", "matches",
      "@not_strictly_false");
  private static final Set<String> RELATIONS = Set.of("_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_");

  private final SchemaNode self;
  private final DeclSizes sizes;
  private final Map<String, Ref> iterationVariables = new HashMap<>();
  private final Map<Long, Estimate> callResultSizes = new HashMap<>();

  CostEstimator(SchemaNode self, DeclSizes sizes) {
    this.self = self;
    this.sizes = sizes;
  }

  Estimate cost(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT:
        return Estimate.ZERO;
      case IDENT:
        return Estimate.ONE;
      case SELECT: {
        CelExpr.CelSelect select = e.select();
        Estimate operand = cost(select.operand());
        if (select.testOnly()) {
          return operand; // has() is free in Kubernetes' configuration
        }
        Ref ref = refOf(select.operand());
        return ref == null || (!ref.key() && DeclSizes.isMapOrStruct(ref.node())) ? operand.plus(1) : operand;
      }
      case LIST: {
        Estimate total = Estimate.exactly(10);
        for (CelExpr element : e.list().elements()) {
          total = total.plus(cost(element));
        }
        return total;
      }
      case MAP: {
        Estimate total = Estimate.exactly(30);
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
          total = total.plus(cost(entry.key())).plus(cost(entry.value()));
        }
        return total;
      }
      case STRUCT:
        return Estimate.exactly(40);
      case COMPREHENSION:
        return comprehension(e.comprehension());
      case CALL:
        return call(e);
      default:
        return Estimate.ONE;
    }
  }

  private Estimate comprehension(CelExpr.CelComprehension c) {
    Estimate range = cost(c.iterRange());
    Estimate count = size(c.iterRange());
    Ref rangeRef = refOf(c.iterRange());
    Ref element;
    if (c.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST) {
      element = new Ref(self, false); // the API server sizes an item of a literal list like self
    } else if (rangeRef == null || rangeRef.key()) {
      element = null;
    } else if (DeclSizes.isList(rangeRef.node())) {
      element = rangeRef.node().items == null ? null : new Ref(rangeRef.node().items, false);
    } else {
      element = new Ref(null, true); // over a map: its keys
    }
    Ref shadowed = iterationVariables.put(c.iterVar(), element);
    try {
      Estimate perItem = cost(c.loopCondition()).plus(cost(c.loopStep()));
      return range.plus(cost(c.accuInit())).plus(cost(c.result())).plus(count.times(perItem));
    } finally {
      if (shadowed != null) {
        iterationVariables.put(c.iterVar(), shadowed);
      } else {
        iterationVariables.remove(c.iterVar());
      }
    }
  }

  private Estimate call(CelExpr e) {
    CelExpr.CelCall call = e.call();
    String function = call.function();
    List<CelExpr> args = call.args();
    CelExpr target = call.target().orElse(null);
    Estimate arguments = target == null ? Estimate.ZERO : cost(target);
    if (function.equals("_&&_") || function.equals("_||_")) {
      Estimate left = cost(args.get(0));
      Estimate right = cost(args.get(1));
      return new Estimate(left.min(), Estimate.add(left.max(), right.max()));
    }
    if (function.equals("_?_:_")) {
      return cost(args.get(0)).plus(cost(args.get(1)).union(cost(args.get(2))));
    }
    for (CelExpr arg : args) {
      arguments = arguments.plus(cost(arg));
    }
    CelExpr subject = target != null ? target : args.isEmpty() ? null : args.get(0);
    List<CelExpr> rest = target != null ? args : args.isEmpty() ? List.of() : args.subList(1, args.size());
    Estimate own;
    if (RELATIONS.contains(function)) {
      boolean sized = function.equals("_==_") || function.equals("_!=_") || isString(args.get(0)) || isString(args.get(1));
      if (sized) {
        long s = Math.min(size(args.get(0)).max(), size(args.get(1)).max());
        own = new Estimate(s > 0 ? 1 : 0, s).scaled(0.1);
      } else {
        own = Estimate.ONE;
      }
    } else {
      switch (function) {
        case "@in" -> {
          Ref container = refOf(args.get(1));
          boolean map = args.get(1).getKind() == CelExpr.ExprKind.Kind.MAP
              || (container != null && !container.key() && DeclSizes.isMapOrStruct(container.node()));
          own = map ? Estimate.ONE : new Estimate(size(args.get(1)).max(), size(args.get(1)).max());
        }
        case "startsWith", "endsWith" -> own = size(rest.get(0)).scaled(0.1);
        case "contains" -> own = size(subject).scaled(0.1).times(size(rest.get(0)).scaled(0.1));
        case "matches", "find", "findAll" -> {
          own = size(subject).plus(1).scaled(0.1).times(size(rest.get(0)).scaled(0.25));
          if (!function.equals("matches")) {
            callResultSizes.put(e.id(), new Estimate(0, size(subject).max()));
          }
        }
        case "split" -> {
          own = size(subject).scaled(0.2);
          Estimate result = new Estimate(0, size(subject).max());
          if (rest.size() > 1 && rest.get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            result = new Estimate(0, rest.get(1).constant().int64Value());
          }
          callResultSizes.put(e.id(), result);
        }
        case "lowerAscii", "upperAscii", "substring", "trim" -> own = size(subject).scaled(0.1);
        case "_+_" -> {
          if (isString(args.get(0)) || isString(args.get(1))) {
            Estimate joined = size(args.get(0)).plus(size(args.get(1)));
            callResultSizes.put(e.id(), joined);
            own = joined.scaled(0.1);
          } else {
            own = Estimate.ONE;
          }
        }
        default -> own = Estimate.ONE;
      }
    }
    return own.plus(arguments);
  }

  /** The size (characters, items, entries) of an expression's value. */
  Estimate size(CelExpr e) {
    Estimate recorded = callResultSizes.get(e.id());
    if (recorded != null) {
      return recorded;
    }
    switch (e.getKind()) {
      case CONSTANT: {
        CelConstant constant = e.constant();
        return switch (constant.getKind()) {
          case STRING_VALUE -> Estimate.exactly(constant.stringValue().codePointCount(0,
              constant.stringValue().length()));
          case BYTES_VALUE -> Estimate.exactly(constant.bytesValue().size());
          default -> Estimate.ONE;
        };
      }
      case LIST:
        return Estimate.exactly(e.list().elements().size());
      case MAP:
        return Estimate.exactly(e.map().entries().size());
      case SELECT:
        if (e.select().testOnly()) {
          return Estimate.ONE; // has() is a bool
        }
        break;
      default:
        break;
    }
    Ref ref = refOf(e);
    if (ref != null) {
      return ref.key() ? Estimate.ZERO : new Estimate(0, sizes.maxElements(ref.node()));
    }
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL && SCALAR_RESULTS.contains(e.call().function())) {
      return Estimate.ONE;
    }
    return Estimate.UNKNOWN;
  }

  private boolean isString(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
      return e.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }
    Ref ref = refOf(e);
    return ref != null && (ref.key() || DeclSizes.isString(ref.node()));
  }

  /** The schema place an expression reads, when it is a path from self; null otherwise. */
  private Ref refOf(CelExpr e) {
    switch (e.getKind()) {
      case IDENT: {
        String name = e.ident().name();
        if (iterationVariables.containsKey(name)) {
          return iterationVariables.get(name);
        }
        if (name.startsWith("__") || name.startsWith("@")) {
          return null; // a macro's accumulator
        }
        return new Ref(self, false);
      }
      case SELECT: {
        if (e.select().testOnly()) {
          return null;
        }
        Ref operand = refOf(e.select().operand());
        if (operand == null || operand.key() || operand.node() == null) {
          return null;
        }
        SchemaNode field = operand.node().properties.get(e.select().field());
        return field == null ? null : new Ref(field, false);
      }
      case CALL: {
        if (!e.call().function().equals("_[_]")) {
          return null;
        }
        Ref container = refOf(e.call().args().get(0));
        if (container == null || container.key() || container.node() == null) {
          return null;
        }
        SchemaNode node = container.node();
        SchemaNode element = DeclSizes.isList(node) ? node.items : node.additionalProperties;
        return element == null ? null : new Ref(element, false);
      }
      default:
        return null;
    }
  }
}
