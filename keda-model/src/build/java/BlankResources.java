import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step (run with the Java source launcher, not shipped; keda-model and karpenter-model both run this file):
 * gives every generated custom resource class a static {@code blank()}, a new object equal to the one its
 * no-argument constructor makes. fabric8's {@code CustomResource} constructor reads the class's annotations (group,
 * version, singular, plural, served, storage, deprecation) and joins the CRD name and apiVersion again for every
 * object, which cost the facades' {@code build()} about as much as filling in the rest of the model. {@code blank()}
 * copies an object made once ({@code Object.clone}: the same final fields, read once per class) and then does what
 * the constructor does with the mutable parts: a new empty {@code ObjectMeta}, {@code initSpec()},
 * {@code initStatus()}. The class gains {@code Cloneable} for that copy; {@code clone()} itself stays protected.
 *
 * <p>Usage: {@code java BlankResources.java GENERATED_SOURCES_DIR}
 */
public class BlankResources {

  private static final Pattern RESOURCE = Pattern.compile(
      "public class (\\w+) extends io\\.fabric8\\.kubernetes\\.client\\.CustomResource<[^{]*?implements ");

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int changed = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = RESOURCE.matcher(text);
        if (!m.find() || text.contains(" blank()")) {
          continue;
        }
        String name = m.group(1);
        int end = text.lastIndexOf('}');
        String rewritten = text.substring(0, m.end()) + "java.lang.Cloneable, " + text.substring(m.end(), end)
            + members(name) + text.substring(end);
        Files.writeString(file, rewritten, StandardCharsets.UTF_8);
        changed++;
      }
    }
    System.out.printf("%d custom resource classes given blank() in %s%n", changed, root);
  }

  private static String members(String name) {
    return """

        /** The object {@link #blank()} copies: made once, never handed out, never changed. */
        private static final NAME PROTOTYPE = new NAME();

        /**
         * A new NAME, equal to {@code new NAME()} (same apiVersion, kind, CRD name and flags, an empty
         * ObjectMeta, no spec or status), made without running fabric8's constructor again: that reads this class's
         * annotations for every object.
         */
        public static NAME blank() {
            final NAME copy;
            try {
                copy = (NAME) PROTOTYPE.clone();
            } catch (java.lang.CloneNotSupportedException e) {
                throw new java.lang.AssertionError(e);
            }
            copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
            copy.spec = copy.initSpec();
            copy.status = copy.initStatus();
            return copy;
        }
    """.replace("NAME", name);
  }
}
