package dev.autoscaling.workshop.validation;

import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.WorkshopStage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestValidatorTest {

  private static String workshopYaml() {
    List<HasMetadata> objects = new ArrayList<>();
    for (WorkshopStage stage : WorkshopManifests.stages(RabbitMqCredentials.workshopDefaults())) {
      objects.addAll(stage.objects());
    }
    return Manifests.toYaml(objects);
  }

  @Test
  void shouldAcceptEveryWorkshopManifestAndPassTheSecretThroughUnchecked() {
    // When
    List<CheckedDocument> checked = ManifestValidator.detectingProvider().validate("workshop.yaml", workshopYaml());

    // Then
    assertThat(checked).hasSize(6).noneMatch(CheckedDocument::hasErrors);
    // KEDA's own webhook warns about one line of the workshop: with minReplicaCount 1, pollingInterval is moot
    assertThat(checked).flatExtracting(d -> d.result().report().violations())
        .singleElement().satisfies(w -> {
          assertThat(w.isError()).isFalse();
          assertThat(w.path()).isEqualTo("spec.pollingInterval");
        });
    assertThat(checked).extracting(CheckedDocument::checkedAgainst).containsExactly(
        "not checked: a Kubernetes built-in kind", "KEDA v2.20.2", "KEDA v2.20.2",
        "Karpenter provider Azure v1.14.2", "Karpenter provider Azure v1.14.2", "Karpenter provider Azure v1.14.2");
  }

  @Test
  void shouldValidateTheModelObjectsThemselves() {
    assertThat(KedaCrds.validator().validate(WorkshopManifests.virtualWorkerScaledObject()).violations()).isEmpty();
    assertThat(KarpenterCrds.azure().validate(WorkshopManifests.armNodePool("default")).violations()).isEmpty();
    assertThat(KarpenterCrds.azure().validate(WorkshopManifests.azureLinuxNodeClass()).violations()).isEmpty();
  }

  @Test
  void shouldCheckANodePoolOnAnEc2NodeClassAgainstTheAwsCrds() {
    // An Azure-only label key is fine for AWS's copy of the NodePool CRD, and restricted in Azure's.
    String pool = """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: p}
        spec:
          template:
            spec:
              nodeClassRef: {group: GROUP, kind: NodeClass, name: default}
              requirements:
              - {key: kubernetes.azure.com/agentpool-name, operator: In, values: [x]}
        """;

    List<CheckedDocument> aws = ManifestValidator.detectingProvider()
        .validate("p.yaml", pool.replace("GROUP", "karpenter.k8s.aws"));
    List<CheckedDocument> azure = ManifestValidator.detectingProvider()
        .validate("p.yaml", pool.replace("GROUP", "karpenter.azure.com"));
    List<CheckedDocument> forced = ManifestValidator.forProvider(Provider.AZURE)
        .validate("p.yaml", pool.replace("GROUP", "karpenter.k8s.aws"));

    assertThat(aws.get(0).checkedAgainst()).isEqualTo("Karpenter provider AWS v1.14.1");
    assertThat(aws.get(0).hasErrors()).isFalse();
    assertThat(azure.get(0).result().report().errors()).extracting(Violation::message)
        .contains("label domain \"kubernetes.azure.com\" is restricted");
    assertThat(forced.get(0).hasErrors()).isTrue();
  }

  @Test
  void shouldReportUnreadableTextAsOneDocumentWithTheReason() {
    List<CheckedDocument> checked = ManifestValidator.detectingProvider().validate("x.yaml", "a: [\n");

    assertThat(checked).singleElement().satisfies(d -> {
      assertThat(d.hasErrors()).isTrue();
      assertThat(d.parsed()).isFalse();
      assertThat(d.location()).isEqualTo("x.yaml:1");
      assertThat(d.result().report().errors().get(0).message()).startsWith("line 2, column 1: not valid YAML: ");
    });
  }

  @Test
  void shouldAddKedasAdmissionRulesToTheSchemaForKedaKinds() {
    List<CheckedDocument> checked = ManifestValidator.detectingProvider().validate("so.yaml", """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: worker}
        spec:
          scaleTargetRef: {name: worker}
          idleReplicaCount: 0
          triggers:
          - {type: rabbitmq, metadata: {queueName: orders, host: 'amqp://u:p@rabbitmq:5672'}}
        """);

    assertThat(checked.get(0).result().report().errors()).extracting(Violation::path).containsExactlyInAnyOrder(
        "spec.idleReplicaCount", "spec.triggers[0].metadata[host]");
  }
  @Test
  void shouldCheckATriggerAgainstTheTriggerAuthenticationEarlierInTheSameInput() {
    // a SQL Server trigger whose authentication gives only the password: KEDA needs a host or a connection string
    String input = """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: sql-password, namespace: shop}
        spec:
          env: [{parameter: password, name: SQL_PASSWORD}]
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: invoices, namespace: shop}
        spec:
          jobTargetRef:
            template:
              spec:
                containers: [{name: invoicer, image: invoicer:1}]
          triggers:
          - type: mssql
            metadata: {query: "SELECT COUNT(*) FROM invoices", targetValue: "5", username: keda}
            authenticationRef: {name: sql-password}
        """;
    ManifestValidator validator = ManifestValidator.detectingProvider();

    List<CheckedDocument> together = validator.validate("invoices.yaml", input);

    assertThat(together).extracting(CheckedDocument::hasErrors).containsExactly(false, true);
    assertThat(together.get(1).result().report().violations()).filteredOn(Violation::isError)
        .extracting(Violation::path).containsExactly("spec.triggers[0].metadata[host]");
    // the same ScaledJob read on its own: the authentication may be in the cluster and give the host
    String alone = input.substring(input.indexOf("---") + 4);
    assertThat(validator.validate("job.yaml", alone)).noneMatch(CheckedDocument::hasErrors);
    // and in another namespace the authentication read first is not the one the trigger names
    assertThat(validator.validate("other.yaml", input.replace("namespace: shop}\nspec:\n  jobTargetRef",
        "namespace: billing}\nspec:\n  jobTargetRef"))).noneMatch(CheckedDocument::hasErrors);
  }
}
