package dev.autoscaling.samples.architecture;

import dev.autoscaling.manifest.Manifests;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API is null-marked with JSpecify (README, "The API's vocabulary"): every API package of every library module
 * carries {@code @NullMarked}, and where a public method's javadoc says it takes or gives null, the class file says
 * so too ({@code @Nullable}), so that Kotlin and NullAway callers see what the javadoc promises.
 */
class NullnessTest {

  /**
   * Packages of generated code (the CRD models, under target/): not ours to annotate. The test checks that no
   * hand-written source lives in them, so nothing written by hand can hide here.
   */
  static final List<String> GENERATED_PACKAGES = List.of("dev.autoscaling.keda.api.", "dev.autoscaling.karpenter.api.",
      "io.fabric8.");

  /** A null the javadoc promises: "or null", "null when", "(null: the first)", "{@code null} for schema keywords". */
  private static final Pattern NULL_WORD = Pattern.compile("(?i)(?<![-\\w])null(?![-\\w])");
  /** What says null is refused or never happens: not a promise of null. */
  private static final Pattern NOT_NULL = Pattern.compile("(?i)\\b(never|not|non)[- ]null\\b");
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
  private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(param|return|throws|exception|deprecated|see"
      + "|since|apiNote|implNote)\\b\\s*(\\S*)");
  private static final Pattern DECLARATION = Pattern.compile("^(public|protected)\\s[^=]*?\\b(record\\s+)?(\\w+)"
      + "\\s*(<[^()]*>)?\\s*\\(", Pattern.DOTALL);

  private static List<ModuleClasses> modules;

  @BeforeAll
  static void readTheModules() {
    modules = ArchitectureTest.libraryModules();
  }

  @Test
  void shouldNullMarkEveryApiPackage() {
    // Given every package of every library module, less the internal and the generated ones
    Map<String, String> apiPackages = new LinkedHashMap<>();
    List<String> handWrittenButGenerated = new ArrayList<>();
    for (ModuleClasses module : modules) {
      for (String name : module.classNames()) {
        String pkg = name.substring(0, name.lastIndexOf('.'));
        if (isInternal(pkg)) {
          continue;
        }
        if (GENERATED_PACKAGES.stream().anyMatch((pkg + ".")::startsWith)) {
          if (Files.isDirectory(sources(module.module()).resolve(pkg.replace('.', '/')))) {
            handWrittenButGenerated.add(module.module() + ": " + pkg);
          }
          continue;
        }
        apiPackages.putIfAbsent(pkg, name);
      }
    }

    // When
    List<String> unmarked = new ArrayList<>();
    apiPackages.forEach((pkg, anyClass) -> {
      if (!load(anyClass).getPackage().isAnnotationPresent(NullMarked.class)) {
        unmarked.add(pkg);
      }
    });

    // Then: all the packages were seen (a walk that found none would pass), and each is marked
    assertThat(apiPackages.keySet()).hasSizeGreaterThanOrEqualTo(26).contains("dev.autoscaling.manifest",
        "dev.autoscaling.keda", "dev.autoscaling.keda.triggers", "dev.autoscaling.karpenter", "dev.autoscaling.aks",
        "dev.autoscaling.workshop", "dev.autoscaling.simulation.cluster", "dev.autoscaling.validation.cost");
    assertThat(handWrittenButGenerated).isEmpty();
    assertThat(unmarked).isEmpty();
  }

