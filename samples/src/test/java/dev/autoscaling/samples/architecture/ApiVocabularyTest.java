package dev.autoscaling.samples.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.karpenter.AKSNodeClasses;
import dev.autoscaling.karpenter.EC2NodeClasses;
import dev.autoscaling.karpenter.KarpenterValidation;
import dev.autoscaling.karpenter.NodeClassReference;
import dev.autoscaling.karpenter.NodePools;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.keda.ScaledJobs;
import dev.autoscaling.keda.ScaledObjects;
import dev.autoscaling.keda.TriggerAuthentications;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.ValidationReport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vocabulary of the README's "The API's vocabulary", checked on every facade by reflection: a facade's static
 * methods start a definition (or, for node classes, {@code reference} an existing one); every definition a facade
 * starts offers {@code named}, {@code build()} (validated), {@code buildUnchecked()} (the one unchecked form, same
 * type), {@code validate()} giving a {@link ValidationReport}, {@code toJson()}, {@code toYaml()} and
 * {@code describe()}; no current (not deprecated) method uses one of the retired names; each family has one
 * validation door ({@code check} → {@link ValidationReport}, {@code checkAll} → every document).
 */
class ApiVocabularyTest {

  static final List<Class<?>> FACADES = List.of(NodePools.class, AKSNodeClasses.class, EC2NodeClasses.class,
      ScaledObjects.class, ScaledJobs.class, TriggerAuthentications.class);

  /** Names the vocabulary retired: only deprecated shims may still carry them. */
  static final Set<String> RETIRED = Set.of("toNodePool", "toAKSNodeClass", "toEC2NodeClass", "toTrigger",
      "toUncheckedTrigger", "toScaledJobTrigger", "toUncheckedScaledJobTrigger");

