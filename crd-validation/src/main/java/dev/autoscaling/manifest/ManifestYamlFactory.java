package dev.autoscaling.manifest;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.Writer;

/**
 * Jackson's YAML factory with one change to how multi-line strings are written: Jackson writes every string with a
 * newline as a literal block ({@code |}), but a carriage return or a Unicode line separator in a block is read back
 * as a plain newline (YAML normalises line breaks), so such strings are written double-quoted, with escapes.
 */
final class ManifestYamlFactory extends YAMLFactory {

  private static final long serialVersionUID = 1L;

  ManifestYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private ManifestYamlFactory(ManifestYamlFactory source, ObjectCodec codec) {
    super(source, codec);
  }

  @Override
  public YAMLFactory copy() {
    return new ManifestYamlFactory(this, null);
  }

  @Override
  protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
    return new Generator(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out,
        _version);
  }

  private static final class Generator extends YAMLGenerator {

    Generator(IOContext context, int features, int yamlFeatures, StringQuotingChecker quoting, ObjectCodec codec,
        Writer out, DumperOptions.Version version) throws IOException {
      super(context, features, yamlFeatures, quoting, codec, out, version);
    }

    @Override
    public void writeString(String text) throws IOException {
      if (text != null && text.indexOf('\n') >= 0 && !blockSafe(text)) {
        _verifyValueWrite("write String value");
        _writeScalar(text, "string", DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        return;
      }
      super.writeString(text);
    }

    private static boolean blockSafe(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return false;
        }
      }
      return true;
    }
  }
}
