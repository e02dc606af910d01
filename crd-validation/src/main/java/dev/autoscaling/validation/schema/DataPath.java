package dev.autoscaling.validation.schema;

/**
 * Where a value sits in the object being validated ({@code spec.template.spec.requirements[0].key}), built one
 * step per level as the validator descends and rendered as text only when a violation needs it: almost every
 * value passes, and concatenating a path string for each of them cost more than checking the value.
 */
public final class DataPath {

  /** The object itself; renders as the empty string. */
  public static final DataPath ROOT = new DataPath(null, null, -1, false);

  private final DataPath parent;
  private final String name;
  private final int index;
  private final boolean mapKey;
  private String text;

  private DataPath(DataPath parent, String name, int index, boolean mapKey) {
    this.parent = parent;
    this.name = name;
    this.index = index;
    this.mapKey = mapKey;
  }

  /** A property: {@code spec.weight}. */
  public DataPath field(String property) {
    return new DataPath(this, property, -1, false);
  }

  /** A list item: {@code requirements[0]}. */
  public DataPath item(int position) {
    return new DataPath(this, null, position, false);
  }

  /** A map value, keyed by its key: {@code labels[team]}. */
  public DataPath key(String mapKey) {
    return new DataPath(this, mapKey, -1, true);
  }

  @Override
  public String toString() {
    if (text == null) {
      if (parent == null) {
        text = "";
      } else if (name == null) {
        text = parent + "[" + index + "]";
      } else if (mapKey) {
        text = parent + "[" + name + "]";
      } else {
        text = SchemaWalker.child(parent.toString(), name);
      }
    }
    return text;
  }
}
