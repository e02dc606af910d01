package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops a property Jackson found only through a getter when an explicitly named property differs from it by case
 * alone.
 *
 * <p>Why: a CRD field whose name starts with a capital (KEDA's ScaledJob {@code status.Paused}) becomes a field
 * annotated {@code @JsonProperty("Paused")} with a getter {@code getPaused()}. Jackson reads the getter as a second
 * property, {@code paused}, and writes the value twice. The explicit name is the one the schema has.
 */
final class ExplicitNameWins extends BeanSerializerModifier {

  @Override
  public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
      List<BeanPropertyWriter> writers) {
    Set<String> explicit = new HashSet<>();
    Set<String> implicit = new HashSet<>();
    for (BeanPropertyDefinition property : bean.findProperties()) {
      (property.isExplicitlyNamed() ? explicit : implicit).add(property.getName());
    }
    Set<String> explicitFolded = new HashSet<>();
    explicit.forEach(name -> explicitFolded.add(name.toLowerCase(Locale.ROOT)));

    List<BeanPropertyWriter> kept = new ArrayList<>(writers.size());
    for (BeanPropertyWriter writer : writers) {
      String name = writer.getName();
      boolean shadow = implicit.contains(name) && !explicit.contains(name)
          && explicitFolded.contains(name.toLowerCase(Locale.ROOT));
      if (!shadow) {
        kept.add(writer);
      }
    }
    return kept;
  }
}
