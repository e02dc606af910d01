package dev.autoscaling.simulation.workload;

import java.util.List;

/**
 * The AKS Store (Azure-Samples/aks-store-demo, the all-in-one manifest the workshop deploys, images 2.2.0) as the
 * simulation runs it. Requests are the manifest's. The flow, read from the store's sources: each
 * {@code virtual-customer} replica submits {@code ORDERS_PER_HOUR} orders an hour ({@code src/virtual-customer/
 * src/main.rs} sleeps 3600 / ORDERS_PER_HOUR s between orders) through order-service into the RabbitMQ queue
 * {@code orders}; each {@code virtual-worker} replica completes {@code ORDERS_PER_HOUR} orders an hour
 * ({@code src/virtual-worker/src/main.rs} sleeps the same interval between batches). Assumptions, stated wherever
 * the simulation prints: the queue KEDA reads holds the orders not yet completed (in the 2.2.0 images
 * makeline-service moves them from the queue into its database and the worker completes them there: the
 * simulation lets the backlog stand for both); producing and consuming are steady rates, not one order per sleep;
 * a replica produces or consumes only while Ready.
 */
public final class StoreWorkload {

  /** {@code ORDERS_PER_HOUR} of virtual-customer and virtual-worker in the store's manifest. */
  public static final double ORDERS_PER_HOUR = 100;
  public static final String CUSTOMER = "virtual-customer";
  public static final String WORKER = "virtual-worker";

  private StoreWorkload() {
  }

  /** The store's Deployments and StatefulSets with their manifest's replicas and requests. */
  public static List<Workload> aksStore() {
    return List.of(
        Workload.linux("documentdb", 1, 5, 75),
        Workload.linux("rabbitmq", 1, 10, 128),
        Workload.linux("order-service", 1, 1, 50),
        Workload.linux("makeline-service", 1, 1, 6),
        Workload.linux("product-service", 1, 1, 1),
        Workload.linux("store-front", 1, 1, 200),
        Workload.linux("store-admin", 1, 1, 200),
        Workload.linux(CUSTOMER, 1, 1, 1),
        Workload.linux(WORKER, 1, 1, 1));
  }
}
