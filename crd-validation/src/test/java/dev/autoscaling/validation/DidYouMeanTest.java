package dev.autoscaling.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

  private static final List<String> FIELDS = List.of("minReplicaCount", "maxReplicaCount", "pollingInterval",
      "cooldownPeriod", "triggers");

  @Test
  void shouldSuggestTheNameMeant() {
    assertThat(DidYouMean.suggest("minReplicas", FIELDS)).isEqualTo("minReplicaCount");
    assertThat(DidYouMean.suggest("triger", FIELDS)).isEqualTo("triggers");
    assertThat(DidYouMean.suggest("PollingInterval", FIELDS)).isEqualTo("pollingInterval");
    assertThat(DidYouMean.suggest("weight", FIELDS)).isNull();
  }

  @Test
  void shouldNotCompareANameLongerThanAnyKubernetesName() {
    // Given a name of 2.5 million characters, which a full comparison with each field would cost 2.5 million x 16
    String huge = "triggers".repeat(312_500);

    assertThat(DidYouMean.suggest(huge, FIELDS)).isNull();
    assertThat(DidYouMean.suggest("t".repeat(DidYouMean.MAX_LENGTH + 1), List.of("t".repeat(DidYouMean.MAX_LENGTH))))
        .isNull();
    assertThat(DidYouMean.suggest("t".repeat(DidYouMean.MAX_LENGTH), List.of("t".repeat(DidYouMean.MAX_LENGTH - 1))))
        .as("at the bound, still compared").isNotNull();
  }
}
