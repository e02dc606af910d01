package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthenticationBuilder;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.Violation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * TriggerAuthentications, and the Secrets they read. A trigger's credentials belong here, never in its metadata.
 *
 * <pre>{@code
 * Secret secret = TriggerAuthentications.secret("rabbitmq-scaler-secret", "pets", "host", connectionString);
 * TriggerAuthentication auth = TriggerAuthentications.fromSecret("trigger-auth-rabbitmq-conn", "pets",
 *     "host", "rabbitmq-scaler-secret", "host");
 * }</pre>
 */
public final class TriggerAuthentications {

  private TriggerAuthentications() {
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
   * A TriggerAuthentication giving the trigger parameter {@code parameter} from {@code key} of the Secret
   * {@code secretName} ({@code secretTargetRef}).
   *
   * @throws ValidationException when KEDA or the API server would reject it
   */
  public static TriggerAuthentication fromSecret(String name, String namespace, String parameter, String secretName,
      String key) {
    TriggerAuthentication authentication = new TriggerAuthenticationBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec()
        .addNewSecretTargetRef().withParameter(parameter).withName(secretName).withKey(key).endSecretTargetRef()
        .endSpec()
        .build();
    List<Violation> violations = new ArrayList<>(KedaCrds.validator().validate(authentication).violations());
    violations.addAll(KedaAdmission.check(authentication));
    if (violations.stream().anyMatch(Violation::isError)) {
      throw new ValidationException("TriggerAuthentication " + name, violations);
    }
    return authentication;
  }
}
