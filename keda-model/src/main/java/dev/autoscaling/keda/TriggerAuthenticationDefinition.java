package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthenticationSpec;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.AwsSecretManager;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.AzureKeyVault;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.BoundServiceAccountToken;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.ConfigMapTargetRef;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.Env;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.GcpSecretManager;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.HashiCorpVault;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.Oauth2;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.PodIdentity;
import dev.autoscaling.keda.api.v1alpha1.triggerauthenticationspec.SecretTargetRef;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.Snapshot;
import dev.autoscaling.validation.ValidationException;
import dev.autoscaling.validation.ValidationReport;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A TriggerAuthentication being described: immutable (final fields; the spec kept as a snapshot, so objects
 * passed in are copied), each call returns a new definition. Every auth source of
 * KEDA v2.20: Secret, ConfigMap and environment references, pod identity, bound service-account tokens, a file
 * path, Azure Key Vault, HashiCorp Vault, AWS and GCP secret managers and OAuth2 (the last five as the generated
 * types). {@link #build()} validates against the CRD and KEDA's admission rules.
 */
public final class TriggerAuthenticationDefinition {

  private final String name;
  private final String namespace;
  // The generated spec is mutable, and the objects a caller passes in (a PodIdentity, a HashiCorpVault, ...) are
  // theirs: kept as a snapshot, so neither earlier definitions nor later changes to those objects change this one.
  private final Snapshot<TriggerAuthenticationSpec> spec;

  TriggerAuthenticationDefinition(String name, String namespace, TriggerAuthenticationSpec spec) {
    this(name, namespace, Snapshot.of(spec));
  }

  private TriggerAuthenticationDefinition(String name, String namespace, Snapshot<TriggerAuthenticationSpec> spec) {
    this.name = name;
    this.namespace = namespace;
    this.spec = spec;
  }

  private TriggerAuthenticationDefinition with(java.util.function.Consumer<TriggerAuthenticationSpec> change) {
    TriggerAuthenticationSpec copy = spec.get(); // a new object: earlier definitions stay untouched
    change.accept(copy);
    return new TriggerAuthenticationDefinition(name, namespace, Snapshot.of(copy));
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
    result.add(item);
    return result;
  }

  public TriggerAuthenticationDefinition named(String authenticationName) {
    return new TriggerAuthenticationDefinition(authenticationName, namespace, spec);
  }

  public TriggerAuthenticationDefinition inNamespace(String authenticationNamespace) {
    return new TriggerAuthenticationDefinition(name, authenticationNamespace, spec);
  }

  /** The trigger parameter {@link SecretTarget#parameter()} from an entry of a Secret ({@code secretTargetRef}). */
  public TriggerAuthenticationDefinition secretTargetRef(SecretTarget target) {
    return secretTargetRef(target.parameter(), target.secret(), target.key());
  }

  /** The trigger parameter {@code parameter} from {@code key} of the Secret {@code secret}. */
  public TriggerAuthenticationDefinition secretTargetRef(String parameter, String secret, String key) {
    SecretTargetRef ref = new SecretTargetRef();
    ref.setParameter(parameter);
    ref.setName(secret);
    ref.setKey(key);
    return with(s -> s.setSecretTargetRef(plus(s.getSecretTargetRef(), ref)));
  }

  /** The trigger parameter from {@code key} of a ConfigMap. */
  public TriggerAuthenticationDefinition configMapTargetRef(String parameter, String configMap, String key) {
    ConfigMapTargetRef ref = new ConfigMapTargetRef();
    ref.setParameter(parameter);
    ref.setName(configMap);
    ref.setKey(key);
    return with(s -> s.setConfigMapTargetRef(plus(s.getConfigMapTargetRef(), ref)));
  }

  /** The trigger parameter from an environment variable of the scale target's container (null: the first). */
  public TriggerAuthenticationDefinition env(String parameter, String variable, @Nullable String containerName) {
    Env env = new Env();
    env.setParameter(parameter);
    env.setName(variable);
    env.setContainerName(containerName);
    return with(s -> s.setEnv(plus(s.getEnv(), env)));
  }

  /** A token for this service account, bound to KEDA's request, as the trigger parameter. */
  public TriggerAuthenticationDefinition boundServiceAccountToken(String parameter, String serviceAccount) {
    BoundServiceAccountToken token = new BoundServiceAccountToken();
    token.setParameter(parameter);
    token.setServiceAccountName(serviceAccount);
    return with(s -> s.setBoundServiceAccountToken(plus(s.getBoundServiceAccountToken(), token)));
  }

  /** Azure workload identity; {@code identityId} null for KEDA's own identity. */
  public TriggerAuthenticationDefinition azureWorkloadIdentity(@Nullable String identityId) {
    PodIdentity identity = new PodIdentity();
    identity.setProvider(PodIdentity.Provider.AZUREWORKLOAD);
    identity.setIdentityId(identityId);
    return with(s -> s.setPodIdentity(identity));
  }

  /** AWS IAM role assumed by KEDA ({@code provider: aws}). */
  public TriggerAuthenticationDefinition awsRole(String roleArn) {
    PodIdentity identity = new PodIdentity();
    identity.setProvider(PodIdentity.Provider.AWS);
    identity.setRoleArn(roleArn);
    return with(s -> s.setPodIdentity(identity));
  }

  /** Any pod identity, as the generated type. */
  public TriggerAuthenticationDefinition podIdentity(PodIdentity identity) {
    return with(s -> s.setPodIdentity(identity));
  }

  /** Credentials KEDA reads from this file of its own pod. */
  public TriggerAuthenticationDefinition filePath(String path) {
    return with(s -> s.setFilePath(path));
  }

  public TriggerAuthenticationDefinition azureKeyVault(AzureKeyVault vault) {
    return with(s -> s.setAzureKeyVault(vault));
  }

  public TriggerAuthenticationDefinition hashiCorpVault(HashiCorpVault vault) {
    return with(s -> s.setHashiCorpVault(vault));
  }

  public TriggerAuthenticationDefinition awsSecretManager(AwsSecretManager manager) {
    return with(s -> s.setAwsSecretManager(manager));
  }

  public TriggerAuthenticationDefinition gcpSecretManager(GcpSecretManager manager) {
    return with(s -> s.setGcpSecretManager(manager));
  }

  public TriggerAuthenticationDefinition oauth2(Oauth2 oauth2) {
    return with(s -> s.setOauth2(oauth2));
  }

  /** As described, not validated. */
  public TriggerAuthentication buildUnchecked() {
    TriggerAuthentication authentication = new TriggerAuthentication();
    authentication.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    authentication.setSpec(spec.get());
    return authentication;
  }

  /** Every violation of the TriggerAuthentication as described, errors and warnings, without throwing. */
  public ValidationReport validate() {
    return KedaValidation.check(buildUnchecked());
  }

  /**
   * The validated TriggerAuthentication as JSON, as {@code Manifests.toJson(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toJson() {
    return Manifests.toJson(build());
  }

  /**
   * The validated TriggerAuthentication as one YAML document, as {@code Manifests.toYaml(build())} writes it.
   *
   * @throws ValidationException as {@link #build()}
   */
  public String toYaml() {
    return Manifests.toYaml(build());
  }

  /**
   * The TriggerAuthentication as described, in a few lines: its name and, per auth source, which trigger
   * parameters it gives. Names of Secrets and keys are shown, never a value. Not validated.
   */
  public String describe() {
    StringBuilder text = new StringBuilder("TriggerAuthentication ").append(name == null ? "<unnamed>" : name);
    if (namespace != null) {
      text.append(" (namespace ").append(namespace).append(')');
    }
    TriggerAuthenticationSpec s = spec.get();
    if (s.getSecretTargetRef() != null) {
      s.getSecretTargetRef().forEach(ref -> text.append("\n  ").append(ref.getParameter()).append(" from Secret ")
          .append(ref.getName()).append(", key ").append(ref.getKey()));
    }
    if (s.getConfigMapTargetRef() != null) {
      s.getConfigMapTargetRef().forEach(ref -> text.append("\n  ").append(ref.getParameter())
          .append(" from ConfigMap ").append(ref.getName()).append(", key ").append(ref.getKey()));
    }
    if (s.getEnv() != null) {
      s.getEnv().forEach(env -> text.append("\n  ").append(env.getParameter()).append(" from environment variable ")
          .append(env.getName()));
    }
    if (s.getBoundServiceAccountToken() != null) {
      s.getBoundServiceAccountToken().forEach(token -> text.append("\n  ").append(token.getParameter())
          .append(" from a token of service account ").append(token.getServiceAccountName()));
    }
    if (s.getPodIdentity() != null) {
      text.append("\n  pod identity: ").append(s.getPodIdentity().getProvider());
    }
    for (var source : new Object[][] {{"file path", s.getFilePath()}, {"Azure Key Vault", s.getAzureKeyVault()},
        {"HashiCorp Vault", s.getHashiCorpVault()}, {"AWS Secrets Manager", s.getAwsSecretManager()},
        {"GCP Secret Manager", s.getGcpSecretManager()}, {"OAuth2", s.getOauth2()}}) {
      if (source[1] != null) {
        text.append("\n  ").append(source[0]);
      }
    }
    return text.toString();
  }

  /**
   * @throws ValidationException listing every violation of the CRD and of KEDA's admission rules
   */
  public TriggerAuthentication build() {
    return KedaValidation.requireValid(buildUnchecked(), "TriggerAuthentication " + name);
  }

  /** The same authentication as a cluster-wide ClusterTriggerAuthentication (no namespace). */
  public ClusterTriggerAuthentication buildCluster() {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Manifests.toTree(buildUnchecked());
    tree.put("kind", "ClusterTriggerAuthentication");
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("metadata")).remove("namespace");
    return KedaValidation.requireValid(Manifests.convert(tree, ClusterTriggerAuthentication.class),
        "ClusterTriggerAuthentication " + name);
  }
}
