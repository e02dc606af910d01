package dev.autoscaling.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.List;

/**
 * The documents of a JSON stream ({@code {...}{...}}, what kubectl takes for JSON when the input starts with a brace),
 * one at a time, built as kubectl hands them to the API server: a field set twice reported, integers as int64 (larger
 * ones as the float64 Go's decoder makes of them). When one of the first two documents fails, kubectl reads the rest
 * as YAML instead; {@link FallBack} says from where.
 */
final class JsonDocuments {

  /** The stream is not JSON after all: read it as YAML from this char offset and line. */
  static final class FallBack extends Exception {
    final long offset;
    final int line;

    FallBack(long offset, int line) {
      super(null, null, false, false);
      this.offset = offset;
      this.line = line;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long READ_AHEAD = 64 * 1024; // far more than Jackson's own buffer

  private final ReplayReader in;
  private final String source;
  private final ManifestLimits limits;
  private final JsonParser parser;
  private int read;
  private long lastEnd;
  private int lastEndLine = 1;
  private boolean done;

  JsonDocuments(ReplayReader in, String source, ManifestLimits limits) throws IOException {
    this.in = in;
    this.source = source;
    this.limits = limits;
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(Integer.MAX_VALUE) // the tree's own bound answers first, and the rest is skipped
        .maxStringLength(limits.documentChars())
        .build()).build();
    this.parser = factory.createParser(in);
  }

  /** The next document, or null at the end of the stream (or after an error that ends it). */
  YamlDocuments.Parsed next() throws IOException, FallBack {
    if (done) {
      return null;
    }
    TreeAssembler tree = new TreeAssembler(limits.depth());
    int line = lastEndLine;
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        done = true;
        return null;
      }
      JsonLocation start = parser.currentTokenLocation();
      line = start.getLineNr();
      String tooLarge = "the document starting at line " + line + " exceeds "
          + ManifestLimits.size(limits.documentChars(), "characters") + ", the API server's request limit";
      in.limit(start.getCharOffset() + limits.documentChars() + READ_AHEAD, source, tooLarge);
      try {
        build(token, tree);
      } catch (TreeAssembler.Refused e) {
        skipRest(tree.depth() + (parser.currentToken().isStructStart() ? 1 : 0));
        finish(tooLarge, start);
        return new YamlDocuments.Parsed(line, null, List.of(new ManifestProblem("", e.line, 0, e.getMessage())));
      }
      finish(tooLarge, start);
      return new YamlDocuments.Parsed(line, tree.root(), tree.problems());
    } catch (StreamConstraintsException e) {
      throw new UnreadableInputException(source, "the document starting at line " + line + " exceeds "
          + ManifestLimits.size(limits.documentChars(), "characters") + ", the API server's request limit");
    } catch (JsonProcessingException e) {
      if (read < 2 && in.canRewindTo(lastEnd)) {
        done = true;
        throw new FallBack(lastEnd, lastEndLine);
      }
      done = true;
      JsonLocation at = e.getLocation();
      int errorLine = at == null ? line : at.getLineNr();
      return new YamlDocuments.Parsed(line, null, List.of(new ManifestProblem("", errorLine,
          at == null ? 0 : at.getColumnNr(), SafeMessages.json(e.getOriginalMessage()))));
    }
  }

  private void finish(String tooLarge, JsonLocation start) {
    in.limit(Long.MAX_VALUE, null, null);
    JsonLocation end = parser.currentLocation();
    if (end.getCharOffset() - start.getCharOffset() > limits.documentChars()) {
      throw new UnreadableInputException(source, tooLarge);
    }
    lastEnd = end.getCharOffset();
    lastEndLine = end.getLineNr();
    read++;
    if (read == 1) {
      in.keepFrom(lastEnd);
    } else if (read == 2) {
      in.stopRecording(); // from the third document on, kubectl no longer falls back to YAML
    }
  }

  private void build(JsonToken first, TreeAssembler tree) throws IOException, TreeAssembler.Refused {
    JsonToken token = first;
    while (true) {
      int line = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY || token == JsonToken.FIELD_NAME
          ? parser.currentTokenLocation().getLineNr() : 0;
      switch (token) {
        case START_OBJECT -> tree.startObject(null, line);
        case START_ARRAY -> tree.startArray(null, line);
        case END_OBJECT, END_ARRAY -> tree.end();
        case FIELD_NAME -> tree.key(parser.currentName(), line);
        case VALUE_STRING -> tree.value(NODES.textNode(parser.getText()), 1, 1, line);
        case VALUE_NUMBER_INT -> tree.value(switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getDoubleValue()); // past int64 Go's JSON decoder makes a float64
        }, 1, 1, line);
        case VALUE_NUMBER_FLOAT -> {
          double value = parser.getDoubleValue();
          if (Double.isInfinite(value)) {
            throw new TreeAssembler.Refused("a number beyond the float64 range",
                parser.currentTokenLocation().getLineNr());
          }
          tree.value(NODES.numberNode(value), 1, 1, line);
        }
        case VALUE_TRUE, VALUE_FALSE -> tree.value(NODES.booleanNode(token == JsonToken.VALUE_TRUE), 1, 1, line);
        case VALUE_NULL -> tree.value(NODES.nullNode(), 1, 1, line);
        default -> throw new IllegalStateException("unexpected JSON token " + token);
      }
      if (tree.depth() == 0) {
        return;
      }
      token = parser.nextToken();
      if (token == null) {
        throw new IllegalStateException("JSON stream ended inside a value");
      }
    }
  }

  /** Reads past the rest of a refused document without building it. */
  private void skipRest(int open) throws IOException {
    while (open > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
  }
}
