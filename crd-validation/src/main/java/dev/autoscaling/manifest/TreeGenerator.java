package dev.autoscaling.manifest;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A Jackson generator that builds the JSON tree directly as the serializers write it.
 *
 * <p>Why: {@code ObjectMapper.valueToTree} writes every token into a buffer and then reads the buffer back into
 * a tree. Validating a freshly built object needs its tree on every {@code build()}, and the second pass cost
 * about as much as the first. Raw values cannot be put in a tree; writing one throws
 * {@link UnsupportedOperationException} and {@link Manifests#toTree} falls back to {@code valueToTree}.
 */
final class TreeGenerator extends GeneratorBase {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
  private String fieldName;
  private JsonNode root;

  TreeGenerator(ObjectCodec codec) {
    // no output, so no I/O context: what the deprecated two-argument constructor passes
    super(0, codec, (IOContext) null);
  }

  /** The tree written, or null when nothing was. */
  JsonNode result() {
    return root;
  }

  private void add(JsonNode value) {
    ContainerNode<?> parent = open.peek();
    if (parent == null) {
      root = value;
    } else if (parent instanceof ObjectNode object) {
      object.set(fieldName, value);
      fieldName = null;
    } else {
      ((ArrayNode) parent).add(value);
    }
  }

  private void value(JsonNode value) {
    _writeContext.writeValue();
    add(value);
  }

  @Override
  public void writeStartArray() {
    ArrayNode array = NODES.arrayNode();
    value(array);
    open.push(array);
    _writeContext = _writeContext.createChildArrayContext();
  }

  @Override
  public void writeEndArray() {
    open.pop();
    _writeContext = _writeContext.clearAndGetParent();
  }

  @Override
  public void writeStartObject() {
    ObjectNode object = NODES.objectNode();
    value(object);
    open.push(object);
    _writeContext = _writeContext.createChildObjectContext();
  }

  @Override
  public void writeStartObject(Object forValue) {
    writeStartObject();
    _writeContext.setCurrentValue(forValue);
  }

  @Override
  public void writeEndObject() {
    open.pop();
    _writeContext = _writeContext.clearAndGetParent();
  }

  @Override
  public void writeFieldName(String name) throws JsonProcessingException {
    if (_writeContext.writeFieldName(name) == com.fasterxml.jackson.core.json.JsonWriteContext.STATUS_EXPECT_VALUE) {
      _reportError("a field name where a value was expected: " + name);
    }
    fieldName = name;
  }

  @Override
  public void writeString(String text) {
    value(text == null ? NODES.nullNode() : NODES.textNode(text));
  }

  @Override
  public void writeString(char[] buffer, int offset, int length) {
    writeString(new String(buffer, offset, length));
  }

  @Override
  public void writeRawUTF8String(byte[] buffer, int offset, int length) {
    writeString(new String(buffer, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void writeUTF8String(byte[] buffer, int offset, int length) {
    writeString(new String(buffer, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
    value(NODES.binaryNode(Arrays.copyOfRange(data, offset, offset + length)));
  }

  @Override
  public void writeNumber(int number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeNumber(long number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeNumber(BigInteger number) {
    value(number == null ? NODES.nullNode() : NODES.numberNode(number));
  }

  @Override
  public void writeNumber(double number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeNumber(float number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeNumber(BigDecimal number) {
    value(number == null ? NODES.nullNode() : NODES.numberNode(number));
  }

  @Override
  public void writeNumber(String encoded) {
    if (encoded == null) {
      value(NODES.nullNode());
      return;
    }
    BigDecimal number = new BigDecimal(encoded);
    value(number.scale() <= 0 && encoded.indexOf('.') < 0 && encoded.indexOf('e') < 0 && encoded.indexOf('E') < 0
        ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number.doubleValue()));
  }

  @Override
  public void writeBoolean(boolean state) {
    value(NODES.booleanNode(state));
  }

  @Override
  public void writeNull() {
    value(NODES.nullNode());
  }

  @Override
  public void writeRaw(String text) {
    throw raw();
  }

  @Override
  public void writeRaw(String text, int offset, int length) {
    throw raw();
  }

  @Override
  public void writeRaw(char[] text, int offset, int length) {
    throw raw();
  }

  @Override
  public void writeRaw(char c) {
    throw raw();
  }

  @Override
  public void writeRawValue(String text) {
    throw raw();
  }

  private static UnsupportedOperationException raw() {
    return new UnsupportedOperationException("a raw value cannot be part of a tree");
  }

  @Override
  public void flush() {
    // nothing buffered: the tree is complete after each value
  }

  @Override
  protected void _releaseBuffers() {
    // no buffers
  }

  @Override
  protected void _verifyValueWrite(String typeMsg) {
    // the serializers write well-formed sequences; the tree is built as they come
  }
}
