package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** How the commands build the workshop: a store manifest that cannot be read is the user's to fix. */
final class Workshops {

  private Workshops() {
  }

  static Workshop load(WorkshopConfig config) {
    String store;
    try {
      store = StoreManifest.read(config.storeManifest());
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new UserError(e.getMessage() + (config.storeManifest().getScheme().startsWith("http")
          ? " (offline? give --store-manifest FILE, or --store-manifest " + StoreManifest.BUNDLED + ")" : ""));
    }
    return checked(() -> Workshop.of(config, store));
  }

  /** Runs a call whose IllegalArgumentException means bad input (a step name, a manifest), not a bug. */
  static <T> T checked(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
