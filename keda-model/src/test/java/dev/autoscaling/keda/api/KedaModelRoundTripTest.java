package dev.autoscaling.keda.api;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.validation.testing.RoundTrip;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KedaModelRoundTripTest {

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("roundtrip/scaledobject.yaml", ScaledObject.class),
        Arguments.of("roundtrip/scaledjob.yaml", ScaledJob.class),
        Arguments.of("roundtrip/triggerauthentication.yaml", TriggerAuthentication.class),
        Arguments.of("roundtrip/clustertriggerauthentication.yaml", ClusterTriggerAuthentication.class),
        Arguments.of("roundtrip/cloudeventsource.yaml", CloudEventSource.class),
        Arguments.of("roundtrip/clustercloudeventsource.yaml", ClusterCloudEventSource.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("kinds")
  void shouldReadAndWriteBackEveryFieldOfARealisticManifest(String resource, Class<? extends HasMetadata> type) {
    HasMetadata parsed = RoundTrip.assertRoundTrip(resource, type);

    assertThat(parsed.getKind()).isEqualTo(type.getSimpleName());
  }
}
