package dev.autoscaling.keda.triggers;

import dev.autoscaling.keda.ScaledObjects;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed trigger keeps its metadata as a chain of settings rather than a map copied by every setter: the map it
 * gives must be the one putting each setting into a map in turn gives, and the chain must not grow with settings
 * that replace a value.
 */
class ScalerTriggerSettingsTest {

  @Test
  void shouldKeepAKeySetAgainWhereItWasFirstSetWithTheLastValue() {
    // Given
    RabbitmqTrigger first = new RabbitmqTrigger().queueName("a").mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10);

    // When
    RabbitmqTrigger second = first.queueName("b").value(20).host("amqp://h");

    // Then: the order of first setting, the last values; the earlier trigger unchanged
    assertThat(List.copyOf(second.metadata().entrySet())).extracting(Object::toString)
        .containsExactly("queueName=b", "mode=QueueLength", "value=20", "host=amqp://h");
    assertThat(List.copyOf(first.metadata().entrySet())).extracting(Object::toString)
        .containsExactly("queueName=a", "mode=QueueLength", "value=10");
    assertThat(second.buildUnchecked().getMetadata()).isEqualTo(second.metadata());
    assertThat(second.toUncheckedTree().path("metadata").fieldNames()).toIterable()
        .containsExactly("queueName", "mode", "value", "host");
    assertThat(second.toString()).contains("keys=[queueName, mode, value, host]");
  }

  @Test
  void shouldHoldEachKeyOnceHoweverOftenItIsSet() throws ReflectiveOperationException {
    // Given
    RabbitmqTrigger trigger = new RabbitmqTrigger().queueName("orders");

    // When: a value replaced ten thousand times, as a loop varying one trigger would
    for (int i = 0; i < 10_000; i++) {
      trigger = trigger.value(i).queueName("q" + i);
    }

    // Then: two settings held, not twenty thousand
    assertThat(settingsHeld(trigger)).isEqualTo(2);
    assertThat(trigger.metadata()).containsExactly(java.util.Map.entry("queueName", "q9999"),
        java.util.Map.entry("value", "9999"));
  }

  @Test
  void shouldWriteANullValueAsTheTextNullInADefinitionAsBefore() {
    // a null metadata value reached the definition through the trigger's JSON tree read back as text
    var scaledObject = ScaledObjects.scaling("app").named("s")
        .trigger(new RabbitmqTrigger().metadata("queueName", null).value(1)).buildUnchecked();

    assertThat(scaledObject.getSpec().getTriggers().get(0).getMetadata()).containsEntry("queueName", "null");
  }

  @Test
  void shouldWriteEveryNumberAsBigDecimalsPlainTextDoes() {
    // Given: whole numbers (taken without a BigDecimal) at the edges of that path, and fractions
    double[] values = {0, -0.0, 1, -1, 10, 100, 1e14, 999_999_999_999_999d, 1e15, -1e15, 1e16, 1e20, 1e300, 0.5,
        2.50, 1e-7, -3.0, 12.75, Long.MAX_VALUE, Double.MIN_VALUE, Double.MAX_VALUE, 4.9e-324};
    Random random = new Random(17);

    // Then
    for (double value : values) {
      assertThat(ScalerTrigger.decimal(value)).as(Double.toString(value)).isEqualTo(plain(value));
    }
    for (int i = 0; i < 10_000; i++) {
      double whole = (double) (random.nextLong() % 2_000_000_000_000_000L);
      double any = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      assertThat(ScalerTrigger.decimal(whole)).as(Double.toString(whole)).isEqualTo(plain(whole));
      assertThat(ScalerTrigger.decimal(any)).as(Double.toString(any)).isEqualTo(plain(any));
    }
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** How many settings the trigger's chain holds. */
  private static int settingsHeld(ScalerTrigger<?> trigger) throws ReflectiveOperationException {
    Field field = ScalerTrigger.class.getDeclaredField("settings");
    field.setAccessible(true);
    int count = 0;
    for (Object setting = field.get(trigger); setting != null; count++) {
      Method earlier = setting.getClass().getDeclaredMethod("earlier");
      earlier.setAccessible(true);
      setting = earlier.invoke(setting);
    }
    return count;
  }
}
