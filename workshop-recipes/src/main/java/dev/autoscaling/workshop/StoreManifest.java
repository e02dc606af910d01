package dev.autoscaling.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AKS Store demo application the workshop deploys into its namespace ({@code kubectl apply -f <url> -n pets}):
 * read from the workshop's URL, from a file, or from the copy bundled into this jar at build time
 * ({@link #BUNDLED}, taken from the pinned fixtures) so that the embedded demo needs no network.
 */
public final class StoreManifest {

  /** The copy of {@code aks-store-all-in-one.yaml} packaged with the SDK. */
  public static final URI BUNDLED = URI.create("bundled:aks-store-all-in-one.yaml");

  private static final String RESOURCE = "/dev/autoscaling/workshop/aks-store-all-in-one.yaml";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StoreManifest() {
  }

  /** The text at this location. */
  public static String read(URI location) {
    try {
      return switch (location.getScheme() == null ? "file" : location.getScheme()) {
        case "bundled" -> {
          try (InputStream in = StoreManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("this build has no bundled store manifest (" + RESOURCE
                  + "): give the file with --store-manifest");
            }
            yield new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
        case "file" -> Files.readString(location.getScheme() == null ? Path.of(location.getPath())
            : Path.of(location), StandardCharsets.UTF_8);
        case "http", "https" -> download(location);
        default -> throw new IllegalArgumentException("store manifest " + location
            + ": use an https: URL, a file: URI or " + BUNDLED);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("store manifest " + location + ": " + e.getMessage(), e);
    }
  }

  private static String download(URI location) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(30))
          .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " (use --store-manifest FILE offline)");
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading", e);
    }
  }

  /**
   * The objects of the manifest, typed (Deployment, Service, ...), each placed in {@code namespace} as
   * {@code kubectl apply -n} does for objects that name none.
   *
   * @throws IllegalArgumentException if an object names another namespace: kubectl refuses that too
   */
  public static List<HasMetadata> objects(String text, String namespace) {
    List<HasMetadata> objects = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode document : Manifests.parseAll(text)) {
      HasMetadata object = SERIALIZATION.unmarshal(document.toString(), HasMetadata.class);
      String own = object.getMetadata().getNamespace();
      if (own != null && !own.equals(namespace)) {
        problems.add(object.getKind() + "/" + object.getMetadata().getName() + ": metadata.namespace " + own
            + " differs from the target namespace " + namespace + "; remove it or choose that namespace");
      }
      object.getMetadata().setNamespace(namespace);
      objects.add(object);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("store manifest:\n  " + String.join("\n  ", problems));
    }
    return objects;
  }
}
