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
import dev.autoscaling.validation.ValidationException;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * A TriggerAuthentication being described: immutable, each call returns a new definition. Every auth source of
 * KEDA v2.20: Secret, ConfigMap and environment references, pod identity, bound service-account tokens, a file
 * path, Azure Key Vault, HashiCorp Vault, AWS and GCP secret managers and OAuth2 (the last five as the generated
 * types). {@link #build()} validates against the CRD and KEDA's admission rules.
 */
public final class TriggerAuthenticationDefinition {

  private final String name;
  private final String namespace;
  private final TriggerAuthenticationSpec spec;

  TriggerAuthenticationDefinition(String name, String namespace, TriggerAuthenticationSpec spec) {
    this.name = name;
    this.namespace = namespace;
    this.spec = spec;
  }

  private TriggerAuthenticationDefinition with(java.util.function.Consumer<TriggerAuthenticationSpec> change) {
    // a deep copy through JSON keeps earlier definitions untouched
    TriggerAuthenticationSpec copy = Manifests.convert(Manifests.toTree(spec), TriggerAuthenticationSpec.class);
    change.accept(copy);
    return new TriggerAuthenticationDefinition(name, namespace, copy);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
    result.add(item);
    return result;
  }

  public TriggerAuthenticationDefinition inNamespace(String authenticationNamespace) {
    return new TriggerAuthenticationDefinition(name, authenticationNamespace, spec);
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
  public TriggerAuthenticationDefinition env(String parameter, String variable, String containerName) {
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
  public TriggerAuthenticationDefinition azureWorkloadIdentity(String identityId) {
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
    authentication.setSpec(Manifests.convert(Manifests.toTree(spec), TriggerAuthenticationSpec.class));
    return authentication;
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
