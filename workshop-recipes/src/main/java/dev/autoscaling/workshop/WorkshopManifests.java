package dev.autoscaling.workshop;

import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClassBuilder;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.v1.NodePoolBuilder;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.Disruption;
import dev.autoscaling.karpenter.api.v1.nodepoolspec.template.spec.Requirements;
import dev.autoscaling.keda.TriggerAuthentications;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectBuilder;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthenticationBuilder;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.List;

/**
 * The manifests of the reference workshop ({@code shared/workshop/scaling-with-keda-and-karpenter.md}), built with
 * the generated builders. Each method returns a new object that says exactly what the workshop's YAML says.
 */
public final class WorkshopManifests {

  public static final String NAMESPACE = "pets";
  public static final String RABBITMQ_MANAGEMENT_HOST = "rabbitmq.pets.svc.cluster.local:15672";
  public static final String SCALER_SECRET = "rabbitmq-scaler-secret";
  public static final String TRIGGER_AUTHENTICATION = "trigger-auth-rabbitmq-conn";
  public static final String SCALED_OBJECT = "virtual-worker-rabbitmq-scaledobject";
  public static final String VIRTUAL_WORKER = "virtual-worker";
  public static final String VIRTUAL_CUSTOMER = "virtual-customer";
  public static final String ARM_NODEPOOL = "arm-nodepool";
  public static final String AZURE_LINUX_NODECLASS = "default-azurelinux";
  /** The AKSNodeClass that Node Auto Provisioning ships. */
  public static final String DEFAULT_NODECLASS = "default";

  private WorkshopManifests() {
  }

  /**
   * The Secret holding the RabbitMQ management URL, credentials included. Kubernetes stores {@code data} base64
   * encoded: that is an encoding, not encryption; anyone who can read the Secret can read the password.
   */
  public static Secret rabbitMqScalerSecret(RabbitMqCredentials credentials) {
    return rabbitMqScalerSecret(WorkshopConfig.defaults().withRabbitMq(credentials));
  }

  /** The scaler Secret for this configuration's namespace and RabbitMQ user. */
  public static Secret rabbitMqScalerSecret(WorkshopConfig config) {
    return TriggerAuthentications.secret(SCALER_SECRET, config.namespace(), "host",
        config.rabbitMq().managementUrl(config.rabbitMqManagementHost()));
  }

  public static TriggerAuthentication rabbitMqTriggerAuthentication() {
    return rabbitMqTriggerAuthentication(WorkshopConfig.defaults());
  }

  public static TriggerAuthentication rabbitMqTriggerAuthentication(WorkshopConfig config) {
    return new TriggerAuthenticationBuilder()
        .withNewMetadata().withName(TRIGGER_AUTHENTICATION).withNamespace(config.namespace()).endMetadata()
        .withNewSpec()
        .addNewSecretTargetRef().withParameter("host").withName(SCALER_SECRET).withKey("host").endSecretTargetRef()
        .endSpec()
        .build();
  }

  public static ScaledObject virtualWorkerScaledObject() {
    return virtualWorkerScaledObject(WorkshopConfig.defaults());
  }

  public static ScaledObject virtualWorkerScaledObject(WorkshopConfig config) {
    return new ScaledObjectBuilder()
        .withNewMetadata().withName(SCALED_OBJECT).withNamespace(config.namespace()).endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef().withName(VIRTUAL_WORKER).endScaleTargetRef()
        .withMinReplicaCount(config.minReplicas())
        .withPollingInterval(config.pollingInterval())
        .addNewTrigger()
        .withType("rabbitmq")
        .addToMetadata("protocol", "http")
        .addToMetadata("queueName", config.queue())
        .addToMetadata("mode", "QueueLength")
        .addToMetadata("value", Integer.toString(config.queueThreshold()))
        .withNewAuthenticationRef().withName(TRIGGER_AUTHENTICATION).endAuthenticationRef()
        .endTrigger()
        .endSpec()
        .build();
  }

  /**
   * The arm64, on-demand, D-family NodePool, weighted above NAP's default, on the given AKSNodeClass: the
   * workshop applies it first on {@value #DEFAULT_NODECLASS}, then on {@value #AZURE_LINUX_NODECLASS}.
   */
  public static NodePool armNodePool(String nodeClassName) {
    return armNodePool(WorkshopConfig.defaults(), nodeClassName);
  }

  /** The arm64 NodePool with this configuration's SKU family. */
  public static NodePool armNodePool(WorkshopConfig config, String nodeClassName) {
    return new NodePoolBuilder()
        .withNewMetadata().withName(ARM_NODEPOOL).endMetadata()
        .withNewSpec()
        .withWeight(10)
        .withNewDisruption()
        .withConsolidationPolicy(Disruption.ConsolidationPolicy.WHENEMPTYORUNDERUTILIZED)
        .withConsolidateAfter("1s")
        .endDisruption()
        .withNewTemplate().withNewSpec()
        .withNewNodeClassRef().withGroup("karpenter.azure.com").withKind("AKSNodeClass").withName(nodeClassName)
        .endNodeClassRef()
        .addNewRequirement().withKey("kubernetes.io/arch").withOperator(Requirements.Operator.IN)
        .withValues("arm64").endRequirement()
        .addNewRequirement().withKey("kubernetes.io/os").withOperator(Requirements.Operator.IN)
        .withValues("linux").endRequirement()
        .addNewRequirement().withKey("karpenter.sh/capacity-type").withOperator(Requirements.Operator.IN)
        .withValues("on-demand").endRequirement()
        .addNewRequirement().withKey("karpenter.azure.com/sku-family").withOperator(Requirements.Operator.IN)
        .withValues(config.skuFamily()).endRequirement()
        .endSpec().endTemplate()
        .endSpec()
        .build();
  }

  public static AKSNodeClass azureLinuxNodeClass() {
    return azureLinuxNodeClass(WorkshopConfig.defaults());
  }

  /** The workshop's own AKSNodeClass, with this configuration's image family (AzureLinux by default). */
  public static AKSNodeClass azureLinuxNodeClass(WorkshopConfig config) {
    return new AKSNodeClassBuilder()
        .withNewMetadata()
        .withName(AZURE_LINUX_NODECLASS)
        .addToAnnotations("kubernetes.io/description", "General purpose AKSNodeClass for running Azure Linux nodes")
        .endMetadata()
        .withNewSpec().withImageFamily(config.imageFamilyValue()).endSpec()
        .build();
  }

  /** The workshop's three {@code kubectl apply -f} files, in the order it applies them. */
  public static List<WorkshopStage> stages(RabbitMqCredentials credentials) {
    return stages(WorkshopConfig.defaults().withRabbitMq(credentials));
  }

  public static List<WorkshopStage> stages(WorkshopConfig config) {
    return List.of(
        new WorkshopStage("virtual-worker-scaler", List.of(rabbitMqScalerSecret(config),
            rabbitMqTriggerAuthentication(config), virtualWorkerScaledObject(config))),
        new WorkshopStage("arm-nodepool-profile", List.of(armNodePool(config, DEFAULT_NODECLASS))),
        new WorkshopStage("arm-nodepool-profile_v2", List.of(
            azureLinuxNodeClass(config), armNodePool(config, AZURE_LINUX_NODECLASS))));
  }
}
