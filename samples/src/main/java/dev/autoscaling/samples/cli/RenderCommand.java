package dev.autoscaling.samples.cli;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.WorkshopStage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code workshop render}: the workshop's manifests, built with the SDK, as YAML for kubectl or GitOps. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the workshop's six manifests, built with the SDK, as YAML.",
        "Without --out: one multi-document YAML stream on standard output",
        "(`workshop render | workshop validate -` checks it).",
        "With --out DIR: one file per object, one folder per workshop file:",
        "  DIR/virtual-worker-scaler/    Secret, TriggerAuthentication, ScaledObject",
        "  DIR/arm-nodepool-profile/     NodePool arm-nodepool, default AKSNodeClass",
        "  DIR/arm-nodepool-profile_v2/  AKSNodeClass default-azurelinux, NodePool",
        "                                arm-nodepool on it",
        "Apply a folder with: kubectl apply -f DIR/<folder>",
        "The Secret's data is base64-encoded, which is not encryption: treat the",
        "output as secret."})
final class RenderCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", description = "Write one file per object into DIR instead of printing.")
  Path out;

  @Option(names = "--rabbitmq-username", paramLabel = "USER", defaultValue = "${env:RABBITMQ_USERNAME:-username}",
      description = "RabbitMQ user for KEDA's scaler (env RABBITMQ_USERNAME; default: the demo's '${DEFAULT-VALUE}').")
  String rabbitMqUsername;

  // Read from the environment rather than an option: a password on the command line shows in the process list.
  @Option(names = "--rabbitmq-password-env", paramLabel = "VAR", defaultValue = "RABBITMQ_PASSWORD",
      description = "Environment variable holding the RabbitMQ password (default: ${DEFAULT-VALUE}; "
          + "unset: the demo's password).")
  String rabbitMqPasswordEnv;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String password = System.getenv(rabbitMqPasswordEnv);
    RabbitMqCredentials credentials = password == null
        ? RabbitMqCredentials.workshopDefaults().withUsername(rabbitMqUsername)
        : RabbitMqCredentials.of(rabbitMqUsername, password);
    List<WorkshopStage> stages = WorkshopManifests.stages(credentials);
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      for (WorkshopStage stage : stages) {
        stdout.print(Manifests.toYaml(stage.objects()));
      }
      stdout.flush();
      return 0;
    }
    for (WorkshopStage stage : stages) {
      Path folder;
      try {
        folder = Files.createDirectories(out.resolve(stage.name()));
      } catch (IOException e) {
        throw IoFailures.cannot("create folder", e);
      }
      int index = 1;
      for (HasMetadata object : stage.objects()) {
        Path file = folder.resolve(String.format(Locale.ROOT, "%02d-%s-%s.yaml",
            index++, object.getKind().toLowerCase(Locale.ROOT), object.getMetadata().getName()));
        try {
          Files.writeString(file, Manifests.toYaml(object), StandardCharsets.UTF_8);
          if (object instanceof Secret) {
            ownerOnly(file);
          }
        } catch (IOException e) {
          throw IoFailures.cannot("write", e);
        }
        spec.commandLine().getErr().println("wrote " + file);
      }
    }
    return 0;
  }

  private static void ownerOnly(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
