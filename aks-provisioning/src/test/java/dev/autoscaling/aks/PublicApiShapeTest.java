package dev.autoscaling.aks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's public surface, read from its compiled classes: no Azure SDK internals ({@code *Inner},
 * {@code fluent.models}, ARM's {@code PollResult}) in any public signature, no {@link Optional} parameter, and every
 * long-running operation in one shape: {@code begin*} returning {@code SyncPoller<Progress, R>} of a result type of
 * this module, beside a blocking form taking the same arguments plus a {@code Consumer<Progress>} and returning R.
 */
class PublicApiShapeTest {

  private static List<Class<?>> publicTypes;

  @BeforeAll
  static void loadTheModulesClasses() throws IOException, URISyntaxException {
    Path classes = Path.of(AksClusterSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
            .replaceAll("\\.class$", "");
        Class<?> type = load(name);
        if (isPublicApi(type)) {
          types.add(type);
        }
      }
    }
    publicTypes = types;
  }

  @Test
  void shouldReadTheModulesPublicTypes() {
    // A walk that found nothing would pass every rule below.
    assertThat(publicTypes).contains(AksClusterSpec.class, AksManager.class, Clusters.class, SystemPool.class);
  }

  @Test
  void shouldShowNoAzureInternalsInAnyPublicSignature() {
    // When
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Signature signature : signatures(type)) {
        for (Type part : signature.types()) {
          walk(part, named -> {
            String name = named.getName();
            if (name.endsWith("Inner") || name.contains(".fluent.") || name.startsWith("com.azure.core.management.polling")) {
              leaks.add(signature.where() + " mentions " + name);
            }
          });
        }
      }
    }

    // Then
    assertThat(leaks).isEmpty();
  }

  @Test
  void shouldTakeNoOptionalParameter() {
    List<String> optionals = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Executable executable : publicExecutables(type)) {
        for (Type parameter : executable.getGenericParameterTypes()) {
          walk(parameter, named -> {
            if (named == Optional.class) {
              optionals.add(type.getName() + "." + executable.getName());
            }
          });
        }
      }
    }
    assertThat(optionals).isEmpty();
  }

  @Test
  void shouldOfferEveryLongRunningOperationAsOnePollerShapeAndABlockingForm() throws Exception {
    // Given
    List<Method> begins = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Method method : type.getMethods()) {
        if (method.getDeclaringClass() == type && method.getName().startsWith("begin")) {
          begins.add(method);
        }
      }
    }

    // Then: the four parts of the manager and teardown have their pollers
    assertThat(begins).extracting(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
        .contains("Features.beginEnsureNodeAutoProvisioning", "ResourceGroups.beginDelete",
            "Clusters.beginCreateOrUpdate", "Clusters.beginDelete", "SystemPool.beginTaint",
            "AksManager.beginTeardown");
    for (Method begin : begins) {
      // SyncPoller<Progress, R>, R one of ours
      assertThat(begin.getReturnType().getName()).as(begin.toString())
          .isEqualTo("com.azure.core.util.polling.SyncPoller");
      Type[] arguments = ((ParameterizedType) begin.getGenericReturnType()).getActualTypeArguments();
      assertThat(arguments[0]).as(begin.toString()).isEqualTo(Progress.class);
      Class<?> result = (Class<?>) arguments[1];
      assertThat(result.getPackageName()).as(begin.toString()).isEqualTo("dev.autoscaling.aks");

      // the blocking form: same name without "begin", same parameters and a progress listener, returns R
      String blockingName = Character.toLowerCase(begin.getName().charAt(5)) + begin.getName().substring(6);
      Class<?>[] parameters = Arrays.copyOf(begin.getParameterTypes(), begin.getParameterCount() + 1);
      parameters[parameters.length - 1] = Consumer.class;
      Method blocking = begin.getDeclaringClass().getMethod(blockingName, parameters);
      assertThat(blocking.getReturnType()).as(blocking.toString()).isEqualTo(result);
      assertThat(((ParameterizedType) blocking.getGenericParameterTypes()[parameters.length - 1])
          .getActualTypeArguments()[0].getTypeName()).as(blocking.toString()).endsWith(Progress.class.getName());
    }
  }

  // --- reading signatures -----------------------------------------------------------------------------------------

  private record Signature(String where, List<Type> types) {
  }

  private static List<Signature> signatures(Class<?> type) {
    List<Signature> signatures = new ArrayList<>();
    List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
    if (type.getGenericSuperclass() != null) {
      supertypes.add(type.getGenericSuperclass());
    }
    signatures.add(new Signature(type.getName() + " (supertypes)", supertypes));
    for (Executable executable : publicExecutables(type)) {
      List<Type> types = new ArrayList<>(Arrays.asList(executable.getGenericParameterTypes()));
      types.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
      if (executable instanceof Method method) {
        types.add(method.getGenericReturnType());
      }
      signatures.add(new Signature(type.getName() + "." + executable.getName(), types));
    }
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) || Modifier.isProtected(field.getModifiers())) {
        signatures.add(new Signature(type.getName() + "." + field.getName(), List.of(field.getGenericType())));
      }
    }
    return signatures;
  }

  private static List<Executable> publicExecutables(Class<?> type) {
    List<Executable> executables = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (!method.isSynthetic() && (Modifier.isPublic(method.getModifiers())
          || (Modifier.isProtected(method.getModifiers()) && !Modifier.isFinal(type.getModifiers())))) {
        executables.add(method);
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (Modifier.isPublic(constructor.getModifiers()) || Modifier.isProtected(constructor.getModifiers())) {
        executables.add(constructor);
      }
    }
    return executables;
  }

  /** Every class a type names, type arguments, bounds and array components included. */
  private static void walk(Type type, Consumer<Class<?>> visitor) {
    if (type instanceof Class<?> c) {
      visitor.accept(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      walk(p.getRawType(), visitor);
      for (Type argument : p.getActualTypeArguments()) {
        walk(argument, visitor);
      }
    } else if (type instanceof WildcardType w) {
      Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
          .forEach(bound -> walk(bound, visitor));
    } else if (type instanceof GenericArrayType a) {
      walk(a.getGenericComponentType(), visitor);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        walk(bound, visitor);
      }
    }
  }

  /** Public, and reachable from outside: nested types only inside public types. */
  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiShapeTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
