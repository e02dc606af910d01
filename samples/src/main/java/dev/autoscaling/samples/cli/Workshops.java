package dev.autoscaling.samples.cli;

import dev.autoscaling.workshop.RabbitMqCredentials;
import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.Workshop;
import dev.autoscaling.workshop.WorkshopConfig;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** How the commands build the workshop: a store manifest that cannot be read is the user's to fix. */
final class Workshops {

  private Workshops() {
  }

  /**
   * The workshop's values, with the bundled store manifest (the commands' options change them) and the RabbitMQ
   * credentials of the environment (RABBITMQ_USERNAME / RABBITMQ_PASSWORD), if set.
   */
  static WorkshopConfig defaults() {
    WorkshopConfig config = WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED);
    String password = System.getenv("RABBITMQ_PASSWORD");
    if (password != null) {
      config = config.withRabbitMq(RabbitMqCredentials.of(
          System.getenv().getOrDefault("RABBITMQ_USERNAME", "username"), password));
    }
    return config;
  }

  static Workshop load(WorkshopConfig config) {
    String store;
    try {
      store = StoreManifest.read(config.storeManifest());
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // an exception without a message (ConnectException offline) is named by its type, never as "null"
      String reason = e.getMessage() == null || e.getMessage().endsWith(": null")
          ? "store manifest " + config.storeManifest() + ": " + KubeOptions.rootMessage(e) : e.getMessage();
      throw new UserError(reason + (config.storeManifest().getScheme().startsWith("http")
          ? " (offline? leave out --store-manifest: the bundled copy needs no network)" : ""));
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
