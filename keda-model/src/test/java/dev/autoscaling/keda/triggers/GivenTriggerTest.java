package dev.autoscaling.keda.triggers;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GivenTrigger} remembers the values it has read: the answers are those of reading the metadata afresh,
 * whether the key is the same String or only an equal one, and beyond the number of keys it remembers.
 */
class GivenTriggerTest {

  @Test
  void rememberedValuesAreTheMetadatasValues() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("mode", " QueueLength ");
    metadata.put("value", "10");
    metadata.put("blank", "  ");
    for (int i = 0; i < 40; i++) {
      metadata.put("key" + i, "v" + i);
    }
    GivenTrigger trigger = new GivenTrigger(metadata, TriggerAuth.NONE);
    for (int round = 0; round < 3; round++) {
      assertThat(trigger.value("mode")).isEqualTo("QueueLength");
      assertThat(trigger.value(new String("mode"))).isEqualTo("QueueLength");
      assertThat(trigger.value("blank")).isNull();
      assertThat(trigger.value("absent")).isNull();
      assertThat(trigger.number("value")).isEqualTo(10.0);
      for (int i = 0; i < 40; i++) {
        assertThat(trigger.value("key" + i)).isEqualTo("v" + i);
      }
    }
  }

  @Test
  void readsFromEnvKeysAsGiven() {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("hostFromEnv", "HOST");
    metadata.put("portFromEnv", " ");
    GivenTrigger trigger = new GivenTrigger(metadata, TriggerAuth.NONE);
    for (int round = 0; round < 2; round++) {
      assertThat(trigger.fromEnv("host")).isTrue();
      assertThat(trigger.fromEnv("port")).isFalse();
      assertThat(trigger.mayHave("host")).isTrue();
      assertThat(trigger.inMetadata("host")).isFalse();
    }
  }
}
