package dev.autoscaling.workshop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepsTest {

  private final Workshop workshop = Workshop.of(WorkshopConfig.defaults(), StoreManifest.read(StoreManifest.BUNDLED));

  @Test
  void shouldSelectTheSameStepsAsTheNullableForm() {
    assertThat(workshop.range(Steps.all())).isEqualTo(workshop.steps());
    assertThat(workshop.range(Steps.from("store").to("load")).stream().map(s -> s.id()))
        .containsExactly("store", "keda-scaler", "load");
    assertThat(workshop.range(Steps.upTo("environment")).stream().map(s -> s.id()))
        .containsExactly("prerequisites", "environment");
    assertThat(workshop.range(Steps.only("nap")).stream().map(s -> s.id())).containsExactly("nap");
  }

  @Test
  void shouldNameTheStepNotACommandLineOption() {
    assertThatThrownBy(() -> workshop.range(Steps.from("stor")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("from step stor: no such step; the steps are prerequisites, environment")
        .hasMessageNotContaining("--");
    assertThatThrownBy(() -> workshop.plan(Steps.from("load").to("store")))
        .hasMessageStartingWith("from step load comes after to step store");
  }
}
