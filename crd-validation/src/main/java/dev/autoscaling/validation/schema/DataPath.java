package dev.autoscaling.validation.schema;

import dev.autoscaling.validation.Excerpt;

import java.util.Arrays;

/**
 * Where a value sits in the object being validated ({@code spec.template.spec.requirements[0].key}).
 *
 * <p>One path follows the validator down and back up ({@link #enterField}, {@link #enterItem}, {@link #enterKey},
 * {@link #leave}) and is rendered as text only when a violation needs it: almost every value passes, and both a
 * path string and a path object per value cost more than checking the value. {@link #field}, {@link #item} and
 * {@link #key} give a separate path one step further, for violations that name a place below this one.
 */
public final class DataPath {

  private String[] names;
  /** The list position of each step, or -1 for a property or map key. */
  private int[] indexes;
  private boolean[] mapKeys;
  private int depth;

  private DataPath(int capacity) {
    names = new String[capacity];
    indexes = new int[capacity];
    mapKeys = new boolean[capacity];
  }

  /** The object itself; renders as the empty string. */
  public static DataPath root() {
    return new DataPath(16);
  }

  /** Goes down into a property: {@code spec.weight}. */
  public void enterField(String property) {
    push(property, -1, false);
  }

  /** Goes down into a list item: {@code requirements[0]}. */
  public void enterItem(int position) {
    push(null, position, false);
  }

  /** Goes down into a map value, keyed by its key: {@code labels[team]}. */
  public void enterKey(String mapKey) {
    push(mapKey, -1, true);
  }

  /** Goes back up one step. */
  public void leave() {
    names[--depth] = null;
  }

  /** A separate path to a property of the value here. */
  public DataPath field(String property) {
    DataPath copy = copy();
    copy.enterField(property);
    return copy;
  }

  /** A separate path to a list item of the value here. */
  public DataPath item(int position) {
    DataPath copy = copy();
    copy.enterItem(position);
    return copy;
  }

  /** A separate path to a map value of the value here. */
  public DataPath key(String mapKey) {
    DataPath copy = copy();
    copy.enterKey(mapKey);
    return copy;
  }

  private DataPath copy() {
    DataPath copy = new DataPath(depth + 4);
    System.arraycopy(names, 0, copy.names, 0, depth);
    System.arraycopy(indexes, 0, copy.indexes, 0, depth);
    System.arraycopy(mapKeys, 0, copy.mapKeys, 0, depth);
    copy.depth = depth;
    return copy;
  }

  private void push(String name, int index, boolean mapKey) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
      mapKeys = Arrays.copyOf(mapKeys, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    mapKeys[depth] = mapKey;
    depth++;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (indexes[i] >= 0) {
        text.append('[').append(indexes[i]).append(']');
      } else if (mapKeys[i]) {
        text.append('[').append(Excerpt.of(names[i])).append(']'); // keys and unknown fields are the user's
      } else {
        text.append(text.length() == 0 ? "" : ".").append(Excerpt.of(names[i]));
      }
    }
    return text.toString();
  }
}
