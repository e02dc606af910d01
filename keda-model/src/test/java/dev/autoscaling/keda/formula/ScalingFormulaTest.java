package dev.autoscaling.keda.formula;

import dev.autoscaling.validation.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KEDA's wrapping of the formula: the float cast, nil with ??, and the admission trial at -1. */
class ScalingFormulaTest {

  private static final List<String> TRIGGERS = List.of("queue", "lag");

  @Test
  void shouldCastTheResultToFloatAsKedaDoes() {
    ScalingFormula formula = ScalingFormula.compile("queue > 10 ? queue : 1", TRIGGERS);

    assertThat(formula.evaluate(Map.of("queue", 4.0, "lag", 0.0))).isEqualTo(1.0);
    assertThat(formula.evaluate(Map.of("queue", 40.0, "lag", 0.0))).isEqualTo(40.0);
    assertThat(formula.check().violations()).isEmpty();
  }

  @Test
  void shouldRejectAFormulaThatGivesABoolean() {
    assertThatThrownBy(() -> ScalingFormula.compile("queue > 10", TRIGGERS))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          assertThat(e.problem()).isEqualTo(FormulaProblem.TYPE);
          assertThat(e.reason()).isEqualTo("invalid argument for float (type bool)");
        });
  }

  @Test
  void shouldAdmitButWarnAboutAFormulaThatOnlyStartsWithFloat() {
    ScalingFormula formula = ScalingFormula.compile("float(queue) > 1", TRIGGERS);

    ValidationReport report = formula.check();
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.path()).isEqualTo("spec.advanced.scalingModifiers.formula");
      assertThat(warning.message()).contains("gives a bool");
    });
    assertThatThrownBy(() -> formula.evaluate(Map.of("queue", 4.0, "lag", 0.0)))
        .hasMessageContaining("formula returned non-float result bool (true)");
  }

  @Test
  void shouldGiveNilWhenEveryCoalescedTriggerIsNil() {
    ScalingFormula formula = ScalingFormula.compile("queue ?? lag", TRIGGERS);
    Map<String, Double> failing = new HashMap<>();
    failing.put("queue", null);
    failing.put("lag", null);

    assertThat(formula.mayBeNil()).isTrue();
    assertThat(formula.evaluate(failing)).isNull();
    failing.put("lag", 7.0);
    assertThat(formula.evaluate(failing)).isEqualTo(7.0);
  }

  @Test
  void shouldFailTheTrialRunLikeKedasWebhook() {
    ScalingFormula formula = ScalingFormula.compile("100 % int(queue + 1)", TRIGGERS);

    assertThat(formula.evaluate(Map.of("queue", 2.0, "lag", 0.0))).isEqualTo(1.0);
    assertThat(formula.check().errors()).singleElement().satisfies(error -> {
      assertThat(error.path()).isEqualTo("spec.advanced.scalingModifiers.formula");
      assertThat(error.message()).startsWith("error validating formula in ScalingModifiers: integer divide by zero");
    });
  }

  @SuppressWarnings("deprecation") // the List<String> form check() replaces, kept for existing callers
  @Test
  void shouldKeepTheOldValidateThrowingOnAFailedTrialAndListingCaveats() {
    assertThatThrownBy(ScalingFormula.compile("100 % int(queue + 1)", TRIGGERS)::validate)
        .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.reason()).isEqualTo("integer divide by zero"));
    assertThat(ScalingFormula.compile("float(queue) > 1", TRIGGERS).validate()).singleElement().asString()
        .contains("gives a bool");
  }
}
