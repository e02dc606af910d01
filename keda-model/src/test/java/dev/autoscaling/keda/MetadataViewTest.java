package dev.autoscaling.keda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The view of a trigger's metadata reads as the copy it replaced: the same entries, texts and order. */
class MetadataViewTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What KedaAdmission made before: a copy of the properties, each value as its text. */
  private static Map<String, String> copy(JsonNode given) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : given.properties()) {
      metadata.put(e.getKey(), e.getValue().asText());
    }
    return metadata;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"host\": \"amqp://h\", \"queueName\": \"q\", \"mode\": \"QueueLength\", \"value\": \"5\"}",
      "{\"z\": \"1\", \"a\": 2, \"m\": 2.50, \"b\": true, \"n\": null, \"o\": {\"x\": 1}, \"l\": [1, 2], \"e\": \"\"}",
      "[\"host\", \"q\"]",
      "\"host\"",
      "null",
      "7"})
  void shouldReadAsTheCopy(String json) throws Exception {
    JsonNode given = MAPPER.readTree(json);
    Map<String, String> copy = copy(given);
    MetadataView view = new MetadataView(given);

    assertThat(new ArrayList<>(view.entrySet())).isEqualTo(new ArrayList<>(copy.entrySet()));
    assertThat(view).hasSize(copy.size()).isEqualTo(copy);
    List<String> probes = new ArrayList<>(copy.keySet());
    probes.addAll(List.of("host", "x", "", "missing"));
    for (String key : probes) {
      assertThat(view.get(key)).as(key).isEqualTo(copy.get(key));
      assertThat(view.containsKey(key)).as(key).isEqualTo(copy.containsKey(key));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": \"1\"}", "[]"})
  void shouldNotFindKeysThatAreNotTexts(String json) throws Exception {
    MetadataView view = new MetadataView(MAPPER.readTree(json));

    assertThat(view.get(1)).isNull();
    assertThat(view.get(null)).isNull();
    assertThat(view.containsKey(null)).isFalse();
  }
}
