package dev.autoscaling.workshop.step;

import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a step would do, without doing it: the Azure CLI commands, the kubectl commands and the manifests (already
 * validated by the step), plus notes a reader needs. {@link #render()} is deterministic text; Secret values are
 * never in it.
 */
public record StepPlan(String step, String title, List<List<String>> azCommands, List<String> kubectlCommands,
    List<HasMetadata> manifests, List<String> notes) {

  private static final Pattern SAFE_ARGUMENT = Pattern.compile("^[A-Za-z0-9_./:=,@%+-]+$");

  public StepPlan {
    azCommands = azCommands.stream().map(List::copyOf).toList();
    kubectlCommands = List.copyOf(kubectlCommands);
    manifests = List.copyOf(manifests);
    notes = List.copyOf(notes);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(step).append(": ").append(title).append('\n');
    for (String note : notes) {
      out.append("# ").append(note).append('\n');
    }
    for (List<String> command : azCommands) {
      out.append(shellLine(command)).append('\n');
    }
    for (String command : kubectlCommands) {
      out.append(command).append('\n');
    }
    if (!manifests.isEmpty()) {
      out.append(Manifests.toYaml(manifests.stream().map(StepPlan::redacted).toList()));
    }
    return out.toString();
  }

  /** One command as a POSIX shell would need it typed: arguments with spaces or quotes are single-quoted. */
  public static String shellLine(List<String> command) {
    return command.stream()
        .map(a -> SAFE_ARGUMENT.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  /** A Secret with each value replaced by a note: base64 is an encoding, so the real data would be readable. */
  static HasMetadata redacted(HasMetadata object) {
    if (!(object instanceof Secret secret)) {
      return object;
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().keySet().forEach(k -> data.put(k, "<redacted: base64 of a secret value>"));
    }
    Map<String, String> stringData = new LinkedHashMap<>();
    if (secret.getStringData() != null) {
      secret.getStringData().keySet().forEach(k -> stringData.put(k, "<redacted>"));
    }
    return new SecretBuilder(secret)
        .withData(data.isEmpty() ? null : data)
        .withStringData(stringData.isEmpty() ? null : stringData)
        .build();
  }
}
