package dev.autoscaling.samples.architecture;

import dev.autoscaling.aks.AksManager;
import dev.autoscaling.karpenter.AKSNodeClassDefinition;
import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.EC2NodeClassDefinition;
import dev.autoscaling.karpenter.EC2NodeClasses;
import dev.autoscaling.karpenter.NodePoolDefinition;
import dev.autoscaling.karpenter.NodePools;
import dev.autoscaling.keda.ScaledObjectDefinition;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.TriggerAuthenticationDefinition;
import dev.autoscaling.keda.TriggerAuthentications;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.PodIdentity;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.Snapshot;
import dev.autoscaling.simulation.ScalingSimulation;
import dev.autoscaling.workshop.Workshop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the SDK's public surface, read from the compiled classes of every library module (no module-info:
 * an Azure SDK dependency's split packages make JPMS impractical, so the boundary is a convention this test
 * enforces):
 * <ul>
 *   <li>no Azure SDK internal type ({@code *Inner}, {@code fluent.models}) in any public signature;</li>
 *   <li>no module uses another module's non-API packages ({@link #INTERNAL_PACKAGES}), and no public signature of
 *       an API package mentions one;</li>
 *   <li>definitions ({@code *Definition}) and typed triggers (every {@code ScalerTrigger}) have only final fields
 *       of immutable types, and what a caller passes in is copied, so changing it afterwards does not change the
 *       definition.</li>
 * </ul>
 */
class ArchitectureTest {

  /** Packages that are implementation: usable inside their own module only. */
  static final Map<String, List<String>> INTERNAL_PACKAGES = Map.of(
      "crd-validation", List.of("dev/autoscaling/validation/schema/", "dev/autoscaling/validation/cel/",
          "dev/autoscaling/validation/crd/"));

  /**
   * API packages for their value types only ({@code RuleCost}, {@code MemoBudget}, which {@code CrdValidator}'s
   * signatures use); their other public types are the validator's own machinery and may mention internal types.
   */
  static final List<String> EXPERT_PACKAGES = List.of("dev/autoscaling/validation/cost/",
      "dev/autoscaling/validation/memo/");

  static final List<Class<?>> DEFINITIONS = List.of(NodePoolDefinition.class, AKSNodeClassDefinition.class,
      EC2NodeClassDefinition.class, ScaledObjectDefinition.class, TriggerAuthenticationDefinition.class);

  private static List<ModuleClasses> modules;

  @BeforeAll
  static void readTheModules() {
    modules = List.of(
        ModuleClasses.of("crd-validation", Manifests.class),
        ModuleClasses.of("keda-model", ScaledObjects.class),
        ModuleClasses.of("karpenter-model", NodePools.class),
        ModuleClasses.of("aks-provisioning", AksManager.class),
        ModuleClasses.of("workshop-recipes", Workshop.class),
        ModuleClasses.of("simulation", ScalingSimulation.class));
  }

  @Test
  void shouldReadEveryModulesClasses() {
    // A walk that found nothing would pass every rule below.
    for (ModuleClasses module : modules) {
      assertThat(module.classNames()).as(module.module()).hasSizeGreaterThan(5);
    }
    assertThat(modules.get(0).references()).anySatisfy(
        c -> assertThat(c.referred()).anyMatch(name -> name.startsWith("dev/autoscaling/validation/schema/")));
  }

