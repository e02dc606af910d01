package dev.autoscaling.workshop.monitor;

import java.util.OptionalDouble;

/**
 * A queue as RabbitMQ's management API reports it ({@code GET /api/queues/<vhost>/<name>}), refreshed by the
 * broker every {@code collect_statistics_interval} (5 s by default).
 *
 * @param messages               {@code messages}: ready plus unacknowledged, what KEDA's QueueLength mode reads
 * @param messagesReady          {@code messages_ready}: waiting for a consumer
 * @param messagesUnacknowledged {@code messages_unacknowledged}: delivered, not yet acknowledged
 * @param publishRate            {@code message_stats.publish_details.rate} in messages per second, what KEDA's
 *                               MessageRate mode reads; empty until something was published
 */
public record QueueStats(String vhost, String name, long messages, long messagesReady, long messagesUnacknowledged,
                         OptionalDouble publishRate) {
}
