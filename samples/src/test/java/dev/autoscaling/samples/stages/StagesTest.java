package dev.autoscaling.samples.stages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stage's main class runs, against the embedded API server, and prints its plan and result. */
class StagesTest {

  @ParameterizedTest
  @ValueSource(strings = {"CreateCluster", "DeployStore", "ConfigureKedaScaler", "GenerateLoad", "TaintSystemPool",
      "ArmNodePool", "AzureLinuxNodeClass"})
  void shouldRunEachStageMain(String stage) throws Exception {
    // Given
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Method main = Class.forName("dev.autoscaling.samples.stages." + stage).getMethod("main", String[].class);

    // When
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }

    // Then
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("## ").contains("stage done:");
  }
}
