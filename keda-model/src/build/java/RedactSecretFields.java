import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build step (run with the Java source launcher, not shipped): the generated models get lombok's
 * {@code @ToString}, which would print every field; this marks fields that hold secrets in plain text
 * (HashiCorp Vault's {@code token}, ...) with {@code @lombok.ToString.Exclude}, so no {@code toString} or log line
 * shows them.
 *
 * <p>Usage: {@code java RedactSecretFields.java GENERATED_SOURCES_DIR FIELD...}
 */
public class RedactSecretFields {

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Set<String> fields = java.util.Arrays.stream(args).skip(1).collect(java.util.stream.Collectors.toSet());
    int redacted = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String line : lines) {
          String trimmed = line.trim();
          for (String field : fields) {
            if (trimmed.matches("private [A-Za-z.]+ " + field + ";")) {
              out.append(line, 0, line.indexOf("private")).append("@lombok.ToString.Exclude\n");
              changed = true;
              redacted++;
            }
          }
          out.append(line).append('\n');
        }
        if (changed && !lines.contains("    @lombok.ToString.Exclude")) {
          Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        }
      }
    }
    System.out.printf("%d secret fields kept out of toString in %s%n", redacted, root);
  }
}