  @Test
  void shouldStartADefinitionOrAReferenceFromEveryFacade() {
    // When
    Set<Class<?>> definitions = definitionsStartedByTheFacades();
    List<String> problems = new ArrayList<>();
    for (Class<?> facade : FACADES) {
      for (Method method : current(facade)) {
        if (!Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        Class<?> returned = method.getReturnType();
        boolean startsDefinition = returned.getSimpleName().endsWith("Definition");
        if (method.getName().equals("named") && !startsDefinition) {
          problems.add(facade.getSimpleName() + ".named returns " + returned.getSimpleName() + ", not a definition");
        }
        if (method.getName().equals("reference") && returned != NodeClassReference.class) {
          problems.add(facade.getSimpleName() + ".reference returns " + returned.getSimpleName());
        }
        if (returned == NodeClassReference.class && !method.getName().equals("reference")) {
          problems.add(facade.getSimpleName() + "." + method.getName() + " returns a reference: call it reference");
        }
      }
    }

    // Then
    assertThat(problems).isEmpty();
    assertThat(definitions).extracting(Class::getSimpleName).containsExactlyInAnyOrder("NodePoolDefinition",
        "AKSNodeClassDefinition", "EC2NodeClassDefinition", "ScaledObjectDefinition",
        "TriggerAuthenticationDefinition");
  }

  @Test
  void shouldOfferTheWholeVocabularyOnEveryDefinition() throws NoSuchMethodException {
    for (Class<?> definition : definitionsStartedByTheFacades()) {
      // named and the chain stay on the definition
      assertThat(definition.getMethod("named", String.class).getReturnType()).as(definition.getSimpleName())
          .isEqualTo(definition);
      Class<?> built = definition.getMethod("build").getReturnType();
      assertThat(HasMetadata.class).as(definition.getSimpleName() + ".build()").isAssignableFrom(built);
      assertThat(definition.getMethod("buildUnchecked").getReturnType()).as(definition.getSimpleName())
          .isEqualTo(built);
      assertThat(definition.getMethod("validate").getReturnType()).as(definition.getSimpleName())
          .isEqualTo(ValidationReport.class);
      for (String text : List.of("toJson", "toYaml", "describe")) {
        assertThat(definition.getMethod(text).getReturnType()).as(definition.getSimpleName() + "." + text)
            .isEqualTo(String.class);
      }
    }
  }

  @Test
  void shouldKeepRetiredNamesOnlyOnDeprecatedShims() {
    // When
    List<String> current = new ArrayList<>();
    List<Class<?>> types = new ArrayList<>(FACADES);
    types.addAll(definitionsStartedByTheFacades());
    types.add(ScalerTrigger.class);
    for (Class<?> type : types) {
      for (Method method : current(type)) {
        if (RETIRED.contains(method.getName())) {
          current.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }

    // Then
    assertThat(current).isEmpty();
  }

  @Test
  void shouldBuildEveryTriggerInTheVocabulary() throws NoSuchMethodException {
    for (String name : List.of("build", "buildUnchecked", "buildForScaledJob", "buildUncheckedForScaledJob")) {
      Method method = ScalerTrigger.class.getMethod(name);
      assertThat(method.isAnnotationPresent(Deprecated.class)).as(name).isFalse();
    }
    assertThat(ScalerTrigger.class.getMethod("build").getReturnType())
        .isEqualTo(ScalerTrigger.class.getMethod("buildUnchecked").getReturnType());
  }

  @Test
  void shouldOpenOneValidationDoorPerFamily() throws NoSuchMethodException {
    for (Class<?> door : List.of(KedaValidation.class, KarpenterValidation.class)) {
      assertThat(door.getMethod("check", HasMetadata.class).getReturnType()).as(door.getSimpleName())
          .isEqualTo(ValidationReport.class);
      assertThat(door.getMethod("check", JsonNode.class).getReturnType()).as(door.getSimpleName())
          .isEqualTo(ValidationReport.class);
      Method all = door.getMethod("checkAll", String.class);
      assertThat(all.getReturnType()).isEqualTo(List.class);
      assertThat(((ParameterizedType) all.getGenericReturnType()).getActualTypeArguments()[0])
          .isEqualTo(DocumentResult.class);
      // every other public static method of a door is deprecated (or the build-time helper requireValid)
      for (Method method : current(door)) {
        if (method.getParameterCount() == 2 && method.getParameterTypes()[1].getSimpleName()
            .equals("KedaAuthentications")) {
          continue; // a stream's objects checked with the TriggerAuthentications seen before them: still to be
                    // folded into checkAll (came in with keda-rules)
        }
        assertThat(method.getName()).as(door.getSimpleName()).isIn("check", "checkAll", "requireValid");
      }
    }
  }

  @Test
  void shouldCheckEveryDocumentOfAMultiDocumentText() {
    // Given: a valid first document and an invalid second one (a ScaledObject without triggers)
    String yaml = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: a, namespace: ns}
        spec:
          secretTargetRef: [{parameter: host, name: s, key: host}]
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: b, namespace: ns}
        spec:
          scaleTargetRef: {name: web}
        """;

    // When
    List<DocumentResult> results = KedaValidation.checkAll(yaml);

    // Then
    assertThat(results).hasSize(2);
    assertThat(results.get(0).report().isValid()).as(results.get(0).report().toString()).isTrue();
    assertThat(results.get(1).report().isValid()).isFalse();
    assertThat(results.get(1).describe()).isEqualTo("ScaledObject/b");
  }

  @Test
  void shouldWriteTheVocabularyDownInTheReadme() throws java.io.IOException {
    // Given
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));

    // Then: the section exists and names every word this test checks
    assertThat(readme).contains("## The API's vocabulary");
    String section = readme.substring(readme.indexOf("## The API's vocabulary"));
    section = section.substring(0, section.indexOf("\n## ", 5));
    for (String word : List.of("`named(name)`", "`reference(name)`", "`build()`", "`buildUnchecked()`",
        "`validate()`", "`toJson()`, `toYaml()`", "`describe()`", "`check(object)`, `checkAll(text)`")) {
      assertThat(section).as(word).contains(word);
    }
    for (Class<?> facade : FACADES) {
      assertThat(section).as(facade.getSimpleName()).contains("`" + facade.getSimpleName() + "`");
    }
  }

  private static Set<Class<?>> definitionsStartedByTheFacades() {
    Set<Class<?>> definitions = new LinkedHashSet<>();
    for (Class<?> facade : FACADES) {
      for (Method method : current(facade)) {
        if (Modifier.isStatic(method.getModifiers()) && method.getReturnType().getSimpleName().endsWith("Definition")) {
          definitions.add(method.getReturnType());
        }
      }
    }
    return definitions;
  }

  /** The public methods of a type that are not deprecated shims. */
  private static List<Method> current(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() != Object.class && !method.isAnnotationPresent(Deprecated.class)) {
        methods.add(method);
      }
    }
    return methods;
  }
}
