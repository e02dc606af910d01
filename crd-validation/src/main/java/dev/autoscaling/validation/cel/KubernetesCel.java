package dev.autoscaling.validation.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

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

  static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .build())
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
