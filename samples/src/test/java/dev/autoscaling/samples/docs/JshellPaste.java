package dev.autoscaling.samples.docs;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * How jshell cuts text pasted at its prompt into snippets, as its own input loop does: it reads line by line until
 * what it has is complete, then evaluates it one complete snippet after the other. A line that completes a
 * statement Java would continue on the next line (a chain whose next line starts with {@code .}) therefore becomes
 * a snippet of its own, with a semicolon jshell adds ({@link Completeness#COMPLETE_WITH_SEMI}).
 */
final class JshellPaste {

  /** One snippet jshell would evaluate: where it starts in the file, its text, and how jshell judged it. */
  record Snippet(int line, String source, Completeness completeness) {
  }

  private JshellPaste() {
  }

  static List<Snippet> snippets(SourceCodeAnalysis analysis, FencedBlock block) {
    List<Snippet> snippets = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int pendingLine = -1;
    for (int i = 0; i < block.lines().size(); i++) {
      if (pending.isEmpty()) {
        pendingLine = block.lineOf(i);
      }
      pending.append(block.lines().get(i)).append('\n');
      if (!analysis.analyzeCompletion(pending.toString()).completeness().isComplete()) {
        continue;
      }
      String source = pending.toString();
      int line = pendingLine;
      while (!source.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(source);
        if (!info.completeness().isComplete()) {
          break;
        }
        snippets.add(new Snippet(line, info.source().strip(), info.completeness()));
        line += (int) info.source().chars().filter(c -> c == '\n').count();
        source = info.remaining();
      }
      pending.setLength(0);
      pending.append(source.isBlank() ? "" : source);
    }
    if (!pending.toString().isBlank()) {
      snippets.add(new Snippet(pendingLine, pending.toString().strip(), Completeness.DEFINITELY_INCOMPLETE));
    }
    return snippets;
  }
}
