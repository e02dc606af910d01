package dev.autoscaling.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.aks.AzCommandMeaning;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.JsonTrees;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workshop plan}: every az command, kubectl command and manifest of the workshop, equal in meaning. */
class WorkshopPlanTest {

  private final String plan = Workshop.of(WorkshopConfig.defaults(), StoreManifest.read(StoreManifest.BUNDLED))
      .plan();
  private final WorkshopText workshop = WorkshopText.read();

  /** The system pool is found by mode, not by position: the query differs on purpose. */
  private static AzCommandMeaning meaning(String line) {
    return AzCommandMeaning.parse(line).without("--query");
  }

  private List<AzCommandMeaning> planned(String prefix) {
    return plan.lines().filter(l -> l.startsWith(prefix)).map(WorkshopPlanTest::meaning).toList();
  }

  @Test
  void shouldContainEveryAzCommandOfTheWorkshop() {
    // az account (choosing the subscription) and az extension (the CLI's preview extension) are about the CLI
    // itself; the SDK takes --subscription and calls ARM directly.
    List<String> commands = workshop.commands("az ").stream()
        .filter(c -> !c.startsWith("az account") && !c.startsWith("az extension")).toList();

    assertThat(commands).hasSize(8);
    List<AzCommandMeaning> planned = planned("az ");
    for (String command : commands) {
      assertThat(planned).as(command).contains(meaning(command));
    }
  }

  @Test
  void shouldContainEveryKubectlCommandThatChangesOrInspectsTheCluster() {
    // watch, events, exec and port-forward are the monitors' business (workshop watch ...)
    List<String> commands = workshop.commands("kubectl ").stream()
        .filter(c -> c.matches("kubectl (create|apply|scale|describe|get nodepool).*")).toList();

    assertThat(commands).hasSize(9);
    assertThat(plan.lines().toList()).containsAll(commands);
  }

  @Test
  void shouldContainEveryManifestOfTheWorkshopEqualInMeaning() {
    List<JsonNode> plannedDocuments = Manifests.parseAll(yamlOf(plan)).stream().map(JsonTrees::normalized).toList();

    int compared = 0;
    for (Map.Entry<String, String> file : workshop.heredocs().entrySet()) {
      for (JsonNode document : Manifests.parseAll(file.getValue())) {
        JsonNode expected = JsonTrees.normalized(document);
        if (expected.path("kind").asText().equals("Secret")) {
          // the plan never shows secret values: same object, same keys, values redacted
          JsonNode planned = plannedDocuments.stream().filter(d -> d.path("kind").asText().equals("Secret")
              && d.at("/metadata/name").equals(expected.at("/metadata/name"))).findFirst().orElseThrow();
          assertThat(withoutData(planned)).isEqualTo(withoutData(expected));
          assertThat(planned.path("data").fieldNames()).toIterable()
              .containsExactlyElementsOf(() -> expected.path("data").fieldNames());
          assertThat(planned.path("data").path("host").asText()).startsWith("<redacted");
        } else {
          assertThat(plannedDocuments).as(file.getKey()).contains(expected);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(6);
  }

  @Test
  void shouldNeverShowTheRabbitMqPassword() {
    String secret = "s3cret-Canary!";
    String withPassword = Workshop.of(WorkshopConfig.defaults()
        .withRabbitMq(RabbitMqCredentials.of("username", secret)), StoreManifest.read(StoreManifest.BUNDLED)).plan();

    assertThat(withPassword).doesNotContain(secret)
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(secret.getBytes()))
        .doesNotContain(RabbitMqCredentials.of("username", secret).managementUrl("x"));
  }

  @Test
  void shouldBeTheSameTextEveryTime() {
    assertThat(Workshop.of(WorkshopConfig.defaults(), StoreManifest.read(StoreManifest.BUNDLED)).plan())
        .isEqualTo(plan);
  }

  /** The YAML part of each step section: from its first document marker to the next section. */
  private static String yamlOf(String plan) {
    StringBuilder yaml = new StringBuilder();
    boolean inYaml = false;
    for (String line : plan.split("\n")) {
      if (line.startsWith("## ")) {
        inYaml = false;
      } else if (line.equals("---")) {
        inYaml = true;
      }
      if (inYaml) {
        yaml.append(line).append('\n');
      }
    }
    return yaml.toString();
  }

  private static JsonNode withoutData(JsonNode secret) {
    ObjectNode copy = secret.deepCopy();
    copy.remove("data");
    return copy;
  }
}
