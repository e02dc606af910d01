package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/workshop}, the launcher the README puts on the PATH, run by bash with a stand-in {@code java} that
 * prints the arguments it was given: which Java, which jar, which JVM options, and the user's arguments intact.
 */
class WorkshopLauncherTest {

  private static final Path LAUNCHER = Path.of("../bin/workshop").toAbsolutePath().normalize();

  private record Result(int exit, List<String> out, String err) {
  }

  private static Path fakeJava(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir.resolve("jdk");
  }

  private static Result launch(Path script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("WORKSHOP_JAR");
    builder.environment().remove("WORKSHOP_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldRunTheJarWithJavaHomesJavaTheOptionsAndTheArgumentsIntact(@TempDir Path dir) throws Exception {
    Path jdk = fakeJava(dir);
    Path jar = Files.writeString(dir.resolve("my workshop.jar"), "");

    Result result = launch(LAUNCHER, Map.of("JAVA_HOME", jdk.toString(), "WORKSHOP_JAR", jar.toString(),
        "WORKSHOP_JAVA_OPTS", "-Xmx256m  -Dfile.encoding=UTF-8"), "validate", "a file.yaml", "-");

    assertThat(result.exit).as(result.err).isZero();
    assertThat(result.out).containsExactly("[-Xmx256m]", "[-Dfile.encoding=UTF-8]", "[-jar]", "[" + jar + "]",
        "[validate]", "[a file.yaml]", "[-]");
  }

  @Test
  void shouldFindTheCheckoutsJarThroughALink(@TempDir Path dir) throws Exception {
    Path jdk = fakeJava(dir);
    Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("home/bin")).resolve("workshop"),
        LAUNCHER);
    Path checkoutJar = LAUNCHER.getParent().getParent().resolve("samples/target/workshop.jar");

    Result result = launch(link, Map.of("JAVA_HOME", jdk.toString()), "demo");

    // built or not, the jar it looks for is the checkout's
    Path archive = checkoutJar.resolveSibling("workshop.jsa");
    if (Files.exists(checkoutJar) && Files.exists(archive)) {
      assertThat(result.out).containsExactly("[-XX:SharedArchiveFile=" + archive + "]", "[-Xlog:cds=off]",
          "[-Xlog:cds+dynamic=off]", "[-jar]", "[" + checkoutJar + "]", "[demo]");
    } else if (Files.exists(checkoutJar)) {
      assertThat(result.out).containsExactly("[-jar]", "[" + checkoutJar + "]", "[demo]");
    } else {
      assertThat(result.exit).isEqualTo(ExitCode.USAGE.code());
      assertThat(result.err).contains(checkoutJar + " not found");
    }
  }

  @Test
  void shouldStartFromTheArchiveBesideTheJarAndValidateFilesAndFoldersWithTheClientCompilerOnly(@TempDir Path dir)
      throws Exception {
    Path jdk = fakeJava(dir);
    Path jar = Files.writeString(dir.resolve("w.jar"), "");
    Path archive = Files.writeString(dir.resolve("w.jsa"), "");
    Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "WORKSHOP_JAR", jar.toString());

    Result files = launch(LAUNCHER, env, "validate", "a.yaml");
    Result folder = launch(LAUNCHER, env, "validate", "a.yaml", dir.toString());
    Result stdin = launch(LAUNCHER, env, "validate", "-");
    Result demo = launch(LAUNCHER, env, "demo");

    List<String> cds = List.of("[-XX:SharedArchiveFile=" + archive + "]", "[-Xlog:cds=off]",
        "[-Xlog:cds+dynamic=off]");
    assertThat(files.out).startsWith(cds.toArray(String[]::new)).contains("[-XX:TieredStopAtLevel=1]");
    assertThat(folder.out).startsWith(cds.toArray(String[]::new)).contains("[-XX:TieredStopAtLevel=1]");
    assertThat(stdin.out).doesNotContain("[-XX:TieredStopAtLevel=1]");
    assertThat(demo.out).containsSequence(cds).doesNotContain("[-XX:TieredStopAtLevel=1]");
  }

  @Test
  void shouldSayWhatIsMissingInOneLine(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("w.jar"), "");

    Result noJar = launch(LAUNCHER, Map.of("WORKSHOP_JAR", dir.resolve("nope.jar").toString()), "demo");
    Result noJava = launch(LAUNCHER, Map.of("WORKSHOP_JAR", jar.toString(), "JAVA_HOME",
        dir.resolve("no-jdk").toString()), "demo");

    assertThat(noJar.exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(noJar.err.lines()).hasSize(1).first().asString().contains(dir.resolve("nope.jar") + " not found")
        .contains("set WORKSHOP_JAR");
    assertThat(noJava.exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(noJava.err.lines()).hasSize(1).first().asString().contains("no Java found")
        .contains("set JAVA_HOME");
  }
}
