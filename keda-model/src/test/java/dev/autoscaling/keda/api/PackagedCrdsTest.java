package dev.autoscaling.keda.api;

import dev.autoscaling.validation.testing.PinnedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Run-time validation reads exactly the schema the classes were generated from: the pinned CRD, unmodified. */
class PackagedCrdsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "keda.sh_scaledobjects.yaml", "keda.sh_scaledjobs.yaml", "keda.sh_triggerauthentications.yaml",
      "keda.sh_clustertriggerauthentications.yaml", "eventing.keda.sh_cloudeventsources.yaml",
      "eventing.keda.sh_clustercloudeventsources.yaml"})
  void shouldShipThePinnedCrdUnmodified(String file) throws Exception {
    try (InputStream packaged = getClass().getResourceAsStream("/META-INF/crds/keda/" + file)) {
      assertThat(packaged).as("META-INF/crds/keda/%s on the class path", file).isNotNull();
      assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(PinnedFiles.crd("keda/" + file)));
    }
  }
}
