package dev.autoscaling.keda.triggers;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Set;

/**
 * A trigger as a scaler check sees it: its metadata and what its authentication may give. KEDA reads each value
 * from up to three places (the metadata key, {@code <key>FromEnv} naming a container environment variable, a
 * TriggerAuthentication parameter); a value whose place cannot be read here (the environment, an authentication not
 * seen) counts as given, so a check never reports missing what KEDA may well find.
 */
final class GivenTrigger {

  private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  /** What {@link #number} remembers for a value that is absent or not a number. */
  private static final Object NOT_A_NUMBER = new Object();
  /** The keys whose number was read, at most a few: a scaler's checks read the same few keys again and again. */
  private static final int REMEMBERED = 4;
  /** The keys whose value was read: every key of rabbitmq's checks, the longest list, fits. */
  private static final int REMEMBERED_VALUES = 16;

  private final Map<String, String> metadata;
  private final TriggerAuth auth;
  /**
   * The numbers read so far (or {@link #NOT_A_NUMBER}), by key: rabbitmq's checks alone read queueLength and value
   * a dozen times for each trigger. Made on the first read; one trigger's checks only, so bounded by their keys.
   */
  private String @Nullable [] numberKeys;
  private Object @Nullable [] numbers;
  private int remembered;
  /**
   * The values read so far, by key: rabbitmq's checks alone read mode, value and queueLength some forty times for
   * each trigger, each a look-up in the trigger's JSON tree. Made on the first read, bounded like the numbers.
   */
  private String @Nullable [] valueKeys;
  private @Nullable String @Nullable [] values;
  private int valuesRemembered;

  GivenTrigger(Map<String, String> metadata, TriggerAuth auth) {
    this.metadata = metadata;
    this.auth = auth;
  }

  Map<String, String> metadata() {
    return metadata;
  }

  TriggerAuth auth() {
    return auth;
  }

  /** The metadata value, trimmed, or null when absent or blank (KEDA takes a blank value as not given). */
  @Nullable String value(String key) {
    String[] keys = valueKeys;
    String[] found = values;
    if (keys != null && found != null) {
      // by identity: the checks name their keys with literals, so the same key is the same String; any other
      // String is simply read again
      for (int i = 0; i < valuesRemembered; i++) {
        if (keys[i] == key) {
          return found[i];
        }
      }
    }
    String given = given(key);
    if (keys == null || found == null) {
      keys = valueKeys = new String[REMEMBERED_VALUES];
      found = values = new String[REMEMBERED_VALUES];
    }
    if (valuesRemembered < REMEMBERED_VALUES) {
      keys[valuesRemembered] = key;
      found[valuesRemembered++] = given;
    }
    return given;
  }

  private @Nullable String given(String key) {
    String value = metadata.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  boolean inMetadata(String key) {
    return value(key) != null;
  }

  boolean fromEnv(String key) {
    return given(key + "FromEnv") != null; // a new String each time: not worth remembering
  }

  /** KEDA may find the value in metadata, the environment ({@code <key>FromEnv}) or the authentication. */
  boolean mayHave(String key) {
    return inMetadata(key) || fromEnv(key) || auth.mayGive(key);
  }

  /** KEDA may find the value in metadata or the authentication (a key it does not read from the environment). */
  boolean mayHaveWithoutEnv(String key) {
    return inMetadata(key) || auth.mayGive(key);
  }

  /** A number in metadata, or null when absent or not a number (the catalogue's own check reports that). */
  @Nullable Double number(String key) {
    String[] keys = numberKeys;
    Object[] found = numbers;
    if (keys != null && found != null) {
      for (int i = 0; i < remembered; i++) {
        if (keys[i].equals(key)) {
          return found[i] == NOT_A_NUMBER ? null : (Double) found[i];
        }
      }
    }
    Double number = read(key);
    if (keys == null || found == null) {
      keys = numberKeys = new String[REMEMBERED];
      found = numbers = new Object[REMEMBERED];
    }
    if (remembered < REMEMBERED) {
      keys[remembered] = key;
      found[remembered++] = number == null ? NOT_A_NUMBER : number;
    }
    return number;
  }

  private @Nullable Double read(String key) {
    String value = value(key);
    if (value == null) {
      return null;
    }
    // most values are a few plain digits: read those without the general decimal parser, to the same double
    // (every integer below 10^15 is exact in a double, so the two readings agree)
    if (value.length() <= 15 && allDigits(value)) {
      return Double.valueOf(Long.parseLong(value));
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean allDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A number in metadata, 0 when absent (Go's zero value), or null when it cannot be read. */
  @Nullable Double numberOrZero(String key) {
    return value(key) == null ? Double.valueOf(0) : number(key);
  }

  /** The value is a Go boolean true. */
  boolean isTrue(String key) {
    String value = value(key);
    return value != null && GO_TRUE.contains(value);
  }
}
