package dev.autoscaling.keda;

import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.testing.YamlStrings;
import dev.autoscaling.validation.ValidationException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade's {@code toYaml()} reads back, as kubectl reads it, as exactly the object it built. */
class ScaledObjectYamlRoundTripTest {

  private static ScaledObjectDefinition worker(String queue) {
    return ScaledObjects.scaling("worker").named("worker").inNamespace("pets")
        .trigger(new RabbitmqTrigger().queueName(queue).mode(RabbitmqTrigger.Mode.QUEUE_LENGTH).value(10)
            .authenticationRef("rabbitmq-auth"));
  }

  @Example
  void shouldQuoteAQueueNamedLikeAHexNumber() {
    String yaml = worker("0x10").toYaml();

    assertThat(yaml).contains("queueName: \"0x10\"");
    assertThat(Manifests.parseAll(yaml).get(0).at("/spec/triggers/0/metadata/queueName").textValue())
        .isEqualTo("0x10");
  }

  @Property(tries = 300)
  void shouldReadBackAnyQueueName(@ForAll("strings") String queue) {
    String yaml;
    try {
      yaml = worker(queue).toYaml();
    } catch (ValidationException e) {
      Assume.that(false); // a name KEDA would refuse (empty, say) is not written at all
      return;
    }

    assertThat(Manifests.parseAll(yaml)).singleElement()
        .isEqualTo(Manifests.toTree(worker(queue).build()));
  }

  @Provide
  Arbitrary<String> strings() {
    return YamlStrings.strings();
  }
}
