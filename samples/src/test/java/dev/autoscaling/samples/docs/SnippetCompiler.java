package dev.autoscaling.samples.docs;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * javac, in-process, on sources held in memory, with the test class path (the SDK and what it brings), writing
 * class files into a directory. Errors come back with the line of the source they are on.
 */
final class SnippetCompiler {

  /** One compiler error: source name, line in that source, message. */
  record Error(String source, long line, String message) {
  }

  private SnippetCompiler() {
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String className, String text) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /**
   * Compiles the sources (fully qualified class name to text) into the directory; answers the errors, none when
   * it compiled.
   */
  static List<Error> compile(java.util.Map<String, String> sources, Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new Source(name, text)));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(), "-proc:none", "-Xlint:none", "-nowarn",
          "--class-path", System.getProperty("java.class.path") + File.pathSeparator + classes);
      javac.getTask(null, files, diagnostics, options, null, units).call();
    }
    List<Error> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        String source = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName();
        errors.add(new Error(source, diagnostic.getLineNumber(), diagnostic.getMessage(Locale.ROOT)));
      }
    }
    return errors;
  }
}
