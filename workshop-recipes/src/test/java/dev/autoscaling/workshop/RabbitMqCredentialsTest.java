package dev.autoscaling.workshop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RabbitMqCredentialsTest {

  @Test
  void shouldNeverShowThePasswordInToString() {
    RabbitMqCredentials credentials = RabbitMqCredentials.of("keda", "canary-s3cret");

    assertThat(credentials.toString()).doesNotContain("canary-s3cret").contains("keda");
  }

  @Test
  void shouldPercentEncodeCharactersThatWouldBreakTheUrl() {
    RabbitMqCredentials credentials = RabbitMqCredentials.of("ke da", "p@ss:w/rd");

    assertThat(credentials.managementUrl("rabbitmq:15672"))
        .isEqualTo("http://ke%20da:p%40ss%3Aw%2Frd@rabbitmq:15672");
  }

  @Test
  void shouldRejectAnEmptyPassword() {
    assertThatThrownBy(() -> RabbitMqCredentials.of("keda", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rabbitmq password: must not be empty");
  }
}
