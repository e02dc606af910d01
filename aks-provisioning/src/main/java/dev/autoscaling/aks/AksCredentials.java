package dev.autoscaling.aks;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * A cluster's user kubeconfig, as {@code az aks get-credentials} fetches it, held in memory. It becomes a fabric8
 * {@link Config} or {@link KubernetesClient} without touching the disk, and is written to a file only when asked
 * (owner-only, never over an existing file). Its content (a token or client key) is in no {@code toString} and no
 * exception message.
 */
public final class AksCredentials {

  private final String cluster;
  private final byte[] kubeconfig;

  AksCredentials(String cluster, byte[] kubeconfig) {
    this.cluster = cluster;
    this.kubeconfig = kubeconfig.clone();
  }

  /** The cluster, {@code resourceGroup/name}. */
  public String cluster() {
    return cluster;
  }

  /**
   * @throws IllegalStateException if the kubeconfig cannot be read; the message does not quote it (a parser's
   *     message could), so the parser's exception is not attached either
   */
  public Config toConfig() {
    try {
      return Config.fromKubeconfig(new String(kubeconfig, java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the kubeconfig AKS returned for " + cluster + " could not be read ("
          + e.getClass().getSimpleName() + "; content not shown)");
    }
  }

  /** A client for the cluster over the JDK HTTP client; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(toConfig()).build();
  }

  /**
   * Writes the kubeconfig to a new file readable and writable by its owner only ({@code rw-------}).
   *
   * @throws IllegalStateException if the file exists: a kubeconfig is never overwritten silently
   */
  public void writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(file, kubeconfig);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(file + " exists: choose another file, a kubeconfig is never overwritten");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public String toString() {
    return "AksCredentials[cluster=" + cluster + ", kubeconfig not shown]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AksCredentials other && cluster.equals(other.cluster)
        && Arrays.equals(kubeconfig, other.kubeconfig);
  }

  @Override
  public int hashCode() {
    return cluster.hashCode();
  }
}
