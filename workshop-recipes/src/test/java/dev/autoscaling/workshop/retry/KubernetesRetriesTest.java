package dev.autoscaling.workshop.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesRetriesTest {

  @Test
  void shouldSayHowManyRetriesAndWhy() {
    assertThat(KubernetesRetries.describe(Map.of())).isEqualTo("no retries");
    assertThat(KubernetesRetries.describe(Map.of("503 Service Unavailable", 1)))
        .isEqualTo("1 retry (1 after 503 Service Unavailable)");
    assertThat(KubernetesRetries.describe(Map.of("503 Service Unavailable", 1, "429 Too Many Requests", 2)))
        .isEqualTo("3 retries (2 after 429 Too Many Requests, 1 after 503 Service Unavailable)");
  }

  @Test
  void shouldRejectBoundsThatCannotWork() {
    assertThatThrownBy(() -> KubernetesRetries.of(-1, Duration.ofMillis(250)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit -1: give 0 (no retry) or more");
    assertThatThrownBy(() -> KubernetesRetries.of(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("interval PT0S: give a positive duration");
  }

  @Test
  void shouldDefaultToSixRetriesFromAQuarterSecond() {
    KubernetesRetries defaults = KubernetesRetries.defaults();

    assertThat(defaults.limit()).isEqualTo(6);
    assertThat(defaults.interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(defaults.retried()).isEmpty();
  }
}
