package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.WorkshopConfig;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code --store-manifest}: the AKS Store manifest. The copy bundled in the jar unless another is asked for, so that
 * no command needs the network (or {@code ../shared}) just to know what the store step applies.
 */
final class StoreManifestOption {

  @Option(names = "--store-manifest", paramLabel = "FILE|URL",
      description = "The AKS Store manifest (default: the copy bundled in the jar, pinned from the workshop's URL).")
  String storeManifest;

  WorkshopConfig applyTo(WorkshopConfig config) {
    return Workshops.checked(() -> {
      URI store = storeManifest == null ? StoreManifest.BUNDLED
          : storeManifest.matches("^[a-z]+:.*") ? URI.create(storeManifest) : Path.of(storeManifest).toUri();
      return config.withStoreManifest(store);
    });
  }
}