  @Test
  void shouldShowNoAzureOrInternalTypeInAnyPublicSignature() {
    // When
    List<String> leaks = new ArrayList<>();
    for (ModuleClasses module : modules) {
      for (String name : module.classNames()) {
        Class<?> type = load(name);
        if (!isPublicApi(type)) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          if (Modifier.isPublic(method.getModifiers()) || Modifier.isProtected(method.getModifiers())) {
            List<Type> parts = new ArrayList<>(List.of(method.getGenericParameterTypes()));
            parts.add(method.getGenericReturnType());
            parts.addAll(List.of(method.getGenericExceptionTypes()));
            parts.forEach(part -> walk(part, named -> {
              if (isAzureInternal(named) || isInternalElsewhere(named, type)) {
                leaks.add(type.getName() + "." + method.getName() + " mentions " + named.getName());
              }
            }));
          }
        }
        for (var constructor : type.getDeclaredConstructors()) {
          if (Modifier.isPublic(constructor.getModifiers())) {
            for (Type part : constructor.getGenericParameterTypes()) {
              walk(part, named -> {
                if (isAzureInternal(named) || isInternalElsewhere(named, type)) {
                  leaks.add(type.getName() + ".<init> mentions " + named.getName());
                }
              });
            }
          }
        }
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isPublic(field.getModifiers())) {
            walk(field.getGenericType(), named -> {
              if (isAzureInternal(named) || isInternalElsewhere(named, type)) {
                leaks.add(type.getName() + "." + field.getName() + " mentions " + named.getName());
              }
            });
          }
        }
      }
    }

    // Then
    assertThat(leaks).isEmpty();
  }

  @Test
  void shouldRecogniseAnAzureInternalType() {
    // the rule's own predicate, on a type that is one: a rule that matched nothing would pass for ever
    assertThat(isAzureInternal(com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner.class))
        .isTrue();
    assertThat(isAzureInternal(AksManager.class)).isFalse();
  }

  @Test
  void shouldUseNoOtherModulesInternalPackages() {
    // When
    List<String> uses = new ArrayList<>();
    for (ModuleClasses module : modules) {
      for (var entry : INTERNAL_PACKAGES.entrySet()) {
        if (entry.getKey().equals(module.module())) {
          continue;
        }
        for (ModuleClasses.ClassReferences c : module.references()) {
          for (String referred : c.referred()) {
            if (entry.getValue().stream().anyMatch(referred::startsWith)) {
              uses.add(module.module() + ": " + c.className() + " uses " + referred + " (internal to "
                  + entry.getKey() + ")");
            }
          }
        }
      }
    }

    // Then
    assertThat(uses).isEmpty();
  }

  @Test
  void shouldGiveDefinitionsOnlyFinalFieldsOfImmutableTypes() {
    // When
    List<String> problems = new ArrayList<>();
    for (Class<?> definition : DEFINITIONS) {
      problems.addAll(fieldProblems(definition));
    }

    // Then
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldGiveTypedTriggersOnlyFinalFieldsOfImmutableTypes() {
    // Given every class of the trigger hierarchy: ScalerTrigger, the generated settings, typed triggers and entry
    // points (ScaledObjects.rabbitmq() and the like) — a definition's chain must not hold a builder that changes
    List<Class<?>> triggers = modules.get(1).classNames().stream().map(ArchitectureTest::load)
        .filter(ScalerTrigger.class::isAssignableFrom).toList();

    // When
    List<String> problems = new ArrayList<>();
    for (Class<?> trigger : triggers) {
      problems.addAll(fieldProblems(trigger));
    }

    // Then: the walk found the whole hierarchy (two entry points and a typed trigger per scaler), and no field
    assertThat(triggers).hasSizeGreaterThan(3 * 76).contains(RabbitmqTrigger.class, ScaledObjects.Rabbitmq.class);
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldTellAMutableFieldType() {
    // the rule's own predicate on types it must refuse
    assertThat(whyMutable(StringBuilder.class, new ArrayList<>())).isNotNull();
    assertThat(whyMutable(PodIdentity.class, new ArrayList<>())).isNotNull();
    assertThat(whyMutable(int[].class, new ArrayList<>())).isNotNull();
    assertThat(whyMutable(String.class, new ArrayList<>())).isNull();
  }

  @Test
  void shouldHoldUnmodifiableCollectionsInEveryDefinition() throws IllegalAccessException {
    // Given: a definition of each kind with every collection field filled
    List<Object> definitions = List.of(
        NodePools.arm64().named("a").label("k", "v").limitCpu("10").taint("k", "v", null).budget("1")
            .annotation("a", "b").startupTaint("s", "v", null),
        AKSNodeClasses.azureLinux().named("a").tag("k", "v"),
        EC2NodeClasses.al2023().named("a").tag("k", "v").subnetIds("s").securityGroupIds("g")
            .subnetsTagged("k", "v").securityGroupsTagged("k", "v").rootVolume("/dev/xvda", "20Gi"),
        ScaledObjects.scaling("web").named("w").trigger(dev.autoscaling.keda.Triggers.cron().named("c")),
        TriggerAuthentications.named("t").filePath("/x"),
        ScaledObjects.rabbitmq().queueName("orders").queueLength(10));

    // Then: each collection a field holds refuses changes (a trigger's fields are its superclass's)
    for (Object definition : definitions) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = definition.getClass(); c != Object.class; c = c.getSuperclass()) {
        fields.addAll(List.of(c.getDeclaredFields()));
      }
      assertThat(fields).as(definition.getClass().getSimpleName()).isNotEmpty();
      for (Field field : fields) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        Object value = field.get(definition);
        if (value instanceof Collection<?> collection) {
          assertThatThrownBy(() -> collection.clear()).as(definition.getClass().getSimpleName() + "." + field.getName())
              .isInstanceOf(UnsupportedOperationException.class);
        } else if (value instanceof Map<?, ?> map) {
          assertThatThrownBy(() -> map.clear()).as(definition.getClass().getSimpleName() + "." + field.getName())
              .isInstanceOf(UnsupportedOperationException.class);
        }
      }
    }
  }

  @Test
  void shouldNotChangeADefinitionWhenTheObjectPassedInChanges() {
    // Given
    PodIdentity identity = new PodIdentity();
    identity.setProvider(PodIdentity.Provider.AZUREWORKLOAD);
    TriggerAuthenticationDefinition definition = TriggerAuthentications.named("t").inNamespace("n")
        .podIdentity(identity);
    var kubelet = new dev.autoscaling.karpenter.api.azure.v1beta1.aksnodeclassspec.Kubelet();
    kubelet.setCpuCFSQuota(true);
    AKSNodeClassDefinition nodeClass = AKSNodeClasses.azureLinux().named("a").kubelet(kubelet);

    // When: the caller changes the objects afterwards, and changes what a build returned
    identity.setProvider(PodIdentity.Provider.AWS);
    kubelet.setCpuCFSQuota(false);
    definition.buildUnchecked().getSpec().getPodIdentity().setIdentityId("changed");
    nodeClass.buildUnchecked().getSpec().getKubelet().setCpuCFSQuota(null);

    // Then
    assertThat(definition.buildUnchecked().getSpec().getPodIdentity().getProvider())
        .isEqualTo(PodIdentity.Provider.AZUREWORKLOAD);
    assertThat(definition.buildUnchecked().getSpec().getPodIdentity().getIdentityId()).isNull();
    assertThat(nodeClass.buildUnchecked().getSpec().getKubelet().getCpuCFSQuota()).isTrue();
  }

  // --- helpers

  /** Each field of the class (not of its superclasses) that is not final, or not of an immutable type. */
  private static List<String> fieldProblems(Class<?> type) {
    List<String> problems = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
        problems.add(type.getSimpleName() + "." + field.getName() + " is static and not final");
      }
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      if (!Modifier.isFinal(field.getModifiers())) {
        problems.add(type.getSimpleName() + "." + field.getName() + " is not final");
      }
      String why = whyMutable(field.getGenericType(), new ArrayList<>());
      if (why != null) {
        problems.add(type.getSimpleName() + "." + field.getName() + ": " + why);
      }
    }
    return problems;
  }

  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Double.class,
      Boolean.class, Short.class, Byte.class, Character.class, Float.class, Duration.class, Class.class);

  /** Null when values of this type cannot change; otherwise why they can. */
  static String whyMutable(Type type, List<Type> seen) {
    if (seen.contains(type)) {
      return null;
    }
    seen.add(type);
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (raw == Snapshot.class) {
        return null; // holds JSON text: its type argument names the class handed out, never a value kept
      }
      if (raw == List.class || raw == Map.class || raw == Set.class || raw == Class.class) {
        // the interface says nothing about change: the definitions hold unmodifiable ones, as
        // shouldHoldUnmodifiableCollectionsInEveryDefinition checks; their elements must be immutable too
        for (Type argument : parameterized.getActualTypeArguments()) {
          String why = whyMutable(argument, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      String why = whyMutable(raw, seen);
      if (why != null) {
        return why;
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        why = whyMutable(argument, seen);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (type instanceof WildcardType || type instanceof TypeVariable<?>) {
      return null; // a record's type parameter: its uses are checked where they are bound
    }
    if (type instanceof GenericArrayType) {
      return type + " is an array";
    }
    Class<?> c = (Class<?>) type;
    if (c.isPrimitive() || c.isEnum() || IMMUTABLE.contains(c)) {
      return null;
    }
    if (c.isArray()) {
      return c.getSimpleName() + " is an array";
    }
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        String why = whyMutable(component.getGenericType(), seen);
        if (why != null) {
          return c.getSimpleName() + "." + component.getName() + ": " + why;
        }
      }
      return null;
    }
    return c.getName() + " is not a known immutable type (a String, a boxed primitive, an enum, a record of such,"
        + " or an unmodifiable collection of such)";
  }

  private static boolean isAzureInternal(Class<?> type) {
    return type.getName().startsWith("com.azure.")
        && (type.getSimpleName().endsWith("Inner") || type.getName().contains(".fluent."));
  }

  /** A type of an internal package, mentioned by a public type of another package (an API package's signature). */
  private static boolean isInternalElsewhere(Class<?> named, Class<?> user) {
    String where = named.getName().replace('.', '/');
    String from = user.getName().replace('.', '/');
    if (isInternal(from) || EXPERT_PACKAGES.stream().anyMatch(from::startsWith)) {
      return false; // internal packages use one another; see EXPERT_PACKAGES
    }
    return isInternal(where);
  }

  private static boolean isInternal(String internalName) {
    return INTERNAL_PACKAGES.values().stream().flatMap(List::stream).anyMatch(internalName::startsWith);
  }

  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ArchitectureTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }

  private static void walk(Type type, Consumer<Class<?>> named) {
    if (type instanceof Class<?> c) {
      named.accept(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      walk(p.getRawType(), named);
      for (Type argument : p.getActualTypeArguments()) {
        walk(argument, named);
      }
    } else if (type instanceof GenericArrayType a) {
      walk(a.getGenericComponentType(), named);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        walk(bound, named);
      }
      for (Type bound : w.getLowerBounds()) {
        walk(bound, named);
      }
    }
  }
}
