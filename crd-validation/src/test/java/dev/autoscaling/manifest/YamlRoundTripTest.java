package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.testing.YamlStrings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link Manifests#toYaml} writes, {@link Manifests#parseAll} (kubectl's reading) reads back unchanged. */
class YamlRoundTripTest {

  private static JsonNode roundTrip(Object value) {
    List<JsonNode> documents = Manifests.parseAll(Manifests.toYaml(value));
    assertThat(documents).hasSize(1);
    return documents.get(0);
  }

  @Example
  void shouldReadBackEveryTrickyStringAsValueAndAsKey() {
    for (String text : YamlStrings.TRICKY) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("value", text);
      map.put(text, "key");
      map.put("list", List.of(text));

      assertThat(roundTrip(map)).as("%s written as%n%s", text, Manifests.toYaml(map)).isEqualTo(Manifests.toTree(map));
    }
  }

  @Example
  void shouldQuoteTheStringsTheIssueNamedAndNothingThatReadsBackAsText() {
    String yaml = Manifests.toYaml(Map.of("sha", "5e10723", "hex", "0x10", "cpu", "500m"));

    assertThat(yaml).contains("sha: \"5e10723\"").contains("hex: \"0x10\"").contains("cpu: 500m");
  }

  @Property(tries = 2_000)
  void shouldReadBackAnyString(@ForAll("strings") String text) {
    Map<String, Object> map = Map.of("value", text, "k" + text.hashCode(), List.of(text));

    assertThat(roundTrip(map)).isEqualTo(Manifests.toTree(map));
  }

  @Property(tries = 500)
  void shouldReadBackAnyKey(@ForAll("strings") String key) {
    Map<String, Object> map = Map.of(key, 1);

    assertThat(roundTrip(map)).isEqualTo(Manifests.toTree(map));
  }

  @Property(tries = 500)
  void shouldReadBackAnyTree(@ForAll("trees") Object tree) {
    JsonNode expected = Manifests.toTree(Map.of("root", tree));
    JsonNode actual = roundTrip(Map.of("root", tree));

    // an int64 is an int64 to the API server, whether Java held it in an int or a long
    assertThat(actual.equals(YamlRoundTripTest::sameValue, expected)).as("%s read back as %s", expected, actual)
        .isTrue();
  }

  private static int sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  @Provide
  Arbitrary<String> strings() {
    return YamlStrings.strings();
  }

  @Provide
  Arbitrary<Object> trees() {
    Arbitrary<Object> scalars = Arbitraries.oneOf(
        YamlStrings.strings().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        // kubectl sends a whole float as an integer: whole doubles come back as integers, by design
        Arbitraries.doubles().filter(d -> d != Math.rint(d) && Double.isFinite(d)).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(YamlStrings.strings(), inner).ofMaxSize(4).map(m -> (Object) m)), 0, 4);
  }
}
