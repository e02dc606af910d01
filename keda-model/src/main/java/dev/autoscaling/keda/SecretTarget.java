package dev.autoscaling.keda;

import java.util.Objects;

/**
 * Which trigger parameter comes from which entry of which Secret ({@code secretTargetRef}): three names that a
 * call taking three strings in a row would let a caller swap without a word.
 *
 * <pre>{@code
 * SecretTarget host = SecretTarget.parameter("host").fromSecret("rabbitmq-scaler-secret").key("host");
 * }</pre>
 *
 * @param parameter the trigger parameter KEDA fills ({@code host})
 * @param secret    the Secret's name, in the TriggerAuthentication's namespace
 * @param key       the entry of the Secret's {@code data}
 */
public record SecretTarget(String parameter, String secret, String key) {

  public SecretTarget {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(key, "key");
  }

  /** Starts a target for this trigger parameter: {@code parameter("host").fromSecret("s").key("host")}. */
  public static Parameter parameter(String parameter) {
    return new Parameter(parameter);
  }

  /** A trigger parameter still to be given its Secret. */
  public record Parameter(String parameter) {

    public InSecret fromSecret(String secret) {
      return new InSecret(parameter, secret);
    }
  }

  /** A trigger parameter and its Secret, still to be given the key. */
  public record InSecret(String parameter, String secret) {

    public SecretTarget key(String key) {
      return new SecretTarget(parameter, secret, key);
    }
  }
}
