package dev.autoscaling.aks;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of an {@link AksPlan}: what it does, the equivalent Azure CLI command, and the ARM request the SDK sends
 * ({@code bodyJson} is null when the request has no body). Nothing here is secret: the plan holds no token and no
 * kubeconfig, only resource names, settings, tags and (if the spec has one) the nodes' SSH public key.
 */
public record PlannedOperation(String description, List<String> azCommand, String armMethod, String armPath,
    @Nullable String bodyJson) {

  public PlannedOperation {
    azCommand = List.copyOf(azCommand);
  }

  /** The command as one shell line, arguments with spaces or shell characters single-quoted. */
  public String azCommandLine() {
    return azCommand.stream()
        .map(a -> a.matches("[A-Za-z0-9_./:=@,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  /** {@code PUT /subscriptions/...?api-version=...}. */
  public String armRequestLine() {
    return armMethod + " " + armPath;
  }
}
