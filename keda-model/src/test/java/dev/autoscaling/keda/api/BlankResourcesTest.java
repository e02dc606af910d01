package dev.autoscaling.keda.api;

import dev.autoscaling.keda.api.eventing.v1alpha1.CloudEventSource;
import dev.autoscaling.keda.api.eventing.v1alpha1.ClusterCloudEventSource;
import dev.autoscaling.keda.api.v1alpha1.ClusterTriggerAuthentication;
import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.keda.api.v1alpha1.ScaledObjectSpec;
import dev.autoscaling.keda.api.v1alpha1.TriggerAuthentication;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.client.CustomResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blank()} (added to every generated custom resource by the build's BlankResources step) makes the object the
 * no-argument constructor makes, and each one is its own: nothing of one blank object is shared with another.
 */
class BlankResourcesTest {

  private record Kind(Supplier<CustomResource<?, ?>> constructor, Supplier<CustomResource<?, ?>> blank) {
  }

  private static final List<Kind> KINDS = List.of(
      new Kind(ScaledObject::new, ScaledObject::blank),
      new Kind(ScaledJob::new, ScaledJob::blank),
      new Kind(TriggerAuthentication::new, TriggerAuthentication::blank),
      new Kind(ClusterTriggerAuthentication::new, ClusterTriggerAuthentication::blank),
      new Kind(CloudEventSource::new, CloudEventSource::blank),
      new Kind(ClusterCloudEventSource::new, ClusterCloudEventSource::blank));

  @Test
  void blankIsWhatTheConstructorMakes() {
    for (Kind kind : KINDS) {
      CustomResource<?, ?> made = kind.constructor().get();
      CustomResource<?, ?> blank = kind.blank().get();
      assertThat(blank).isEqualTo(made).hasSameClassAs(made);
      assertThat(seen(blank)).isEqualTo(seen(made));
      assertThat(blank.getSpec()).isNull();
      assertThat(blank.getStatus()).isNull();
    }
  }

  /** What fabric8, Lombok and Jackson make of an object. */
  private static List<Object> seen(CustomResource<?, ?> r) {
    return List.of(r.hashCode(), r.toString(), Manifests.toJson(r), Manifests.toYaml(r), r.getApiVersion(),
        r.getKind(), r.getCRDName(), r.getPlural(), r.getSingular(), r.getScope(), r.isServed(), r.isStorage(),
        r.isDeprecated(), String.valueOf(r.getDeprecationWarning()));
  }

  @Test
  void eachBlankIsItsOwn() {
    for (Kind kind : KINDS) {
      CustomResource<?, ?> first = kind.blank().get();
      first.getMetadata().setName("changed");
      first.getMetadata().getLabels().put("app", "changed");
      CustomResource<?, ?> second = kind.blank().get();
      assertThat(second.getMetadata()).isNotSameAs(first.getMetadata());
      assertThat(second).isEqualTo(kind.constructor().get());
      assertThat(second.getMetadata().getName()).isNull();
    }
    ScaledObject withSpec = ScaledObject.blank();
    withSpec.setSpec(new ScaledObjectSpec());
    assertThat(ScaledObject.blank().getSpec()).isNull();
  }
}
