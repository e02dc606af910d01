package dev.autoscaling.validation.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.checker.CelChecker;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.checker.CelStandardDeclarations.StandardFunction;
import dev.cel.checker.CelStandardDeclarations.StandardFunction.Overload.Conversions;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The CEL environment the API server gives {@code x-kubernetes-validations} rules: the standard library and
 * macros, cel-go's string extensions ({@code split}, {@code lowerAscii}, ...), and Kubernetes' regex library
 * ({@code find}, {@code findAll}). {@code self} and {@code oldSelf} are dynamically typed, so a rule reads the data
 * the way the API server's evaluation does, including "no such key" for an absent field.
 */
final class KubernetesCel {

  /** Kubernetes bounds each comprehension; this keeps a pathological input from running away. */
  private static final int MAX_ITERATIONS = 1_000_000;

  private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  /** Regular expressions longer than this are compiled each time, never kept (a rule's own are far shorter). */
  private static final int MAX_REMEMBERED_REGEX = 256;

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .comprehensionMaxIterations(MAX_ITERATIONS)
      .build();

  /** Checkers by the standard functions an expression calls; beyond this many sets, one is built per expression. */
  private static final int MAX_CHECKERS = 256;
  private static final ConcurrentHashMap<Set<String>, CelChecker> CHECKERS = new ConcurrentHashMap<>();
  /** Every standard function's name, deprecated ones too (the standard environment declares them all). */
  private static final Set<String> STANDARD_NAMES = java.util.Arrays.stream(StandardFunction.values())
      .map(StandardFunction::functionName)
      .collect(Collectors.toUnmodifiableSet());

  static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .addCompilerLibraries(CelExtensions.strings())
      .addRuntimeLibraries(CelExtensions.strings())
      .addFunctionDeclarations(
          CelFunctionDecl.newFunctionDeclaration("find",
              CelOverloadDecl.newMemberOverload("string_find_string", SimpleType.STRING, SimpleType.STRING,
                  SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration("findAll",
              CelOverloadDecl.newMemberOverload("string_find_all_string", ListType.create(SimpleType.STRING),
                  SimpleType.STRING, SimpleType.STRING),
              CelOverloadDecl.newMemberOverload("string_find_all_string_int", ListType.create(SimpleType.STRING),
                  SimpleType.STRING, SimpleType.STRING, SimpleType.INT)))
      .addFunctionBindings(
          CelFunctionBinding.from("string_find_string", String.class, String.class, KubernetesCel::find),
          CelFunctionBinding.from("string_find_all_string", String.class, String.class,
              (s, regex) -> findAll(s, regex, -1)),
          CelFunctionBinding.from("string_find_all_string_int", List.of(String.class, String.class, Long.class),
              args -> findAll((String) args[0], (String) args[1], (Long) args[2])))
      .build();

  private KubernetesCel() {
  }

  /**
   * Parses and type-checks an expression as {@code CEL.compile} does, with the same outcome (the same checked tree,
   * the same errors), at a fraction of the cost.
   *
   * <p>Why: cel-java's checker builds its environment anew for every expression, declaring each of the standard
   * library's functions and comparing every overload with every other one of the same name. That was a third of
   * the cold start of {@code workshop validate}. Only the functions an expression calls take part in checking it,
   * so it is checked in an environment that declares just those standard functions (with all their overloads,
   * filtered as cel-java's standard environment filters them for these options), beside the same variables and
   * extensions; one such checker is kept per set of functions.
   */
  static CelValidationResult compile(String expression) {
    CelValidationResult parsed = CEL.parse(expression);
    if (parsed.hasError()) {
      return parsed;
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = parsed.getAst();
    } catch (CelValidationException e) {
      return parsed;
    }
    Set<String> calls = CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .map(node -> node.expr())
        .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.CALL)
        .map(expr -> expr.call().function())
        .filter(STANDARD_NAMES::contains)
        .collect(Collectors.toCollection(TreeSet::new));
    CelChecker checker = CHECKERS.get(calls);
    if (checker == null) {
      checker = checker(calls);
      if (CHECKERS.size() < MAX_CHECKERS) {
        CHECKERS.putIfAbsent(Set.copyOf(calls), checker);
      }
    }
    return checker.check(ast);
  }

  /** {@link #CEL}'s checker with only the named standard functions declared. */
  private static CelChecker checker(Set<String> functions) {
    CelStandardDeclarations declarations = CelStandardDeclarations.newBuilder()
        .filterFunctions((function, overload) -> functions.contains(function.functionName())
            && standardOverload(function, overload))
        .build();
    return CEL.toCheckerBuilder()
        .setStandardEnvironmentEnabled(false)
        .setStandardDeclarations(declarations)
        .build();
  }

  /** Whether cel-java's standard environment declares this overload for {@link #OPTIONS} (as its Env.standard). */
  private static boolean standardOverload(StandardFunction function, CelStandardDeclarations.StandardOverload overload) {
    switch (function) {
      case INT:
        return OPTIONS.enableUnsignedLongs() || !overload.equals(Conversions.INT64_TO_INT64);
      case TIMESTAMP:
        return OPTIONS.enableTimestampEpoch() || !overload.equals(Conversions.INT64_TO_TIMESTAMP);
      default:
        return OPTIONS.enableHeterogeneousNumericComparisons()
            || !(overload instanceof StandardFunction.Overload.Comparison comparison
                && comparison.isHeterogeneousComparison());
    }
  }

  /** Kubernetes' {@code find}: the first match of an RE2 expression, or the empty string. */
  static String find(String s, String regex) throws CelEvaluationException {
    Matcher matcher = pattern(regex).matcher(s);
    return matcher.find() ? matcher.group() : "";
  }

  static List<String> findAll(String s, String regex, long limit) throws CelEvaluationException {
    List<String> matches = new ArrayList<>();
    Matcher matcher = pattern(regex).matcher(s);
    while ((limit < 0 || matches.size() < limit) && matcher.find()) {
      matches.add(matcher.group());
    }
    return matches;
  }

  private static Pattern pattern(String regex) throws CelEvaluationException {
    Pattern pattern = PATTERNS.get(regex);
    if (pattern == null) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new CelEvaluationException("invalid regular expression '" + regex + "': " + e.getMessage());
      }
      // Rules use a handful of constant expressions; a bound keeps hostile input from filling memory.
      if (PATTERNS.size() < 1024 && regex.length() <= MAX_REMEMBERED_REGEX) {
        PATTERNS.put(regex, pattern);
      }
    }
    return pattern;
  }
}
