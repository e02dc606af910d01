package dev.autoscaling.build;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Set;

/**
 * An annotation processor that processes nothing: while javac runs the processors, it keeps sundrio's progress bar
 * off the console. sundrio 0.230's builder processor writes {@code ESC[2K nn% Generating: Type\r} to
 * {@code System.err} for every class it generates, with no option to turn it off; Maven runs javac in its own JVM,
 * so the bar goes through {@code mvn -q} and into CI logs. Everything else written to {@code System.err} passes
 * through unchanged, and the original stream is put back when processing is over.
 *
 * <p>It must come first on the processor path (javac initialises processors in path order), before sundrio's.
 */
@SupportedAnnotationTypes("*")
public final class ProgressBarFilter extends AbstractProcessor {

  private PrintStream original;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    original = System.err;
    // the encoding System.err was made with (PrintStream.charset() is Java 18)
    String encoding = System.getProperty("sun.stderr.encoding");
    Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
    System.setErr(new PrintStream(new ProgressLineFilter(original), true, charset));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    if (roundEnv.processingOver() && original != null) {
      System.err.flush();
      System.setErr(original);
      original = null;
    }
    // claims nothing: every annotation stays for the processors after this one
    return false;
  }
}
