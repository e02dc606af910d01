package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.validation.ValidationException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * TriggerAuthentications, and the Secrets they read. A trigger's credentials belong here, never in its metadata.
 *
 * <pre>{@code
 * Secret secret = TriggerAuthentications.secret("rabbitmq-scaler-secret", "pets", "host", connectionString);
 * TriggerAuthentication auth = TriggerAuthentications.named("trigger-auth-rabbitmq-conn").inNamespace("pets")
 *     .secretTargetRef(SecretTarget.parameter("host").fromSecret("rabbitmq-scaler-secret").key("host"))
 *     .build();
 * }</pre>
 */
public final class TriggerAuthentications {

  private TriggerAuthentications() {
  }

  /** A TriggerAuthentication to describe: add its auth sources, then {@code build()} or {@code buildCluster()}. */
  public static TriggerAuthenticationDefinition named(String name) {
    return new TriggerAuthenticationDefinition(name, null,
        new dev.autoscaling.keda.api.v1alpha1.TriggerAuthenticationSpec());
  }

  /**
   * A Secret with one entry, written to {@code data} as base64 — which is an encoding, not encryption: whoever can
   * read the Secret can read the value. Keep it out of logs and version control; the returned object's
   * {@code toString} does print it (fabric8's model), so do not log it.
   */
  public static Secret secret(String name, String namespace, String key, String value) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToData(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  /**
   * A TriggerAuthentication giving the trigger parameter from an entry of a Secret ({@code secretTargetRef}).
   *
   * @throws ValidationException when KEDA or the API server would reject it
   */
  public static TriggerAuthentication fromSecret(String name, String namespace, SecretTarget target) {
    return named(name).inNamespace(namespace).secretTargetRef(target).build();
  }

  /**
   * A TriggerAuthentication giving the trigger parameter {@code parameter} from {@code key} of the Secret
   * {@code secretName} ({@code secretTargetRef}).
   *
   * @throws ValidationException when KEDA or the API server would reject it
   * @deprecated five strings in a row are easily swapped: use {@link #fromSecret(String, String, SecretTarget)}
   */
  @Deprecated(forRemoval = false)
  public static TriggerAuthentication fromSecret(String name, String namespace, String parameter, String secretName,
      String key) {
    return fromSecret(name, namespace, new SecretTarget(parameter, secretName, key));
  }
}
