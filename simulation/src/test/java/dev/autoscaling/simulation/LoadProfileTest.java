package dev.autoscaling.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadProfileTest {

  @Test
  void shouldHoldStepsAndRampLinearly() {
    LoadProfile p = LoadProfile.parse("0s=0/s,10m~2/s,1h=0/s");
    assertThat(p.messagesPerSecond()).isTrue();
    assertThat(p.at(0)).isEqualTo(0);
    assertThat(p.at(300)).isEqualTo(1);
    assertThat(p.at(600)).isEqualTo(2);
    assertThat(p.at(3599)).isEqualTo(2);
    assertThat(p.at(3600)).isEqualTo(0);
    assertThat(p.lastChange()).isEqualTo(3600);
  }

  @Test
  void shouldRefuseMixedKindsAndBadTimes() {
    assertThatThrownBy(() -> LoadProfile.parse("0s=4,1m=2/s")).hasMessageContaining("not both");
    assertThatThrownBy(() -> LoadProfile.parse("0s=4,10x=1")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> LoadProfile.parse("5m=4,1m=1")).hasMessageContaining("times increase");
  }
}