  @Test
  void shouldAnnotateEveryNullTheJavadocPromises() {
    // Given every public method, constructor and record of the API's sources whose javadoc speaks of null
    List<Promise> promises = new ArrayList<>();
    for (ModuleClasses module : modules) {
      promises.addAll(promises(module.module()));
    }

    // When: the class file is asked whether the place the javadoc names is @Nullable
    List<String> missing = promises.stream().filter(p -> !p.kept()).map(Promise::toString).toList();

    // Then: the walk found the known promises (a parser that found none would pass), and each one is kept
    assertThat(promises).extracting(Promise::toString).contains(
        "dev.autoscaling.validation.Violation(reason)",
        "dev.autoscaling.keda.formula.ScalingFormula.evaluate: returns",
        "dev.autoscaling.aks.AksProvisioningException.errorCode: returns",
        "dev.autoscaling.workshop.Workshop.range/2");
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldTellAPromiseKeptFromOneBroken() throws Exception {
    // the rule's own predicate on declarations whose answer is known, either way
    assertThat(hasNullable(Manifests.class.getMethod("toTree", Object.class).getAnnotatedParameterTypes()[0]))
        .isTrue();
    assertThat(hasNullable(Manifests.class.getMethod("toJson", Object.class).getAnnotatedParameterTypes()[0]))
        .isFalse();
    // inside a type argument or a type variable's bound
    assertThat(hasNullable(dev.autoscaling.keda.formula.Formula.class.getMethod("evaluate", Map.class)
        .getAnnotatedParameterTypes()[0])).isTrue();
    assertThat(hasNullable(Manifests.class.getMethod("copy", Object.class).getAnnotatedReturnType())).isTrue();
    // the javadoc reading: a refusal of null, or a null nobody is given, is no promise
    assertThat(promisesNull("The closest candidate, or null when none is close enough.")).isTrue();
    assertThat(promisesNull("{@code null} for schema keywords")).isTrue();
    assertThat(promisesNull("typed facts; never null values")).isFalse();
    assertThat(promisesNull("omit nulls, keep non-null ones")).isFalse();
  }

  // --- the promises the javadoc makes

  /**
   * One place a javadoc says null may be: a parameter (by index), a record's component (by name), the return value,
   * or, for a method's description, its return value or any parameter.
   */
  private record Promise(Class<?> type, String member, int arity, String where, int parameter, String component) {

    boolean kept() {
      List<AnnotatedType> places = new ArrayList<>();
      for (Class<?> c : withNested(type)) {
        if (where.equals("component")) {
          if (c.isRecord() && c.getSimpleName().equals(member)) {
            for (RecordComponent rc : c.getRecordComponents()) {
              if (rc.getName().equals(component)) {
                places.add(rc.getAnnotatedType());
              }
            }
          }
          continue;
        }
        List<Executable> candidates = new ArrayList<>();
        for (var m : c.getDeclaredMethods()) {
          if (m.getName().equals(member) && m.getParameterCount() == arity && !m.isSynthetic()) {
            candidates.add(m);
          }
        }
        if (c.getSimpleName().equals(member)) {
          for (var k : c.getDeclaredConstructors()) {
            if (k.getParameterCount() == arity) {
              candidates.add(k);
            }
          }
        }
        for (Executable e : candidates) {
          if (!Modifier.isPublic(e.getModifiers()) && !Modifier.isProtected(e.getModifiers())) {
            continue;
          }
          if (where.equals("parameter")) {
            places.add(e.getAnnotatedParameterTypes()[parameter]);
            continue;
          }
          if (e instanceof java.lang.reflect.Method m) {
            places.add(m.getAnnotatedReturnType());
          }
          if (where.equals("either")) {
            places.addAll(List.of(e.getAnnotatedParameterTypes()));
          }
        }
      }
      return places.stream().anyMatch(NullnessTest::hasNullable);
    }

    @Override
    public String toString() {
      return switch (where) {
        case "component" -> type.getPackageName() + "." + member + "(" + component + ")";
        case "return" -> type.getName() + "." + member + ": returns";
        case "parameter" -> type.getName() + "." + member + "/" + arity + " parameter " + parameter;
        default -> type.getName() + "." + member + "/" + arity;
      };
    }
  }

  /** The promises of one module's API sources: read there, checked on the compiled classes. */
  private static List<Promise> promises(String module) {
    List<Promise> promises = new ArrayList<>();
    Path root = sources(module);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        if (isInternal(className.substring(0, className.lastIndexOf('.')))) {
          continue;
        }
        Class<?> type = load(className);
        if (Modifier.isPublic(type.getModifiers())) {
          promises.addAll(promises(type, Files.readString(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return promises;
  }

  private static List<Promise> promises(Class<?> type, String source) {
    List<Promise> promises = new ArrayList<>();
    Matcher javadoc = JAVADOC.matcher(source);
    while (javadoc.find()) {
      String declaration = declarationAfter(source, javadoc.end());
      Matcher d = DECLARATION.matcher(declaration);
      if (!d.find()) {
        continue; // a field, a class, an enum constant, a package-private member
      }
      boolean record = d.group(2) != null;
      String name = d.group(3);
      List<String> parameters = parameterNames(declaration.substring(d.end()));
      for (var tag : tags(javadoc.group(1)).entrySet()) {
        if (!promisesNull(tag.getValue())) {
          continue;
        }
        String key = tag.getKey();
        if (key.startsWith("param ")) {
          String parameter = key.substring("param ".length());
          int index = parameters.indexOf(parameter);
          assertThat(index).as(type.getName() + "." + name + " has no parameter " + parameter).isNotNegative();
          promises.add(record ? new Promise(type, name, -1, "component", -1, parameter)
              : new Promise(type, name, parameters.size(), "parameter", index, ""));
        } else if (key.equals("return")) {
          promises.add(new Promise(type, name, parameters.size(), "return", -1, ""));
        } else if (key.equals("description") && !record) {
          promises.add(new Promise(type, name, parameters.size(), parameters.isEmpty() ? "return" : "either", -1,
              ""));
        }
      }
    }
    return promises;
  }

  /** The declaration a javadoc documents: past its annotations, up to its body or its end. */
  private static String declarationAfter(String source, int from) {
    String rest = source.substring(from).stripLeading();
    while (rest.startsWith("@")) {
      Matcher annotation = Pattern.compile("^@[\\w.]+(\\s*\\([^)]*\\))?").matcher(rest);
      if (!annotation.find()) {
        break;
      }
      rest = rest.substring(annotation.end()).stripLeading();
    }
    int end = rest.length();
    for (String stop : List.of("{", ";", "/*")) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return rest.substring(0, end);
  }

  /** The names of a parameter list (the text after its opening parenthesis). */
  private static List<String> parameterNames(String afterParenthesis) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : afterParenthesis.toCharArray()) {
      if (depth == 0 && (c == ',' || c == ')')) {
        String parameter = current.toString().strip();
        if (!parameter.isEmpty()) {
          names.add(parameter.substring(parameter.lastIndexOf(' ') + 1));
        }
        current.setLength(0);
        if (c == ')') {
          break;
        }
        continue;
      }
      depth += c == '<' || c == '(' ? 1 : c == '>' || c == ')' ? -1 : 0;
      current.append(c);
    }
    return names;
  }

  /** A javadoc's parts: "description" (with any @deprecated text), "param NAME", "return"; @throws left out. */
  private static Map<String, String> tags(String javadoc) {
    String text = javadoc.replaceAll("(?m)^\\s*\\*", "");
    Map<String, String> tags = new LinkedHashMap<>();
    Matcher tag = BLOCK_TAG.matcher(text);
    int start = 0;
    String key = "description";
    while (tag.find()) {
      tags.merge(key, text.substring(start, tag.start()), String::concat);
      key = switch (tag.group(1)) {
        case "param" -> "param " + tag.group(2);
        case "return" -> "return";
        case "deprecated" -> "description";
        default -> "other";
      };
      start = tag.group(1).equals("param") ? tag.end() : tag.end(1);
    }
    tags.merge(key, text.substring(start), String::concat);
    tags.remove("other");
    return tags;
  }

  static boolean promisesNull(String text) {
    return NULL_WORD.matcher(NOT_NULL.matcher(text).replaceAll("")).find();
  }

  /** Whether {@code @Nullable} is on the type or anywhere inside it (a type argument, a bound, an element). */
  static boolean hasNullable(AnnotatedType type) {
    if (type.isAnnotationPresent(Nullable.class)) {
      return true;
    }
    List<AnnotatedType> inner = new ArrayList<>();
    if (type instanceof AnnotatedParameterizedType p) {
      inner.addAll(List.of(p.getAnnotatedActualTypeArguments()));
    } else if (type instanceof AnnotatedWildcardType w) {
      inner.addAll(List.of(w.getAnnotatedUpperBounds()));
      inner.addAll(List.of(w.getAnnotatedLowerBounds()));
    } else if (type instanceof AnnotatedTypeVariable v) {
      inner.addAll(List.of(v.getAnnotatedBounds()));
    } else if (type instanceof AnnotatedArrayType a) {
      inner.add(a.getAnnotatedGenericComponentType());
    }
    return inner.stream().anyMatch(NullnessTest::hasNullable);
  }

  private static List<Class<?>> withNested(Class<?> type) {
    List<Class<?>> all = new ArrayList<>(List.of(type));
    for (Class<?> nested : type.getDeclaredClasses()) {
      all.addAll(withNested(nested));
    }
    return all;
  }

  private static boolean isInternal(String pkg) {
    String internal = pkg.replace('.', '/') + "/";
    return ArchitectureTest.INTERNAL_PACKAGES.values().stream().flatMap(List::stream).anyMatch(internal::startsWith);
  }

  /** A module's hand-written sources (the tests run in samples/, beside the other modules). */
  private static Path sources(String module) {
    return Path.of("..", module, "src", "main", "java");
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, NullnessTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
