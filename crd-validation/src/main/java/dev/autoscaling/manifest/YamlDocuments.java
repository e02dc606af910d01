package dev.autoscaling.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of one YAML chunk (the text between two {@code ---} lines, as kubectl splits a stream) as JSON
 * trees, read from SnakeYAML's events: anchors, aliases and merge keys resolved, with aliasing and nesting bounded;
 * scalars resolved as kubectl's go-yaml v2 does.
 */
final class YamlDocuments {

  /** One document of the chunk: its tree (null when unreadable), where it starts, what is wrong with it. */
  record Parsed(int line, JsonNode tree, List<ManifestProblem> problems) {
  }

  /** What an anchor stands for: the node, how many nodes it holds, how deep it goes. */
  private record Anchored(JsonNode node, int nodes, int height) {
  }

  private final ManifestLimits limits;
  private final LoaderOptions options = new LoaderOptions();

  YamlDocuments(ManifestLimits limits) {
    this.limits = limits;
    options.setCodePointLimit(Integer.MAX_VALUE); // the chunk is bounded already
    options.setProcessComments(false);
  }

  /** Every document of the chunk; lines are counted from {@code firstLine}, the chunk's first line in the input. */
  List<Parsed> read(String chunk, int firstLine) {
    List<Parsed> documents = new ArrayList<>(1);
    ParserImpl parser = new ParserImpl(new StreamReader(chunk), options);
    int offset = firstLine - 1;
    TreeAssembler tree = null;
    Map<String, Anchored> anchors = new HashMap<>();
    int aliased = 0;
    try {
      while (true) {
        Event event = parser.getEvent();
        int line = event.getStartMark().getLine() + 1 + offset;
        switch (event.getEventId()) {
          case DocumentStart -> {
            tree = new TreeAssembler(limits.depth());
            anchors.clear();
            aliased = 0;
          }
          case DocumentEnd -> {
            if (tree.root() != null && !tree.root().isNull()) {
              documents.add(new Parsed(tree.rootLine(), tree.root(), tree.problems()));
            }
            tree = null;
          }
          case StreamEnd -> {
            return documents;
          }
          case MappingStart, SequenceStart -> {
            if (tree.expectsKey()) {
              throw new TreeAssembler.Refused("a mapping or sequence cannot be a JSON field name", line);
            }
            CollectionStartEvent start = (CollectionStartEvent) event;
            if (event.getEventId() == Event.ID.MappingStart) {
              tree.startObject(start.getAnchor(), line);
            } else {
              tree.startArray(start.getAnchor(), line);
            }
          }
          case MappingEnd, SequenceEnd -> {
            TreeAssembler.Frame done = tree.end();
            if (done.anchor != null) {
              anchors.put(done.anchor, new Anchored(done.node, done.nodes, done.height));
            }
          }
          case Scalar -> scalar((ScalarEvent) event, tree, anchors, line);
          case Alias -> {
            Anchored target = anchors.get(((AliasEvent) event).getAnchor());
            if (target == null) {
              // go-yaml also refuses an alias to an anchor still open: a recursive structure has no JSON form
              throw new TreeAssembler.Refused("an alias to an anchor not defined before it", line);
            }
            if (tree.expectsKey()) {
              keyOf(tree, target.node(), line);
              break;
            }
            aliased += target.nodes();
            if (aliased > limits.aliasedNodes()) {
              throw new TreeAssembler.Refused("document contains excessive aliasing: aliases and merge keys copy"
                  + " more than " + limits.aliasedNodes() + " nodes, the reading limit", line);
            }
            tree.value(target.node().deepCopy(), target.nodes(), target.height(), line);
          }
          default -> {
            // StreamStart, comments
          }
        }
      }
    } catch (TreeAssembler.Refused e) {
      documents.add(new Parsed(e.line, null, List.of(new ManifestProblem("", e.line, 0, e.getMessage()))));
      skipToNextDocument(parser, documents, chunk, offset);
      return documents;
    } catch (YAMLException e) {
      documents.add(syntaxError(e, chunk, offset, firstLine));
      return documents;
    }
  }

  private static void scalar(ScalarEvent event, TreeAssembler tree, Map<String, Anchored> anchors, int line)
      throws TreeAssembler.Refused {
    String tag = event.getTag();
    boolean plain = event.isPlain();
    try {
      if (tree.expectsKey()) {
        if (plain && event.getValue().equals("<<") && tag == null || (YamlScalars.TAG + "merge").equals(tag)) {
          tree.mergeKey();
          return;
        }
        Object key = YamlScalars.value(event.getValue(), tag, plain);
        if (event.getAnchor() != null) {
          anchors.put(event.getAnchor(), new Anchored(YamlScalars.toNode(key), 1, 1));
        }
        tree.key(YamlScalars.toKey(key), line);
        return;
      }
      JsonNode value = YamlScalars.toNode(YamlScalars.value(event.getValue(), tag, plain));
      if (event.getAnchor() != null) {
        anchors.put(event.getAnchor(), new Anchored(value, 1, 1));
      }
      tree.value(value, 1, 1, line);
    } catch (YamlScalars.Unconvertible e) {
      throw new TreeAssembler.Refused(e.getMessage(), line);
    }
  }

  private static void keyOf(TreeAssembler tree, JsonNode anchored, int line) throws TreeAssembler.Refused {
    try {
      tree.key(YamlScalars.toKey(anchored), line);
    } catch (YamlScalars.Unconvertible e) {
      throw new TreeAssembler.Refused(e.getMessage(), line);
    }
  }

  /** After a refused document, the chunk's later documents (after {@code ...}) are still read, or their error. */
  private void skipToNextDocument(ParserImpl parser, List<Parsed> documents, String chunk, int offset) {
    try {
      while (true) {
        Event event = parser.getEvent();
        if (event.getEventId() == Event.ID.DocumentEnd || event.getEventId() == Event.ID.StreamEnd) {
          break;
        }
      }
    } catch (YAMLException e) {
      return; // the refused document is reported; a syntax error further on in it adds nothing
    }
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return;
    }
    // rare: more documents in the same chunk, after an explicit end marker
    int consumed = parser.peekEvent().getStartMark().getIndex();
    int line = parser.peekEvent().getStartMark().getLine() + 1 + offset;
    documents.addAll(read(chunk.substring(consumed), line));
  }

  private static Parsed syntaxError(YAMLException e, String chunk, int offset, int firstLine) {
    int line = 0;
    int column = 0;
    String message;
    if (e instanceof MarkedYAMLException marked) {
      if (marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1 + offset;
        column = marked.getProblemMark().getColumn() + 1;
      }
      message = SafeMessages.yaml(marked.getContext(), marked.getProblem(),
          marked.getContextMark() == null ? 0 : marked.getContextMark().getLine() + 1 + offset);
    } else if (e instanceof ReaderException reader) {
      line = offset + 1;
      for (int i = 0; i < Math.min(reader.getPosition(), chunk.length()); i++) {
        if (chunk.charAt(i) == '\n') {
          line++;
        }
      }
      message = String.format("not valid YAML: special characters are not allowed (U+%04X)", reader.getCodePoint());
    } else {
      message = "not valid YAML";
    }
    return new Parsed(firstLine, null, List.of(new ManifestProblem("", line, column, message)));
  }
}
