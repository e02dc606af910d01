package dev.autoscaling.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarFilterTest {

  /** Writes what sundrio's builder processor writes, and one ordinary message. */
  @SupportedAnnotationTypes("*")
  public static final class ChattyProcessor extends AbstractProcessor {
    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!roundEnv.processingOver()) {
        System.err.printf("\u001b[2K%3d%% Generating: %s\r", 0, "dev.example.FooBuilder");
        System.err.printf("\u001b[2K%3d%% Generating: %s\r", 50, "dev.example.BarBuilder");
        System.err.println("a message that stays");
      }
      return false;
    }
  }

  @Test
  void shouldDropTheProgressBarOfALaterProcessorAndKeepItsOtherOutput(@TempDir Path dir) throws Exception {
    // Given a source to compile with the filter first on the processor list, then a chatty processor
    Path source = Files.writeString(dir.resolve("Foo.java"), "class Foo {}");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // When
      boolean compiled = javac.getTask(null, null, null,
          List.of("-d", dir.toString(), "-processor",
              ProgressBarFilter.class.getName() + "," + ChattyProcessor.class.getName(),
              "-processorpath", System.getProperty("java.class.path")),
          null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();

      System.err.println("after compilation");

      // Then
      assertThat(compiled).isTrue();
    } finally {
      System.setErr(before);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .isEqualTo("a message that stays" + System.lineSeparator() + "after compilation" + System.lineSeparator());
  }

  @Test
  void shouldPassOnLinesThatOnlyBeginWithEscape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProgressLineFilter filter = new ProgressLineFilter(out)) {
      filter.write("\u001b[31mred\u001b[0m\n\u001b[2K 1% Generating: X\rplain".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b[31mred\u001b[0m\nplain");
  }
}
