package dev.autoscaling.karpenter;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.testing.YamlStrings;
import dev.autoscaling.validation.ValidationException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade's {@code toYaml()} reads back, as kubectl reads it, as exactly the NodePool it built. */
class NodePoolYamlRoundTripTest {

  private static NodePoolDefinition pool(String note) {
    return NodePools.arm64().linux().onDemand().skuFamily("D").named("arm-nodepool")
        .nodeClass(AKSNodeClasses.reference("default")).annotation("example.com/note", note);
  }

  @Property(tries = 300)
  void shouldReadBackAnyAnnotationValue(@ForAll("strings") String note) {
    String yaml;
    try {
      yaml = pool(note).toYaml();
    } catch (ValidationException e) {
      Assume.that(false);
      return;
    }

    assertThat(Manifests.parseAll(yaml)).singleElement().isEqualTo(Manifests.toTree(pool(note).build()));
  }

  @Provide
  Arbitrary<String> strings() {
    return YamlStrings.strings();
  }
}
